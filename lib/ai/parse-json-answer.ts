/**
 * Read a model's answer as JSON, repairing what is safe to repair (code fences, prose around the object,
 * trailing commas, smart quotes used as JSON quotes) and refusing what is not (a truncated answer).
 */
export type JsonAnswer = { ok: true; value: unknown } | { ok: false; error: string };

function stripFences(text: string): string {
  const fenced = /```(?:json|JSON)?\s*([\s\S]*?)```/.exec(text);
  return fenced ? fenced[1] : text;
}

/** The text from the first "{" to the "}" that closes it (string-aware), or undefined when it never closes. */
function outerObject(text: string): string | undefined {
  const start = text.indexOf("{");
  if (start < 0) return undefined;
  let depth = 0;
  let inString = false;
  let escaped = false;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (escaped) escaped = false;
      else if (c === "\\") escaped = true;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    else if (c === "{" || c === "[") depth++;
    else if (c === "}" || c === "]") {
      depth--;
      if (depth === 0) return text.slice(start, i + 1);
    }
  }
  return undefined;
}

export function parseJsonAnswer(raw: string, finishReason?: string): JsonAnswer {
  const text = stripFences(raw).trim();
  if (!text) return { ok: false, error: "The answer was empty; it must be one JSON object." };
  const object = outerObject(text);
  if (object === undefined) {
    if (text.includes("{") || finishReason === "length")
      return { ok: false, error: "The answer was cut off before the JSON object closed. Answer again, more concisely, with the complete JSON object." };
    return { ok: false, error: "The answer contained no JSON object; answer with one JSON object only." };
  }
  try {
    return { ok: true, value: JSON.parse(object) };
  } catch {
    // Common slips: trailing commas, curly quotes around keys.
    const repaired = object.replace(/,\s*([}\]])/g, "$1").replace(/[\u201c\u201d]/g, '"');
    try {
      return { ok: true, value: JSON.parse(repaired) };
    } catch (error) {
      return { ok: false, error: `The answer was not valid JSON (${(error as Error).message}). Answer again with one valid JSON object.` };
    }
  }
}

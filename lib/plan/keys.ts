import { createHash } from "node:crypto";

/**
 * Canonical JSON: object keys sorted, no whitespace, undefined fields dropped, numbers as JSON writes
 * them. Two values that mean the same thing give the same string.
 */
export function canonicalJson(value: unknown): string {
  return writeCanonical(value);
}

// One recursive writer, the text built by appending: every planner pass keys every shot (hundreds in a
// long film), so this runs often. Arrays of numbers (a line's mouth envelope) take the short path.
function writeCanonical(value: unknown): string {
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error(`cannot key a non-finite number: ${value}`);
    return JSON.stringify(value);
  }
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) {
    let out = "[";
    for (let i = 0; i < value.length; i++) {
      const v: unknown = value[i];
      if (i > 0) out += ",";
      if (typeof v === "number") {
        if (!Number.isFinite(v)) throw new Error(`cannot key a non-finite number: ${v}`);
        out += JSON.stringify(v);
      } else out += v === undefined ? "null" : writeCanonical(v);
    }
    return out + "]";
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort();
  let out = "{";
  let first = true;
  for (const k of keys) {
    const v = record[k];
    if (v === undefined) continue;
    if (!first) out += ",";
    first = false;
    out += JSON.stringify(k) + ":" + writeCanonical(v);
  }
  return out + "}";
}

export function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/** key = sha256(canonical JSON of everything the output depends on, with the provider's name and version). */
export function contentKey(stage: string, inputs: unknown, provider: { name: string; version: string }): string {
  return sha256(canonicalJson({ stage, inputs, provider }));
}

/** A 32-bit seed from any strings (stable across machines). */
export function seedFrom(...parts: (string | number)[]): number {
  const h = createHash("sha256").update(parts.join("\u0000")).digest();
  return h.readUInt32LE(0);
}

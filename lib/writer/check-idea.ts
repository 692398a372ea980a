import { AuteurError } from "../errors";
import { LIMITS } from "../screenplay/limits";

// C0/C1 controls except tab/newline/CR (those become spaces), zero-width and bidi controls, BOM.
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]/g;

/** Strip invisible and control characters, turn line breaks and tabs into spaces, collapse runs of blanks. */
export function cleanText(text: string): string {
  return text
    .normalize("NFC")
    .replace(/[\t\r\n\u2028\u2029]+/g, " ")
    .replace(INVISIBLE, "")
    .replace(/[ \u00a0]{2,}/g, " ")
    .trim();
}

function check(text: string, what: "idea" | "message", max: number): string {
  if (typeof text !== "string") throw new AuteurError("invalid_input", `The ${what} must be text.`);
  if (text.length > max * 4)
    throw new AuteurError("limit_exceeded", `The ${what} is ${text.length.toLocaleString("en-US")} characters long; the limit is ${max.toLocaleString("en-US")}. Please shorten it.`, {
      details: { length: text.length, limit: max },
    });
  const clean = cleanText(text);
  if (clean.length === 0)
    throw new AuteurError("invalid_input", what === "idea" ? "The idea is empty. Describe the film you want, e.g. \"a 3-minute western about a retired sheriff\"." : "The message is empty. Say what to change, e.g. \"make the ending hopeful\".");
  if (!/\p{L}/u.test(clean))
    throw new AuteurError("invalid_input", `The ${what} has no words in it, only digits or punctuation. Describe ${what === "idea" ? "the film you want" : "what to change"} in a few words.`);
  if (clean.length > max)
    throw new AuteurError("limit_exceeded", `The ${what} is ${clean.length.toLocaleString("en-US")} characters long; the limit is ${max.toLocaleString("en-US")}. Please shorten it.`, {
      details: { length: clean.length, limit: max },
    });
  return clean;
}

/** Validate and clean a new film idea. Throws AuteurError("invalid_input" | "limit_exceeded"). */
export function checkIdea(text: string): string {
  return check(text, "idea", LIMITS.maxIdeaChars);
}

/** Validate and clean a follow-up chat message. Throws AuteurError("invalid_input" | "limit_exceeded"). */
export function checkMessage(text: string): string {
  return check(text, "message", LIMITS.maxMessageChars);
}

/**
 * Text hygiene for the synthesizer: the text only ever travels as one argv element, and is reduced
 * to what Flite can say. Accents are folded (é -> e), typographic quotes and dashes become ASCII,
 * markup-looking brackets and control characters (NUL included), emoji and scripts Flite cannot read
 * are dropped. Everything else (quotes, $(...), ampersands) is spoken literally.
 */
const REPLACE: Record<string, string> = {
  "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
  "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u2033": '"', "\u00ab": '"', "\u00bb": '"',
  "\u2013": "-", "\u2014": ", ", "\u2015": ", ", "\u2026": "...", "\u00a0": " ", "\u00df": "ss",
  "\u00e6": "ae", "\u00c6": "AE", "\u0153": "oe", "\u0152": "OE", "\u00f8": "o", "\u00d8": "O", "\u0142": "l", "\u0141": "L",
};

export const MAX_SPOKEN_CHARS = 1000;

export function cleanSpeechText(text: string): string {
  let s = text.normalize("NFKD");
  s = s.replace(/[\u2018-\u201e\u2032\u2033\u00ab\u00bb\u2013-\u2015\u2026\u00a0\u00df\u00e6\u00c6\u0153\u0152\u00f8\u00d8\u0142\u0141]/g, (c) => REPLACE[c] ?? " ");
  s = s.replace(/\p{M}/gu, ""); // combining accents left by NFKD
  s = s.replace(/[\r\n\t]+/g, " ");
  // Markup brackets would read as "less than"; drop them but keep the words between.
  s = s.replace(/[<>{}[\]\\|^`~_]/g, " ");
  // Anything outside printable ASCII (control characters, emoji, other scripts) is dropped.
  s = s.replace(/[^\x20-\x7e]/g, " ");
  s = s.replace(/\s+/g, " ").trim();
  if (s.length > MAX_SPOKEN_CHARS) s = s.slice(0, MAX_SPOKEN_CHARS).replace(/\s+\S*$/, "");
  return s;
}

/** True when the cleaned text has something to say (a letter or a digit). */
export function isSpeakable(cleaned: string): boolean {
  return /[A-Za-z0-9]/.test(cleaned);
}

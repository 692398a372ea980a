/** Trim model text to `max` characters: single spaces, cut at a word boundary, never empty (uses `fallback`). */
export function clipText(text: string | null | undefined, max: number, fallback = "..."): string {
  const clean = (text ?? "").replace(/\s+/g, " ").trim();
  if (!clean) return fallback.slice(0, max);
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max);
  const space = cut.lastIndexOf(" ");
  return (space >= max * 0.5 ? cut.slice(0, space) : cut).replace(/[\s,;:-]+$/, "");
}

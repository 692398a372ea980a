/** Text helpers: a font stack that exists on Debian machines, and greedy word wrapping. */
import type { Ctx } from "./places/place-context";

export const FONT_FAMILY = '"DejaVu Sans", "Liberation Sans", "Noto Sans", Arial, sans-serif';

export function font(px: number, weight: "normal" | "bold" = "normal"): string {
  return `${weight} ${Math.round(px)}px ${FONT_FAMILY}`;
}

/** Wrap text to lines no wider than maxWidth (measured with the context's current font). */
export function wrapText(ctx: Ctx, text: string, maxWidth: number): string[] {
  const words = text.replace(/\s+/g, " ").trim().split(" ");
  const lines: string[] = [];
  let line = "";
  for (const w of words) {
    const next = line ? `${line} ${w}` : w;
    if (line && ctx.measureText(next).width > maxWidth) {
      lines.push(line);
      line = w;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

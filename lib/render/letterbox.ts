/** Letterbox bars for the wide aspects (pure). */
import type { Look } from "../screenplay/schema";

/** Height of each letterbox bar for an aspect, in pixels (0 for 16:9). */
export function letterboxBar(aspect: Look["aspect"], width: number, height: number): number {
  if (aspect === "16:9") return 0;
  const ratio = aspect === "2.39" ? 2.39 : 1.85;
  return Math.max(0, Math.round((height - width / ratio) / 2));
}

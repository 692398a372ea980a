/**
 * "12.ts" -> segment 12 as MPEG-TS (HLS); "12.mp4" -> as fragmented MP4 (Media Source Extensions).
 * Anything else (a path, a sign, a leading zero, another extension) -> null. Pure.
 */
export function parseSegmentName(name: string): { index: number; format: "ts" | "mp4" } | null {
  const match = /^(0|[1-9]\d{0,5})\.(ts|mp4)$/.exec(name);
  return match ? { index: Number(match[1]), format: match[2] as "ts" | "mp4" } : null;
}

/**
 * Splits streamed NDJSON text into whole lines: returns the parsed values of every complete line and
 * the unfinished rest to prepend to the next chunk. Blank lines are skipped. Pure.
 */
export function takeNdjsonLines(buffer: string): { values: unknown[]; rest: string } {
  const parts = buffer.split("\n");
  const rest = parts.pop() ?? "";
  const values = parts.filter((l) => l.trim() !== "").map((l) => JSON.parse(l) as unknown);
  return { values, rest };
}

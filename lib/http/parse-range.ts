/**
 * Reads an HTTP `Range` header against a file of `size` bytes (RFC 9110 §14). Pure.
 *
 * - no header, a header we do not understand, or several ranges: the whole file (a server may ignore Range)
 * - one satisfiable range: its first and last byte, inclusive, clamped to the file
 * - a range that starts past the end (or any range of an empty file): unsatisfiable (answer 416)
 */
export type ByteRange =
  | { kind: "full" }
  | { kind: "partial"; start: number; end: number }
  | { kind: "unsatisfiable" };

const SINGLE = /^bytes\s*=\s*(\d*)\s*-\s*(\d*)\s*$/i;

export function parseRange(header: string | null | undefined, size: number): ByteRange {
  if (!header) return { kind: "full" };
  const match = SINGLE.exec(header.trim());
  if (!match) return { kind: "full" };
  const [, first, last] = match;
  if (first === "" && last === "") return { kind: "full" };
  if (first === "") {
    // "bytes=-N": the last N bytes.
    const suffix = Number(last);
    if (suffix === 0 || size === 0) return { kind: "unsatisfiable" };
    return { kind: "partial", start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  const end = last === "" ? size - 1 : Number(last);
  if (last !== "" && end < start) return { kind: "full" };
  if (start >= size) return { kind: "unsatisfiable" };
  return { kind: "partial", start, end: Math.min(end, size - 1) };
}

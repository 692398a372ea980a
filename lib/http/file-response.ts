/**
 * Answers a request with a file from disk, streamed, honouring a single byte range (206 with
 * Content-Range) so that <video> can seek. The path comes from the service layer, never the request.
 */
import { createReadStream } from "node:fs";
import { Readable } from "node:stream";
import { parseRange } from "./parse-range";

export interface FileToServe {
  path: string;
  contentType: string;
  size: number;
}

export interface FileAnswer {
  status: number;
  headers: Record<string, string>;
  /** The bytes to send (inclusive), or none (an empty file, a HEAD, a range that cannot be met). */
  body?: { start: number; end: number };
}

/** Status, headers and byte range of the answer for a file, given the request's Range header. Pure. */
export function planFileAnswer(rangeHeader: string | null, file: FileToServe, options: { cacheControl?: string; headOnly?: boolean } = {}): FileAnswer {
  const headers: Record<string, string> = {
    "Content-Type": file.contentType,
    "Accept-Ranges": "bytes",
    "Cache-Control": options.cacheControl ?? "private, max-age=3600",
    "X-Content-Type-Options": "nosniff",
  };
  const range = parseRange(rangeHeader, file.size);
  if (range.kind === "unsatisfiable") {
    headers["Content-Range"] = `bytes */${file.size}`;
    return { status: 416, headers };
  }
  const start = range.kind === "partial" ? range.start : 0;
  const end = range.kind === "partial" ? range.end : file.size - 1;
  const length = file.size === 0 ? 0 : end - start + 1;
  headers["Content-Length"] = String(length);
  const status = range.kind === "partial" ? 206 : 200;
  if (range.kind === "partial") headers["Content-Range"] = `bytes ${start}-${end}/${file.size}`;
  if (options.headOnly || length === 0) return { status, headers };
  return { status, headers, body: { start, end } };
}

export function fileResponse(request: { headers: Headers }, file: FileToServe, options: { cacheControl?: string; headOnly?: boolean } = {}): Response {
  const answer = planFileAnswer(request.headers.get("range"), file, options);
  if (!answer.body) return new Response(null, { status: answer.status, headers: answer.headers });
  const stream = createReadStream(file.path, answer.body);
  const body = Readable.toWeb(stream) as unknown as ReadableStream<Uint8Array>;
  return new Response(body, { status: answer.status, headers: answer.headers });
}

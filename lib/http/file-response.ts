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

export function fileResponse(
  request: Request,
  file: FileToServe,
  options: { cacheControl?: string; headOnly?: boolean } = {},
): Response {
  const headers = new Headers({
    "Content-Type": file.contentType,
    "Accept-Ranges": "bytes",
    "Cache-Control": options.cacheControl ?? "private, max-age=3600",
    "X-Content-Type-Options": "nosniff",
  });
  const range = parseRange(request.headers.get("range"), file.size);
  if (range.kind === "unsatisfiable") {
    headers.set("Content-Range", `bytes */${file.size}`);
    return new Response(null, { status: 416, headers });
  }
  const start = range.kind === "partial" ? range.start : 0;
  const end = range.kind === "partial" ? range.end : file.size - 1;
  const length = file.size === 0 ? 0 : end - start + 1;
  headers.set("Content-Length", String(length));
  const status = range.kind === "partial" ? 206 : 200;
  if (range.kind === "partial") headers.set("Content-Range", `bytes ${start}-${end}/${file.size}`);
  if (options.headOnly || length === 0) return new Response(null, { status, headers });
  const stream = createReadStream(file.path, { start, end });
  const body = Readable.toWeb(stream) as unknown as ReadableStream<Uint8Array>;
  return new Response(body, { status, headers });
}

/**
 * The server's direct path for a cut's streaming reads (playlist and segments, by its owner or through a
 * share link: nine in ten requests while people watch). `npm start` answers them here, before Next.js's router, with the very answers
 * its routes give (./cut-stream): the router's per-request work (matching, wrapping the request, its
 * async context) cost several times the read itself, and under load the players' reloads queued behind
 * it. Everything else goes to Next.js.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createReadStream } from "node:fs";
import { cutPlaylistAnswer, cutSegmentFile, type CutStreamTarget, type RequestLike } from "./cut-stream";
import { errorResponse } from "./error-response";
import { planFileAnswer } from "./file-response";

export type FastRead = { kind: "playlist"; target: CutStreamTarget } | { kind: "segment"; target: CutStreamTarget; name: string };

const PLAYLIST = /^\/api\/(cuts|s)\/([^/]+)\/playlist\.m3u8$/;
const SEGMENT = /^\/api\/(cuts|s)\/([^/]+)\/segments\/([^/]+)$/;

function targetOf(scope: string, id: string): CutStreamTarget {
  const value = decodeURIComponent(id);
  return scope === "s" ? { token: value } : { cutId: value };
}

/** Which direct read a request is (GET or HEAD of an owner's or a share link's playlist or segment), or null. Pure. */
export function matchFastRead(method: string | undefined, url: string | undefined): FastRead | null {
  if ((method !== "GET" && method !== "HEAD") || !url) return null;
  const q = url.indexOf("?");
  const pathname = q === -1 ? url : url.slice(0, q);
  try {
    const p = PLAYLIST.exec(pathname);
    if (p) return { kind: "playlist", target: targetOf(p[1]!, p[2]!) };
    const s = SEGMENT.exec(pathname);
    if (s) return { kind: "segment", target: targetOf(s[1]!, s[2]!), name: decodeURIComponent(s[3]!) };
  } catch {
    // A malformed escape: Next.js gives its own answer.
  }
  return null;
}

function requestOf(req: IncomingMessage): RequestLike {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else headers.set(name, value);
  }
  const host = headers.get("host") ?? "localhost";
  return { headers, url: `http://${host}${req.url ?? "/"}`, method: req.method };
}

/** Write a fetch Response to a Node response (HEAD gets the headers alone). */
async function send(response: Response, req: IncomingMessage, res: ServerResponse): Promise<void> {
  res.statusCode = response.status;
  response.headers.forEach((value, name) => res.setHeader(name, value));
  if (!response.body || req.method === "HEAD") {
    await response.body?.cancel();
    res.end();
    return;
  }
  await pipeline(Readable.fromWeb(response.body as import("node:stream/web").ReadableStream<Uint8Array>), res);
}

/** Answer the request if it is a direct read; false (nothing written) when Next.js should. */
export async function serveFastRead(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  const read = matchFastRead(req.method, req.url);
  if (!read) return false;
  const request = requestOf(req);
  try {
    if (read.kind === "playlist") await send(await cutPlaylistAnswer(request, read.target), req, res);
    else {
      // A segment's bytes go from the file to the socket as Node streams (no web-stream round trip).
      let file;
      try {
        file = await cutSegmentFile(request, read.target, read.name);
      } catch (error) {
        await send(errorResponse(error), req, res);
        return true;
      }
      const answer = planFileAnswer(request.headers.get("range"), file, { headOnly: req.method === "HEAD" });
      res.writeHead(answer.status, answer.headers);
      if (answer.body) await pipeline(createReadStream(file.path, answer.body), res);
      else res.end();
    }
  } catch {
    // The player went away mid-answer: nothing more to send.
    res.destroy();
  }
  return true;
}

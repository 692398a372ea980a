/**
 * Progress as server-sent events: a stream that looks at a film every ~500 ms on the server and sends
 * the film view only when it changed, with a heartbeat comment in between so proxies keep the
 * connection open. It stops when the client goes away (the request's signal) or, if asked, once the
 * shown cut is finished.
 *
 * Looking is cheap: the streams of one film share one read of its view per change (film-changes.ts),
 * so many viewers of a rendering film cost the database a read when a stage lands, not two reads per
 * viewer per second.
 */
import { AuteurError } from "../errors";
import { getRuntime } from "../runtime";
import { filmVersions, VersionedReads } from "./film-changes";
import { getFilm } from "./service";
import type { FilmView } from "./views";

/** One SSE message (`event:` / `id:` / `data:` lines, ended by a blank line). Pure. */
export function formatSse(input: { event?: string; id?: string; data: unknown }): string {
  const lines: string[] = [];
  if (input.event) lines.push(`event: ${input.event}`);
  if (input.id) lines.push(`id: ${input.id}`);
  const text = typeof input.data === "string" ? input.data : JSON.stringify(input.data);
  for (const line of text.split(/\r?\n/)) lines.push(`data: ${line}`);
  return lines.join("\n") + "\n\n";
}

/** A comment line: ignored by EventSource, keeps the connection alive. Pure. */
export function sseComment(text: string): string {
  return `: ${text.replace(/[\r\n]+/g, " ")}\n\n`;
}

export interface EventSourceOptions {
  /** Read the current state; throws to end the stream with an `error` event. */
  read: () => Promise<unknown>;
  signal?: AbortSignal;
  intervalMs?: number;
  heartbeatMs?: number;
  /** Event name of a change. */
  event?: string;
  /** Stop after sending a state for which this is true. */
  done?: (state: unknown) => boolean;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

const defaultSleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    }
    signal?.addEventListener("abort", done, { once: true });
  });

/**
 * The polling loop behind an SSE response, as a byte stream: reads the state, sends it when its JSON
 * differs from the last one sent, a heartbeat comment when nothing changed for `heartbeatMs`.
 */
export function pollingEventStream(options: EventSourceOptions): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const interval = options.intervalMs ?? 500;
  const heartbeat = options.heartbeatMs ?? 15_000;
  const sleep = options.sleep ?? defaultSleep;
  const stop = new AbortController();
  const onAbort = () => stop.abort();
  options.signal?.addEventListener("abort", onAbort, { once: true });
  return new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (text: string) => {
        if (!stop.signal.aborted) controller.enqueue(encoder.encode(text));
      };
      send("retry: 2000\n\n");
      let last = "";
      let sequence = 0;
      let quietSince = Date.now();
      try {
        while (!stop.signal.aborted) {
          const state = await options.read();
          const json = jsonOf(state);
          if (json !== last) {
            last = json;
            sequence += 1;
            send(formatSse({ event: options.event ?? "change", id: String(sequence), data: json }));
            quietSince = Date.now();
            if (options.done?.(state)) break;
          } else if (Date.now() - quietSince >= heartbeat) {
            send(sseComment("still here"));
            quietSince = Date.now();
          }
          await sleep(interval, stop.signal);
        }
      } catch (error) {
        const known = error instanceof AuteurError ? error : null;
        send(formatSse({ event: "failure", data: { error: { code: known?.code ?? "internal", message: known?.message ?? "The progress stream stopped." } } }));
      } finally {
        options.signal?.removeEventListener("abort", onAbort);
        try {
          controller.close();
        } catch {
          /* the client already went */
        }
      }
    },
    cancel() {
      stop.abort();
    },
  });
}

/** JSON of a state; a state object shared between streams is serialized once. */
const jsonCache = new WeakMap<object, string>();
function jsonOf(state: unknown): string {
  if (typeof state !== "object" || state === null) return JSON.stringify(state);
  let json = jsonCache.get(state);
  if (json === undefined) jsonCache.set(state, (json = JSON.stringify(state)));
  return json;
}

/**
 * Views read for live streams, shared while their film's version stands. Five seconds bounds how stale
 * a view can get should a change notification be lost; without notifications every look reads.
 */
const liveViews = new VersionedReads<FilmView>(5_000);

/** The film view as live streams see it: shared with every stream of the film at its current version. */
export async function liveFilmView(input: { ownerId: string; filmId: string; cutId?: string; branchId?: string }): Promise<FilmView> {
  const rt = await getRuntime();
  const versions = await filmVersions(rt.database);
  const key = [input.ownerId, input.filmId, input.cutId ?? "", input.branchId ?? ""].join("\0");
  return liveViews.get(key, versions.listening ? versions.version(input.filmId) : undefined, Date.now(), () => getFilm(input));
}

/** A film's progress as SSE: `film` events with the FilmView (the branch head, or `cutId`). */
export function filmEvents(input: { ownerId: string; filmId: string; cutId?: string; branchId?: string; signal?: AbortSignal; intervalMs?: number }): ReadableStream<Uint8Array> {
  return pollingEventStream({
    read: () => liveFilmView({ ownerId: input.ownerId, filmId: input.filmId, cutId: input.cutId, branchId: input.branchId }),
    signal: input.signal,
    intervalMs: input.intervalMs,
    event: "film",
  });
}

export type { FilmView };

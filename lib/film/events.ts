/**
 * Progress as server-sent events: a stream that looks at a film every ~500 ms on the server and sends
 * the film view only when it changed, with a heartbeat comment in between so proxies keep the
 * connection open. It stops when the client goes away (the request's signal) or, if asked, once the
 * shown cut is finished.
 */
import { AuteurError } from "../errors";
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
          const json = JSON.stringify(state);
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

/** A film's progress as SSE: `film` events with the FilmView (the branch head, or `cutId`). */
export function filmEvents(input: { ownerId: string; filmId: string; cutId?: string; branchId?: string; signal?: AbortSignal; intervalMs?: number }): ReadableStream<Uint8Array> {
  return pollingEventStream({
    read: () => getFilm({ ownerId: input.ownerId, filmId: input.filmId, cutId: input.cutId, branchId: input.branchId }),
    signal: input.signal,
    intervalMs: input.intervalMs,
    event: "film",
  });
}

export type { FilmView };

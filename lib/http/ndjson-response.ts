/**
 * A streamed answer of newline-delimited JSON (`application/x-ndjson`): one JSON value a line, sent as
 * soon as it is known. `run` gets `send`; a throw becomes a last `{type:"error", error}` line with the
 * same `{ code, message }` the JSON API answers.
 */
import { errorBody } from "./error-response";

/** One NDJSON line. Pure. */
export function ndjsonLine(value: unknown): string {
  return JSON.stringify(value) + "\n";
}

export function ndjsonResponse(run: (send: (value: unknown) => void, signal: AbortSignal) => Promise<void>, init: { status?: number } = {}): Response {
  const encoder = new TextEncoder();
  const abort = new AbortController();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (value: unknown) => {
        if (!abort.signal.aborted) controller.enqueue(encoder.encode(ndjsonLine(value)));
      };
      try {
        await run(send, abort.signal);
      } catch (error) {
        const { status, body } = errorBody(error);
        if (status >= 500) console.error("[auteur] streamed request failed:", error);
        send({ type: "error", error: body.error });
      } finally {
        try {
          controller.close();
        } catch {
          /* the client went away */
        }
      }
    },
    cancel() {
      abort.abort();
    },
  });
  return new Response(stream, {
    status: init.status ?? 200,
    headers: { "Content-Type": "application/x-ndjson; charset=utf-8", "Cache-Control": "no-store, no-transform", "X-Accel-Buffering": "no" },
  });
}

/** True when the client asked for the streamed answer. Pure. */
export function wantsNdjson(request: Request): boolean {
  return /\bapplication\/x-ndjson\b/i.test(request.headers.get("accept") ?? "");
}

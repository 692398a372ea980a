import { describe, expect, it } from "vitest";
import { AuteurError } from "../../../lib/errors";
import { formatSse, pollingEventStream, sseComment } from "../../../lib/film/events";

async function readAll(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new Response(stream).text();
}

describe("formatSse", () => {
  it("writes event, id and data lines ended by a blank line", () => {
    expect(formatSse({ event: "film", id: "3", data: { a: 1 } })).toBe('event: film\nid: 3\ndata: {"a":1}\n\n');
  });

  it("splits text with newlines over several data lines", () => {
    expect(formatSse({ data: "one\ntwo" })).toBe("data: one\ndata: two\n\n");
  });

  it("keeps a comment on one line", () => {
    expect(sseComment("a\nb")).toBe(": a b\n\n");
  });
});

describe("pollingEventStream", () => {
  it("sends a state only when it changed, and stops when told it is done", async () => {
    const states = [{ p: 0 }, { p: 0 }, { p: 0.5 }, { p: 0.5 }, { p: 1 }, { p: 1 }];
    let i = 0;
    const text = await readAll(
      pollingEventStream({ read: async () => states[Math.min(i++, states.length - 1)], event: "film", done: (s) => (s as { p: number }).p === 1, sleep: async () => {}, heartbeatMs: 1e9 }),
    );
    const data = [...text.matchAll(/^data: (.*)$/gm)].map((m) => JSON.parse(m[1]!));
    expect(data).toEqual([{ p: 0 }, { p: 0.5 }, { p: 1 }]);
    expect(text.startsWith("retry: ")).toBe(true);
    expect([...text.matchAll(/^event: film$/gm)]).toHaveLength(3);
  });

  it("sends heartbeat comments while nothing changes", async () => {
    let reads = 0;
    const controller = new AbortController();
    const text = await readAll(
      pollingEventStream({
        read: async () => {
          if (++reads === 4) controller.abort();
          return { same: true };
        },
        signal: controller.signal,
        heartbeatMs: 0,
        sleep: async () => {},
      }),
    );
    expect(text).toContain(": still here");
    expect([...text.matchAll(/^data: /gm)]).toHaveLength(1);
  });

  it("stops polling when the client goes away", async () => {
    const controller = new AbortController();
    let reads = 0;
    const stream = pollingEventStream({ read: async () => ({ n: ++reads }), signal: controller.signal, intervalMs: 5 });
    const reader = stream.getReader();
    await reader.read();
    await reader.read();
    controller.abort();
    await reader.cancel();
    const after = reads;
    await new Promise((r) => setTimeout(r, 40));
    expect(reads - after).toBeLessThanOrEqual(1);
  });

  it("ends with a failure event (not the browser's own error event) carrying the API's error shape", async () => {
    const text = await readAll(pollingEventStream({ read: async () => Promise.reject(new AuteurError("not_found", "No such film.")), sleep: async () => {} }));
    expect(text).toContain("event: failure");
    expect(text).toContain('"message":"No such film."');
  });
});

import { afterEach, describe, expect, test } from "vitest";
import { z } from "zod";
import { selectTextModel } from "../../../lib/ai/models";
import { streamJson, type CallPolicy } from "../../../lib/ai/stream-json";
import { AuteurError } from "../../../lib/errors";
import { writeScreenplayWithModel } from "../../../lib/writer/llm/write-screenplay-with-model";
import { startFakeServer, type FakeReply, type FakeRequest, type FakeServer } from "./fake-openai-server";
import { filmScript, PREMISE } from "./film-script";

let server: FakeServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const Answer = z.object({ title: z.string(), count: z.number().int() });
const GOOD = { title: "Dust", count: 3 };

async function ask(replies: (FakeReply | ((req: FakeRequest) => FakeReply))[], policy: Partial<CallPolicy> = {}, signal?: AbortSignal) {
  let n = 0;
  server = await startFakeServer((req) => {
    const r = replies[Math.min(n++, replies.length - 1)];
    return typeof r === "function" ? r(req) : r;
  });
  const model = selectTextModel({ llmBaseUrl: server.baseURL, llmModel: "fake", openaiModel: "unused" }).model!;
  return streamJson({ model, name: "premise", schema: Answer, system: "You write JSON.", prompt: "Title and count.", signal, policy: { retryBaseMs: 5, maxDelayMs: 100, ...policy } });
}

describe("malformed and truncated answers", () => {
  test("a malformed answer goes back to the model with the reason, and the next answer is used", async () => {
    expect(await ask([{ text: '{"title": "Dust", "count": ' }, { json: GOOD }])).toEqual(GOOD);
    expect(server!.requests).toHaveLength(2);
    const retry = server!.requests[1].body.messages;
    expect(retry.at(-2)).toMatchObject({ role: "assistant", content: '{"title": "Dust", "count": ' });
    expect(retry.at(-1).content).toMatch(/cut off before the JSON object closed/);
  });

  test("fences, prose around the object and trailing commas are repaired without asking again", async () => {
    expect(await ask([{ text: 'Sure! Here it is:\n```json\n{"title": "Dust", "count": 3,}\n```\nEnjoy.' }])).toEqual(GOOD);
    expect(server!.requests).toHaveLength(1);
  });

  test("an answer cut off by the length limit is asked again", async () => {
    expect(await ask([{ text: JSON.stringify(GOOD), finishReason: "length" }, { json: GOOD }])).toEqual(GOOD);
    expect(server!.requests[1].lastUser).toMatch(/length limit/);
  });

  test("an answer that does not match the schema is sent back with the fields that are wrong", async () => {
    expect(await ask([{ json: { title: "Dust", count: "three" } }, { json: GOOD }])).toEqual(GOOD);
    expect(server!.requests[1].lastUser).toMatch(/count: /);
  });

  test("persistently malformed answers end in a clear error after a bounded number of tries", async () => {
    const error = await ask([{ text: "I am a teapot." }], { maxRepairs: 2 }).catch((e) => e);
    expect(error).toBeInstanceOf(AuteurError);
    expect(error.code).toBe("provider_failed");
    expect(error.message).toMatch(/3 unusable answers for the premise.*no JSON object/);
    expect(server!.requests).toHaveLength(3);
  });
});

describe("timeouts and server errors", () => {
  test("a model that never answers times out with a clear error", async () => {
    const started = performance.now();
    const error = await ask([{ hang: true }], { timeoutMs: 300 }).catch((e) => e);
    expect(error).toBeInstanceOf(AuteurError);
    expect(error.code).toBe("timeout");
    expect(error.message).toBe("The model did not finish the premise within 0.3 s (LLM_TIMEOUT_MS). Try again, or use a faster model.");
    expect(performance.now() - started).toBeLessThan(3000);
    expect(server!.requests).toHaveLength(1);
  });

  test("a stream that stalls half way also times out", async () => {
    const error = await ask([{ json: GOOD, chunkSize: 4, delayMs: 400 }], { timeoutMs: 1000 }).catch((e) => e);
    expect(error).toBeInstanceOf(AuteurError);
    expect(error.code).toBe("timeout");
  });

  test("a 500 is retried with backoff, then the answer is used", async () => {
    const started = performance.now();
    expect(await ask([{ status: 500 }, { json: GOOD }], { retryBaseMs: 150, maxDelayMs: 1_000 })).toEqual(GOOD);
    expect(server!.calls.map((c) => c.status)).toEqual([500, 200]);
    // It waited before retrying (timers may fire a few ms early, so allow some slack below the 150 ms base).
    expect(performance.now() - started).toBeGreaterThanOrEqual(120);
  });

  test("a 429 waits as long as the server's retry-after says", async () => {
    const started = performance.now();
    expect(await ask([{ status: 429, headers: { "retry-after-ms": "30" } }, { json: GOOD }], { retryBaseMs: 60_000, maxDelayMs: 60_000 })).toEqual(GOOD);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(server!.requests).toHaveLength(2);
  });

  test("retries are bounded: a server that keeps failing ends in a clear error", async () => {
    const error = await ask([{ status: 503, body: JSON.stringify({ error: { message: "model is loading" } }) }], { maxRetries: 3 }).catch((e) => e);
    expect(error.code).toBe("provider_failed");
    expect(error.message).toMatch(/premise \(after 3 retries\): HTTP 503.*model is loading/);
    expect(server!.requests).toHaveLength(4);
  });

  test("a persistent 429 is reported as rate limited", async () => {
    const error = await ask([{ status: 429 }], { maxRetries: 1 }).catch((e) => e);
    expect(error.code).toBe("rate_limited");
    expect(server!.requests).toHaveLength(2);
  });

  test("a 400 is not retried", async () => {
    const error = await ask([{ status: 400, body: JSON.stringify({ error: { message: "unknown model fake" } }) }]).catch((e) => e);
    expect(error.code).toBe("provider_failed");
    expect(error.message).toMatch(/HTTP 400.*unknown model fake/);
    expect(server!.requests).toHaveLength(1);
  });

  test("a refused connection is retried, then reported", async () => {
    const model = selectTextModel({ llmBaseUrl: "http://127.0.0.1:9/v1", llmModel: "fake", openaiModel: "unused" }).model!;
    const error = await streamJson({ model, name: "premise", schema: Answer, system: "s", prompt: "p", policy: { maxRetries: 1, retryBaseMs: 5 } }).catch((e) => e);
    expect(error).toBeInstanceOf(AuteurError);
    expect(error.code).toBe("provider_failed");
    expect(error.message).toMatch(/after 1 retry/);
  });

  test("cancelling stops the writing", async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const error = await ask([{ hang: true }], { timeoutMs: 10_000 }, controller.signal).catch((e) => e);
    expect(error).toBeInstanceOf(AuteurError);
    expect(error.message).toMatch(/cancelled/);
  });
});

describe("robustness across the levels of a film", () => {
  test("a 500 on one scene and a malformed outline are recovered; the film is complete", async () => {
    let failedScene = false;
    let badOutline = false;
    server = await startFakeServer(
      filmScript((req) => {
        if (req.schemaName === "act_outline" && !badOutline) {
          badOutline = true;
          return { text: '{"acts": [{"title": "One", "summary": "x", "sceneIdeas": ["a"' };
        }
        if (req.schemaName === "scene_shots" && !failedScene) {
          failedScene = true;
          return { status: 500 };
        }
        return undefined;
      }),
    );
    const model = selectTextModel({ llmBaseUrl: server.baseURL, llmModel: "fake", openaiModel: "unused" }).model!;
    const { screenplay } = await writeScreenplayWithModel(model, "a 1-minute western", { policy: { retryBaseMs: 5 } });
    expect(screenplay.title).toBe(PREMISE.title);
    expect(server.calls.filter((c) => c.status === 500)).toHaveLength(1);
    expect(server.requests.filter((r) => r.schemaName === "act_outline")).toHaveLength(2);
  });

  test("a timeout in one scene fails the whole film with a clear error and stops the other calls", async () => {
    server = await startFakeServer(filmScript((req) => (req.schemaName === "scene_shots" ? { hang: true } : undefined)));
    const model = selectTextModel({ llmBaseUrl: server.baseURL, llmModel: "fake", openaiModel: "unused" }).model!;
    const error = await writeScreenplayWithModel(model, "a 3-minute western", { policy: { timeoutMs: 1500 } }).catch((e) => e);
    expect(error).toBeInstanceOf(AuteurError);
    expect(error.code).toBe("timeout");
    expect(error.message).toMatch(/scene_shots within 1.5 s/);
    // No request is left hanging on the server once the writer has given up.
    await new Promise((r) => setTimeout(r, 100));
    expect(server.calls.every((c) => c.endedAt !== undefined)).toBe(true);
  });
});

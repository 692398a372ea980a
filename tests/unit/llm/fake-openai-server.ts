/**
 * A fake OpenAI-compatible server for tests: real HTTP on 127.0.0.1, POST /v1/chat/completions, answering
 * non-streaming and `stream: true` (SSE) requests from a script the test gives. The script sees the request
 * (schema name, messages) and returns JSON, raw text (malformed answers), an HTTP error, or a hang.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface FakeRequest {
  /** Which request this is (0-based, in arrival order). */
  index: number;
  body: Record<string, any>;
  /** response_format.json_schema.name: which level or step the writer asks for. */
  schemaName?: string;
  /** All message contents joined, for matching on prompts. */
  text: string;
  /** The first user message (the level's prompt) and the last one (feedback, on a retry). */
  firstUser: string;
  lastUser: string;
  stream: boolean;
}

export type FakeReply =
  | { json: unknown; chunkSize?: number; delayMs?: number; latencyMs?: number }
  | { text: string; finishReason?: "stop" | "length"; chunkSize?: number; delayMs?: number; latencyMs?: number }
  | { status: number; body?: string; headers?: Record<string, string> }
  | { hang: true };

export interface CallRecord {
  index: number;
  schemaName?: string;
  startedAt: number;
  endedAt?: number;
  status: number;
}

export interface FakeServer {
  /** Base URL to give the provider, ending in /v1. */
  baseURL: string;
  requests: FakeRequest[];
  calls: CallRecord[];
  /** The most requests that were in flight at the same time. */
  maxConcurrent(): number;
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function contentOf(message: any): string {
  if (typeof message?.content === "string") return message.content;
  if (Array.isArray(message?.content)) return message.content.map((p: any) => p.text ?? "").join("");
  return "";
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function startFakeServer(script: (req: FakeRequest) => FakeReply | Promise<FakeReply>): Promise<FakeServer> {
  const requests: FakeRequest[] = [];
  const calls: CallRecord[] = [];
  const open = new Set<ServerResponse>();
  let inFlight = 0;
  let peak = 0;

  const server: Server = createServer(async (req, res) => {
    if (req.method !== "POST" || !req.url?.endsWith("/chat/completions")) {
      res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ error: { message: "not found" } }));
      return;
    }
    open.add(res);
    inFlight++;
    peak = Math.max(peak, inFlight);
    const record: CallRecord = { index: requests.length, startedAt: Date.now(), status: 200 };
    calls.push(record);
    res.on("close", () => {
      open.delete(res);
      inFlight--;
      record.endedAt = Date.now();
    });
    const body = JSON.parse(await readBody(req));
    const messages: any[] = body.messages ?? [];
    const users = messages.filter((m) => m.role === "user");
    const request: FakeRequest = {
      index: record.index,
      body,
      schemaName: body.response_format?.json_schema?.name,
      text: messages.map(contentOf).join("\n"),
      firstUser: contentOf(users[0]),
      lastUser: contentOf(users[users.length - 1]),
      stream: body.stream === true,
    };
    record.schemaName = request.schemaName;
    requests.push(request);
    let reply: FakeReply;
    try {
      reply = await script(request);
    } catch (error) {
      reply = { status: 500, body: JSON.stringify({ error: { message: `script failed: ${(error as Error).message}` } }) };
    }
    if ("hang" in reply) return; // never answers; the client's timeout ends it
    if ("status" in reply) {
      record.status = reply.status;
      res.writeHead(reply.status, { "content-type": "application/json", ...reply.headers });
      res.end(reply.body ?? JSON.stringify({ error: { message: `fake error ${reply.status}`, type: "server_error" } }));
      return;
    }
    if (reply.latencyMs) await pause(reply.latencyMs);
    const content = "json" in reply ? JSON.stringify(reply.json) : reply.text;
    const finishReason = "text" in reply ? (reply.finishReason ?? "stop") : "stop";
    const base = { id: `chatcmpl-${record.index}`, created: 0, model: body.model };
    if (!request.stream) {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(
        JSON.stringify({
          ...base,
          object: "chat.completion",
          choices: [{ index: 0, message: { role: "assistant", content }, finish_reason: finishReason }],
          usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 },
        }),
      );
      return;
    }
    res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache", connection: "keep-alive" });
    const send = (data: unknown) => res.write(`data: ${JSON.stringify(data)}\n\n`);
    send({ ...base, object: "chat.completion.chunk", choices: [{ index: 0, delta: { role: "assistant", content: "" }, finish_reason: null }] });
    const size = reply.chunkSize ?? 64;
    for (let i = 0; i < content.length; i += size) {
      if (res.destroyed) return;
      send({ ...base, object: "chat.completion.chunk", choices: [{ index: 0, delta: { content: content.slice(i, i + size) }, finish_reason: null }] });
      if (reply.delayMs) await pause(reply.delayMs);
    }
    send({ ...base, object: "chat.completion.chunk", choices: [{ index: 0, delta: {}, finish_reason: finishReason }], usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 } });
    res.write("data: [DONE]\n\n");
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    calls,
    maxConcurrent: () => peak,
    close: async () => {
      for (const res of open) res.destroy();
      server.closeAllConnections?.();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * A fake ComfyUI server on 127.0.0.1 (node:http, port 0) speaking the parts of its HTTP API Auteur
 * uses: POST /upload/image, POST /prompt, GET /history/{id}, GET /view. It answers with a real clip.
 */
import http from "node:http";
import fs from "node:fs/promises";
import type { AddressInfo } from "node:net";
import type { Workflow } from "../../../lib/providers/video/fill-workflow";

export interface FakeComfyOptions {
  /** The clip /view sends back. */
  clip: string;
  /** /history answers "not yet" this many times per prompt. */
  pendingPolls?: number;
  /** The first N POST /prompt calls answer 429 (Retry-After: 0). */
  rateLimitFirst?: number;
  /** Every POST /prompt answers 500. */
  broken?: boolean;
  /** The workflow fails inside ComfyUI (history reports an execution error). */
  executionError?: string;
}

export interface FakeComfy {
  url: string;
  uploads: { name: string; bytes: Buffer }[];
  prompts: Workflow[];
  requests: string[];
  close(): Promise<void>;
}

export async function startFakeComfyUi(options: FakeComfyOptions): Promise<FakeComfy> {
  const uploads: FakeComfy["uploads"] = [];
  const prompts: Workflow[] = [];
  const requests: string[] = [];
  const polls = new Map<string, number>();
  let promptCalls = 0;
  const clip = await fs.readFile(options.clip);

  const body = (req: http.IncomingMessage) =>
    new Promise<Buffer>((resolve) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => resolve(Buffer.concat(chunks)));
    });
  const json = (res: http.ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { "content-type": "application/json", ...headers });
    res.end(JSON.stringify(value));
  };

  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    requests.push(`${req.method} ${url.pathname}`);
    if (req.method === "POST" && url.pathname === "/upload/image") {
      const form = await new Response(new Uint8Array(await body(req)), { headers: { "content-type": req.headers["content-type"] ?? "" } }).formData();
      const file = form.get("image") as File;
      uploads.push({ name: file.name, bytes: Buffer.from(await file.arrayBuffer()) });
      return json(res, 200, { name: file.name, subfolder: "", type: "input" });
    }
    if (req.method === "POST" && url.pathname === "/prompt") {
      const data = JSON.parse((await body(req)).toString("utf8")) as { prompt: Workflow };
      promptCalls++;
      if (options.broken) return json(res, 500, { error: "CUDA out of memory" });
      if (promptCalls <= (options.rateLimitFirst ?? 0)) return json(res, 429, { error: "busy" }, { "retry-after": "0" });
      prompts.push(data.prompt);
      const id = `prompt-${prompts.length}`;
      polls.set(id, 0);
      return json(res, 200, { prompt_id: id, number: prompts.length, node_errors: {} });
    }
    const history = /^\/history\/(.+)$/.exec(url.pathname);
    if (req.method === "GET" && history) {
      const id = decodeURIComponent(history[1]!);
      const n = (polls.get(id) ?? 0) + 1;
      polls.set(id, n);
      if (n <= (options.pendingPolls ?? 1)) return json(res, 200, {});
      if (options.executionError)
        return json(res, 200, { [id]: { status: { status_str: "error", completed: false, messages: [["execution_error", { exception_message: options.executionError }]] }, outputs: {} } });
      return json(res, 200, {
        [id]: {
          status: { status_str: "success", completed: true, messages: [] },
          outputs: { "12": { images: [{ filename: `auteur_${id}.mp4`, subfolder: "auteur", type: "output" }], animated: [true] } },
        },
      });
    }
    if (req.method === "GET" && url.pathname === "/view") {
      if (!url.searchParams.get("filename")?.endsWith(".mp4") || url.searchParams.get("type") !== "output") return json(res, 404, { error: "no such file" });
      res.writeHead(200, { "content-type": "video/mp4" });
      return res.end(clip);
    }
    json(res, 404, { error: "not found" });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    uploads,
    prompts,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * A self-hosted GPU path: a ComfyUI server (the usual way Wan, LTX-Video or HunyuanVideo are served on
 * one's own GPUs), driven through its HTTP API. Per shot: upload the first frame and the characters'
 * reference images (POST /upload/image), queue the filled workflow (POST /prompt), poll its history
 * (GET /history/{prompt_id}) and fetch the clip it saved (GET /view).
 */
import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { AuteurError } from "../../errors";
import type { ShotSpec } from "../../plan/specs";
import { limiterFor } from "../limiter";
import { parseRetryAfter, ProviderHttpError, sleep, withRetries } from "../retry";
import { fillWorkflow, workflowPlaceholders, type Workflow, type WorkflowValues } from "./fill-workflow";
import { shotPrompt } from "./shot-prompt";
import type { ProviderPrice, RenderContext, RenderedClip, ShotRenderer } from "./types";

export interface ComfyUiOptions {
  /** e.g. http://gpu-box:8188 */
  url: string;
  workflow: Workflow;
  /** Names the template in the provider version, so a new template re-renders. */
  workflowName: string;
  price?: ProviderPrice;
  maxConcurrency?: number;
  /** Longest clip in frames the model makes (Wan: 121 at 24 fps); longer shots hold their last frame. */
  maxFrames?: number;
  pollMs?: number;
  /** Give up on one render after this long. */
  timeoutMs?: number;
  /** Attempts per HTTP call (429 and 5xx are retried with backoff). */
  attempts?: number;
  retryBaseMs?: number;
  fetch?: typeof fetch;
}

const VIDEO_EXT = /\.(mp4|webm|mov|mkv|gif|webp|avi)$/i;

/** Frames to ask a Wan-style model for: 4n+1, at least the shot (capped), at least 5. */
export function comfyClipFrames(frames: number, maxFrames: number): number {
  const cap = Math.max(5, Math.floor((maxFrames - 1) / 4) * 4 + 1);
  return Math.min(cap, Math.ceil((Math.max(frames, 5) - 1) / 4) * 4 + 1);
}

/** The placeholder values for one shot (pure). */
export function comfyValues(spec: ShotSpec, ctx: { seed: number; firstFrame?: string; references: string[] }, maxFrames: number): WorkflowValues {
  const { prompt, negativePrompt } = shotPrompt(spec);
  const values: WorkflowValues = {
    prompt,
    negative_prompt: negativePrompt,
    seed: ctx.seed,
    width: Math.floor(spec.width / 32) * 32,
    height: Math.floor(spec.height / 32) * 32,
    length: comfyClipFrames(spec.frames, maxFrames),
    fps: spec.fps,
    filename_prefix: `auteur/${spec.shotId}-${spec.key.slice(0, 12)}`,
    first_frame: ctx.firstFrame,
    reference_image: ctx.references[0],
  };
  ctx.references.slice(1, 4).forEach((r, i) => (values[`reference_image_${i + 2}`] = r));
  return values;
}

interface HistoryEntry {
  status?: { status_str?: string; completed?: boolean; messages?: [string, Record<string, unknown>][] };
  outputs?: Record<string, Record<string, unknown>>;
}

/** The saved clip among a finished prompt's outputs (any node, any list of files). */
export function findOutputFile(entry: HistoryEntry): { filename: string; subfolder: string; type: string } | undefined {
  for (const output of Object.values(entry.outputs ?? {}))
    for (const list of Object.values(output))
      if (Array.isArray(list))
        for (const f of list as { filename?: string; subfolder?: string; type?: string }[])
          if (f && typeof f.filename === "string" && VIDEO_EXT.test(f.filename)) return { filename: f.filename, subfolder: f.subfolder ?? "", type: f.type ?? "output" };
  return undefined;
}

export function createComfyUiRenderer(options: ComfyUiOptions): ShotRenderer {
  const base = options.url.replace(/\/+$/, "");
  const doFetch = options.fetch ?? fetch;
  const placeholders = workflowPlaceholders(options.workflow);
  const maxFrames = options.maxFrames ?? 121;
  const pollMs = options.pollMs ?? 1000;
  const timeoutMs = options.timeoutMs ?? 30 * 60_000;
  const maxConcurrency = options.maxConcurrency ?? 1;
  const name = "comfyui";
  const retry = (signal?: AbortSignal) => ({ attempts: options.attempts ?? 5, baseMs: options.retryBaseMs ?? 1000, signal });

  async function call(pathname: string, init: RequestInit, signal?: AbortSignal): Promise<Response> {
    return withRetries(async () => {
      let res: Response;
      try {
        res = await doFetch(`${base}${pathname}`, { ...init, signal });
      } catch (cause) {
        if (signal?.aborted) throw cause;
        throw new ProviderHttpError(name, 503, `cannot reach ${base}: ${(cause as Error).message}`);
      }
      if (!res.ok) {
        const text = (await res.text().catch(() => "")).slice(0, 500);
        throw new ProviderHttpError(name, res.status, `${init.method ?? "GET"} ${pathname.split("?")[0]} answered ${res.status}: ${text}`, parseRetryAfter(res.headers.get("retry-after")));
      }
      return res;
    }, retry(signal));
  }

  async function upload(file: string, signal?: AbortSignal): Promise<string> {
    const bytes = await fs.readFile(file);
    const filename = `auteur-${createHash("sha256").update(bytes).digest("hex").slice(0, 24)}${path.extname(file).toLowerCase() || ".png"}`;
    const form = new FormData();
    form.append("image", new Blob([new Uint8Array(bytes)], { type: "image/png" }), filename);
    form.append("type", "input");
    form.append("overwrite", "true");
    const res = await call("/upload/image", { method: "POST", body: form }, signal);
    const body = (await res.json()) as { name?: string; subfolder?: string };
    if (!body.name) throw new AuteurError("provider_failed", "comfyui: /upload/image gave no file name");
    return body.subfolder ? `${body.subfolder}/${body.name}` : body.name;
  }

  async function render(spec: ShotSpec, ctx: RenderContext): Promise<RenderedClip> {
    const signal = ctx.signal;
    const firstFrame = ctx.firstFrame && placeholders.has("first_frame") ? await upload(ctx.firstFrame, signal) : undefined;
    const refFiles = spec.characters.map((c) => ctx.references[c.id]).filter((f): f is string => !!f);
    const references: string[] = [];
    if (placeholders.has("reference_image")) for (const f of refFiles.slice(0, 4)) references.push(await upload(f, signal));
    const workflow = fillWorkflow(options.workflow, comfyValues(spec, { seed: ctx.seed, firstFrame, references }, maxFrames));

    const queued = await call("/prompt", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ prompt: workflow, client_id: "auteur" }) }, signal);
    const { prompt_id: promptId, node_errors: nodeErrors } = (await queued.json()) as { prompt_id?: string; node_errors?: Record<string, unknown> };
    if (!promptId) throw new AuteurError("provider_failed", `comfyui: the workflow was refused: ${JSON.stringify(nodeErrors ?? {}).slice(0, 300)}`);

    const started = Date.now();
    let entry: HistoryEntry | undefined;
    for (;;) {
      signal?.throwIfAborted();
      const res = await call(`/history/${encodeURIComponent(promptId)}`, {}, signal);
      entry = ((await res.json()) as Record<string, HistoryEntry>)[promptId];
      if (entry?.status?.status_str === "error") {
        const msg = entry.status.messages?.find(([kind]) => kind === "execution_error")?.[1];
        throw new AuteurError("provider_failed", `comfyui: the workflow failed: ${String(msg?.exception_message ?? "execution error").slice(0, 300)}`);
      }
      if (entry && (entry.status?.completed || (entry.outputs && Object.keys(entry.outputs).length))) break;
      if (Date.now() - started > timeoutMs) throw new AuteurError("timeout", `comfyui: prompt ${promptId} did not finish in ${Math.round(timeoutMs / 1000)} s`);
      await sleep(pollMs, signal);
    }
    const out = findOutputFile(entry);
    if (!out) throw new AuteurError("provider_failed", "comfyui: the workflow finished without a video file in its outputs");
    const query = new URLSearchParams({ filename: out.filename, subfolder: out.subfolder, type: out.type });
    const res = await call(`/view?${query}`, {}, signal);
    const file = path.join(ctx.workDir, `comfyui-clip${path.extname(out.filename).toLowerCase()}`);
    await fs.writeFile(file, Buffer.from(await res.arrayBuffer()));
    return { file, billedSeconds: comfyClipFrames(spec.frames, maxFrames) / spec.fps };
  }

  const limiter = limiterFor(`${name}:${base}`, maxConcurrency);
  return {
    name,
    version: `1:${options.workflowName}`,
    price: options.price ?? { perVideoSecond: 0 },
    accepts: { referenceImages: placeholders.has("reference_image"), firstFrame: placeholders.has("first_frame"), audio: false },
    maxConcurrency,
    maxSeconds: maxFrames / 24,
    render: (spec, ctx) => limiter.run(() => render(spec, ctx)),
  };
}

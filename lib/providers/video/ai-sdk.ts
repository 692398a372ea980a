/**
 * Any AI SDK video model (its video model specification, v3): Google Veo, fal, Replicate, Kling, xAI...
 * through their AI SDK provider packages, or a model id string that the AI SDK's default provider (the
 * AI Gateway) resolves. References go in as `inputReferences`, the scene chain's first frame as a
 * `first_frame` frame image; the take's seed is passed; the clip comes back as bytes or a URL.
 */
import fs from "node:fs/promises";
import path from "node:path";
import { experimental_generateVideo } from "ai";
import { AuteurError } from "../../errors";
import type { ShotSpec } from "../../plan/specs";
import { limiterFor } from "../limiter";
import { withRetries } from "../retry";
import { shotPrompt } from "./shot-prompt";
import type { ProviderPrice, RenderContext, RenderedClip, ShotRenderer } from "./types";

export type AiSdkVideoModel = Parameters<typeof experimental_generateVideo>[0]["model"];

export interface AiSdkVideoOptions {
  model: AiSdkVideoModel;
  /** Version of this configuration: bump it to re-render everything made with it. */
  version?: string;
  price?: ProviderPrice;
  accepts?: Partial<ShotRenderer["accepts"]>;
  maxConcurrency?: number;
  /** Longest clip the model makes, seconds (Veo: 8). */
  maxSeconds?: number;
  /** Durations the model accepts (seconds); the shortest one that covers the shot is asked for. */
  durations?: number[];
  /** Passed through to the model (provider-specific settings). */
  providerOptions?: Parameters<typeof experimental_generateVideo>[0]["providerOptions"];
  attempts?: number;
  retryBaseMs?: number;
}

export function modelIdOf(model: AiSdkVideoModel): string {
  return typeof model === "string" ? model : `${model.provider}/${model.modelId}`;
}

/** The duration to ask for: the shortest allowed one that covers the shot, else the longest. */
export function clipSeconds(shotSeconds: number, maxSeconds: number, durations?: number[]): number {
  if (durations?.length) {
    const sorted = [...durations].sort((a, b) => a - b);
    return sorted.find((d) => d >= shotSeconds) ?? sorted[sorted.length - 1]!;
  }
  return Math.max(1, Math.min(maxSeconds, Math.ceil(shotSeconds)));
}

export function createAiSdkVideoRenderer(options: AiSdkVideoOptions): ShotRenderer {
  const modelId = modelIdOf(options.model);
  const name = `ai-sdk:${modelId}`;
  const accepts = { referenceImages: true, firstFrame: true, audio: false, ...options.accepts };
  const maxSeconds = options.maxSeconds ?? 8;
  const maxConcurrency = options.maxConcurrency ?? 2;

  async function render(spec: ShotSpec, ctx: RenderContext): Promise<RenderedClip> {
    const { prompt } = shotPrompt(spec);
    const refs = accepts.referenceImages ? spec.characters.map((c) => ctx.references[c.id]).filter((f): f is string => !!f) : [];
    const inputReferences = await Promise.all(refs.map(async (f) => ({ data: new Uint8Array(await fs.readFile(f)), mediaType: "image/png" })));
    const frameImages = accepts.firstFrame && ctx.firstFrame ? [{ image: new Uint8Array(await fs.readFile(ctx.firstFrame)), frameType: "first_frame" as const }] : undefined;
    const duration = clipSeconds(spec.frames / spec.fps, maxSeconds, options.durations);
    const result = await withRetries(
      () =>
        experimental_generateVideo({
          model: options.model,
          prompt,
          n: 1,
          aspectRatio: "16:9",
          resolution: `${spec.width}x${spec.height}`,
          duration,
          fps: spec.fps,
          seed: ctx.seed,
          ...(frameImages ? { frameImages } : {}),
          ...(inputReferences.length ? { inputReferences } : {}),
          ...(accepts.audio ? { generateAudio: true } : {}),
          ...(options.providerOptions ? { providerOptions: options.providerOptions } : {}),
          // The SDK retries 429/5xx itself; ours wraps it for longer waits.
          maxRetries: 2,
          abortSignal: ctx.signal,
        }),
      { attempts: options.attempts ?? 3, baseMs: options.retryBaseMs ?? 5000, signal: ctx.signal },
    );
    const video = result.video;
    if (!video?.uint8Array?.length) throw new AuteurError("provider_failed", `${name}: the model returned no video`);
    const ext = video.mediaType === "video/webm" ? ".webm" : video.mediaType === "video/quicktime" ? ".mov" : ".mp4";
    const file = path.join(ctx.workDir, `ai-sdk-clip${ext}`);
    await fs.writeFile(file, video.uint8Array);
    return { file, billedSeconds: duration };
  }

  const limiter = limiterFor(name, maxConcurrency);
  return {
    name,
    version: options.version ?? "1",
    price: options.price ?? {},
    accepts,
    maxConcurrency,
    maxSeconds,
    render: (spec, ctx) => limiter.run(() => render(spec, ctx)),
  };
}

/**
 * Which providers this process uses, from the configuration (lib/env.ts), plus a registry for
 * providers made in code (any AI SDK model object, mock models in tests). The planner puts
 * `videoProviderRef()` into every ShotSpec; the worker renders a spec with `videoRendererFor(spec.provider)`.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { AuteurError } from "../errors";
import { env, type Env } from "../env";
import type { ProviderRef } from "../plan/specs";
// The continuity model (onnxruntime-node, native) loads only where a check runs: the app never pulls it in.
import type { ContinuityPolicy, Embedder } from "./continuity";
import type { AiSdkImageModel } from "./image/reference-sheet";
import { animaticRenderer } from "./video/animatic";
import { createAiSdkVideoRenderer } from "./video/ai-sdk";
import { createComfyUiRenderer } from "./video/comfyui";
import { assertWorkflow } from "./video/fill-workflow";
import type { ShotRenderer } from "./video/types";
import type { CutPricing } from "./cost";
import type { AiSdkSpeechModel } from "./speech/speak-line-with-model";

/** The workflow shipped for ComfyUI: Wan 2.2 TI2V 5B (text-to-video, or image-to-video from a first frame). */
export const DEFAULT_COMFYUI_WORKFLOW = fileURLToPath(new URL("./video/workflows/wan22-ti2v-5b.json", import.meta.url));

const registered = new Map<string, ShotRenderer>();
let configured: { signature: string; renderer: ShotRenderer } | undefined;

/** Make a renderer available by its name (a model object, a mock); `select: true` also makes it the configured one. */
export function registerVideoRenderer(renderer: ShotRenderer, options: { select?: boolean } = {}): void {
  registered.set(renderer.name, renderer);
  if (options.select) configured = { signature: "registered", renderer };
}

export function resetProviders(): void {
  registered.clear();
  configured = undefined;
  imageOverride = undefined;
  speechOverride = undefined;
  continuityCache = undefined;
}

function buildConfigured(e: Env): ShotRenderer {
  switch (e.videoProvider) {
    case "animatic":
      return animaticRenderer;
    case "comfyui": {
      if (!e.comfyuiUrl) throw new AuteurError("invalid_input", "AUTEUR_VIDEO_PROVIDER=comfyui needs COMFYUI_URL (e.g. http://127.0.0.1:8188).");
      const file = path.resolve(e.comfyuiWorkflow ?? DEFAULT_COMFYUI_WORKFLOW);
      let text: string;
      try {
        text = fs.readFileSync(file, "utf8");
      } catch (cause) {
        throw new AuteurError("invalid_input", `COMFYUI_WORKFLOW: cannot read ${file}`, { cause });
      }
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch (cause) {
        throw new AuteurError("invalid_input", `COMFYUI_WORKFLOW: ${file} is not JSON`, { cause });
      }
      const workflow = assertWorkflow(parsed, file);
      const hash = createHash("sha256").update(text).digest("hex").slice(0, 12);
      return createComfyUiRenderer({
        url: e.comfyuiUrl,
        workflow,
        workflowName: `${path.basename(file, ".json")}@${hash}`,
        price: { perVideoSecond: e.videoPricePerSecond ?? 0 },
        maxConcurrency: e.videoConcurrency ?? 1,
      });
    }
    case "ai-sdk": {
      if (!e.videoModel) throw new AuteurError("invalid_input", "AUTEUR_VIDEO_PROVIDER=ai-sdk needs AUTEUR_VIDEO_MODEL (an AI SDK video model id such as google/veo-3.1-generate-001).");
      return createAiSdkVideoRenderer({ model: e.videoModel, price: { perVideoSecond: e.videoPricePerSecond ?? 0 }, maxConcurrency: e.videoConcurrency ?? 2 });
    }
  }
}

/** The video provider this process is configured with (animatic when none is). */
export function configuredVideoRenderer(e: Env = env()): ShotRenderer {
  if (configured?.signature === "registered") return configured.renderer;
  const signature = JSON.stringify([e.videoProvider, e.videoModel, e.comfyuiUrl, e.comfyuiWorkflow, e.videoPricePerSecond, e.videoConcurrency]);
  if (configured?.signature !== signature) configured = { signature, renderer: buildConfigured(e) };
  return configured.renderer;
}

/** What the planner writes into ShotSpec.provider. */
export function videoProviderRef(e: Env = env()): ProviderRef {
  const r = configuredVideoRenderer(e);
  return { name: r.name, version: r.version };
}

/** The renderer for a spec's provider; a clear error when this worker has no such provider. */
export function videoRendererFor(ref: ProviderRef, e: Env = env()): ShotRenderer {
  if (ref.name === animaticRenderer.name) return animaticRenderer;
  const r = registered.get(ref.name) ?? (configuredVideoRenderer(e).name === ref.name ? configuredVideoRenderer(e) : undefined);
  if (!r) throw new AuteurError("provider_failed", `This worker has no video provider "${ref.name}" configured (AUTEUR_VIDEO_PROVIDER).`);
  if (r.version !== ref.version)
    throw new AuteurError("provider_failed", `The video provider "${ref.name}" here is version ${r.version}, the shot was planned for ${ref.version}.`);
  return r;
}

let imageOverride: { model: AiSdkImageModel; ref: ProviderRef } | null | undefined;

/** Use this image model for reference sheets (null: none), whatever the configuration says. */
export function registerImageModel(model: AiSdkImageModel | null, ref?: ProviderRef): void {
  imageOverride = model ? { model, ref: ref ?? { name: `ai-sdk:${typeof model === "string" ? model : `${model.provider}/${model.modelId}`}`, version: "1" } } : null;
}

/** The image model that makes reference sheets, if any. */
export function configuredImageSource(e: Env = env()): { model: AiSdkImageModel; ref: ProviderRef } | undefined {
  if (imageOverride !== undefined) return imageOverride ?? undefined;
  return e.imageModel ? { model: e.imageModel, ref: { name: `ai-sdk:${e.imageModel}`, version: "1" } } : undefined;
}

let continuityCache: { path: string; embedder: Promise<Embedder> } | undefined;

/** The continuity check when AUTEUR_CONTINUITY_MODEL is set (the model is loaded once per process). */
export function configuredContinuity(e: Env = env()): { policy: ContinuityPolicy; embedder: Promise<Embedder> } | undefined {
  if (!e.continuityModel) return undefined;
  if (continuityCache?.path !== e.continuityModel) continuityCache = { path: e.continuityModel, embedder: import("./continuity").then((m) => m.loadEmbedder(e.continuityModel!)) };
  return { policy: { threshold: e.continuityThreshold, maxRetakes: e.continuityRetakes }, embedder: continuityCache.embedder };
}

/** The prices of the configured providers, for estimates (lib/providers/cost). */
export function configuredPricing(e: Env = env()): CutPricing {
  const video = configuredVideoRenderer(e);
  const image = configuredImageSource(e);
  return {
    video: { name: video.name, price: video.price, maxSeconds: video.maxSeconds },
    ...(image ? { image: { price: { perImage: e.imagePrice ?? 0 } } } : {}),
    ...(configuredSpeechSource(e) ? { speech: { price: { perThousandChars: e.speechPricePer1kChars ?? 0 } } } : {}),
    retakes: e.continuityModel ? e.continuityRetakes : 0,
  };
}

let speechOverride: { model: AiSdkSpeechModel; ref: ProviderRef } | null | undefined;

/** Use this speech model (null: the offline voices), whatever the configuration says. */
export function registerSpeechModel(model: AiSdkSpeechModel | null, ref?: ProviderRef): void {
  speechOverride = model ? { model, ref: ref ?? { name: `ai-sdk:${typeof model === "string" ? model : `${model.provider}/${model.modelId}`}`, version: "1" } } : null;
}

/** The speech model that speaks lines, if one is configured (AUTEUR_SPEECH_MODEL); the planner puts `ref` in VoiceSpec.provider. */
export function configuredSpeechSource(e: Env = env()): { model: AiSdkSpeechModel; ref: ProviderRef } | undefined {
  if (speechOverride !== undefined) return speechOverride ?? undefined;
  return e.speechModel ? { model: e.speechModel, ref: { name: `ai-sdk:${e.speechModel}`, version: "1" } } : undefined;
}

/** The speech model for a spec's provider; a clear error when this worker has none by that name. */
export function speechModelFor(ref: ProviderRef, e: Env = env()): AiSdkSpeechModel {
  const s = configuredSpeechSource(e);
  if (!s || s.ref.name !== ref.name || s.ref.version !== ref.version) throw new AuteurError("provider_failed", `This worker has no speech provider "${ref.name}" (version ${ref.version}) configured (AUTEUR_SPEECH_MODEL).`);
  return s.model;
}

/**
 * What the planner needs from the configuration: the providers to write into the specs, and whether
 * scene chains start from the previous shot's last frame (the video provider accepts a first frame).
 */
export function planProviders(e: Env = env()): { video: ProviderRef; speech?: ProviderRef; chainFirstFrames: boolean } {
  const video = configuredVideoRenderer(e);
  const speech = configuredSpeechSource(e);
  return { video: { name: video.name, version: video.version }, ...(speech ? { speech: speech.ref } : {}), chainFirstFrames: video.accepts.firstFrame };
}

/**
 * render-shot through a video provider: render a take (references and first frame where the provider
 * takes them, the take's fixed seed), conform it to the segment format, keep a poster and the last
 * frame (the next shot of a scene chain starts from it), and, with a continuity check, retake under
 * the threshold and keep the best take. Writes into `dir`: video.mp4, poster.jpg, last.png and, when
 * the clip had sound, provider-audio.wav.
 */
import fs from "node:fs/promises";
import path from "node:path";
import { POSTER_FILE } from "../assets/store";
import { AuteurError } from "../errors";
import { seedFrom } from "../plan/keys";
import type { ShotSpec } from "../plan/specs";
import { conformClip, extractFrame, PROVIDER_AUDIO_FILE, type ConformResult } from "./conform";
import { retakeUntilContinuous, scoreFrames, type ContinuityPolicy, type Embedder } from "./continuity";
import type { ShotRenderer } from "./video/types";

export interface ProviderShotInputs {
  renderer: ShotRenderer;
  /** characterId -> reference PNG. */
  references: Record<string, string>;
  /** The previous shot's last frame (scene chain). */
  firstFrame?: string;
  continuity?: { policy: ContinuityPolicy; embedder: Embedder };
  signal?: AbortSignal;
  preset?: string;
}

export interface ProviderShotMeta {
  provider: string;
  version: string;
  frames: number;
  /** The seed of the kept take. */
  seed: number;
  source: ConformResult["source"];
  heldFrames: number;
  /** The clip came with sound (kept as provider-audio.wav). */
  audio: boolean;
  /** Characters whose reference image was passed to the provider. */
  referencesUsed: string[];
  firstFrame: boolean;
  billedSeconds: number;
  costUsd: number;
  continuity?: { scores: Record<string, number>; score: number; threshold: number; retakes: number; passed: boolean; history: number[] };
  totalMs: number;
}

/** The seed of a retake: the spec's seed for the first take, a fixed derived one after. */
export function retakeSeed(seed: number, attempt: number): number {
  return attempt === 0 ? seed : seedFrom("retake", seed, attempt);
}

interface Take {
  dir: string;
  seed: number;
  conform: ConformResult;
  billedSeconds: number;
}

export async function renderShotWithProvider(spec: ShotSpec, dir: string, inputs: ProviderShotInputs): Promise<ProviderShotMeta> {
  const started = performance.now();
  const { renderer, signal } = inputs;
  const present = new Set(spec.characters.map((c) => c.id));
  const refs = Object.fromEntries(Object.entries(inputs.references).filter(([id]) => present.has(id)));
  const passRefs = renderer.accepts.referenceImages ? refs : {};
  const firstFrame = renderer.accepts.firstFrame ? inputs.firstFrame : undefined;
  const scratch = path.join(dir, ".takes");
  let billed = 0;

  const makeTake = async (attempt: number): Promise<Take> => {
    signal?.throwIfAborted();
    const takeDir = path.join(scratch, String(attempt));
    await fs.mkdir(takeDir, { recursive: true });
    const seed = retakeSeed(spec.seed, attempt);
    const clip = await renderer.render(spec, { references: passRefs, firstFrame, workDir: takeDir, seed, signal });
    const billedSeconds = clip.billedSeconds ?? spec.frames / spec.fps;
    billed += billedSeconds;
    const conform = await conformClip(clip.file, spec, path.join(takeDir, "video.mp4"), { signal, preset: inputs.preset });
    await extractFrame(path.join(takeDir, "video.mp4"), Math.floor(spec.frames / 2), path.join(takeDir, POSTER_FILE), { signal });
    await extractFrame(path.join(takeDir, "video.mp4"), spec.frames - 1, path.join(takeDir, "last.png"), { signal });
    return { dir: takeDir, seed, conform, billedSeconds };
  };

  try {
    let kept: Take;
    let continuity: ProviderShotMeta["continuity"];
    const check = inputs.continuity;
    if (check && Object.keys(refs).length) {
      const outcome = await retakeUntilContinuous(
        check.policy,
        makeTake,
        async (take) => {
          const frames = [Math.floor(spec.frames / 4), Math.floor((3 * spec.frames) / 4)];
          const files = [path.join(take.dir, POSTER_FILE)];
          for (const f of frames) {
            const file = path.join(take.dir, `frame-${f}.png`);
            await extractFrame(path.join(take.dir, "video.mp4"), f, file, { signal });
            files.push(file);
          }
          return scoreFrames(check.embedder, files, refs);
        },
        (take) => fs.rm(take.dir, { recursive: true, force: true }),
      );
      kept = outcome.take;
      continuity = { scores: outcome.scores, score: outcome.score, threshold: check.policy.threshold, retakes: outcome.retakes, passed: outcome.passed, history: outcome.history };
    } else kept = await makeTake(0);

    await fs.rename(path.join(kept.dir, "video.mp4"), path.join(dir, "video.mp4"));
    await fs.rename(path.join(kept.dir, POSTER_FILE), path.join(dir, POSTER_FILE));
    await fs.rename(path.join(kept.dir, "last.png"), path.join(dir, "last.png"));
    if (kept.conform.audioFile) await fs.rename(kept.conform.audioFile, path.join(dir, PROVIDER_AUDIO_FILE));
    const price = renderer.price.perVideoSecond ?? 0;
    return {
      provider: renderer.name,
      version: renderer.version,
      frames: spec.frames,
      seed: kept.seed,
      source: kept.conform.source,
      heldFrames: kept.conform.heldFrames,
      audio: !!kept.conform.audioFile,
      referencesUsed: Object.keys(passRefs),
      firstFrame: !!firstFrame,
      billedSeconds: Math.round(billed * 1000) / 1000,
      costUsd: Math.round(billed * price * 10_000) / 10_000,
      ...(continuity ? { continuity } : {}),
      totalMs: Math.round(performance.now() - started),
    };
  } catch (error) {
    if (signal?.aborted) throw new AuteurError("render_failed", `Rendering shot ${spec.shotId} was cancelled.`, { cause: error });
    throw error;
  } finally {
    await fs.rm(scratch, { recursive: true, force: true });
  }
}

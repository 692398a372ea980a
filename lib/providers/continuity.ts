/**
 * Continuity check: an image-embedding model (a CLIP image encoder, a face-recognition network...,
 * exported to ONNX and given by path) embeds a shot's frames and each character's reference image; a
 * character's score is the best cosine similarity of a frame to their reference, a shot's score the
 * lowest of its characters'. A shot under the threshold is retaken (new seed) up to a limit, and the
 * best take is kept.
 */
import fs from "node:fs/promises";
import { createCanvas, loadImage } from "@napi-rs/canvas";
import * as ort from "onnxruntime-node";
import { AuteurError } from "../errors";

export interface EmbedderOptions {
  /** Square input side in pixels (read from the model when it declares one; else 224). */
  size?: number;
  /** Per-channel normalisation of 0..1 RGB (CLIP's by default). */
  mean?: [number, number, number];
  std?: [number, number, number];
}

export interface Embedder {
  size: number;
  embed(png: string | Uint8Array): Promise<Float32Array>;
  close(): Promise<void>;
}

const CLIP_MEAN: [number, number, number] = [0.48145466, 0.4578275, 0.40821073];
const CLIP_STD: [number, number, number] = [0.26862954, 0.26130258, 0.27577711];

/** Centre-crop to a square, resize, to CHW float32 normalised (pure apart from decoding). */
export function toTensorData(rgba: Uint8ClampedArray, size: number, mean: readonly number[], std: readonly number[]): Float32Array {
  const plane = size * size;
  const out = new Float32Array(3 * plane);
  for (let i = 0; i < plane; i++)
    for (let c = 0; c < 3; c++) out[c * plane + i] = (rgba[i * 4 + c]! / 255 - mean[c]!) / std[c]!;
  return out;
}

async function pixels(png: string | Uint8Array, size: number): Promise<Uint8ClampedArray> {
  const bytes = typeof png === "string" ? await fs.readFile(png) : Buffer.from(png);
  const img = await loadImage(bytes);
  const side = Math.min(img.width, img.height);
  const canvas = createCanvas(size, size);
  const ctx = canvas.getContext("2d");
  ctx.imageSmoothingQuality = "high";
  ctx.drawImage(img, (img.width - side) / 2, (img.height - side) / 2, side, side, 0, 0, size, size);
  return ctx.getImageData(0, 0, size, size).data;
}

export async function loadEmbedder(modelPath: string, options: EmbedderOptions = {}): Promise<Embedder> {
  let session: ort.InferenceSession;
  try {
    session = await ort.InferenceSession.create(modelPath);
  } catch (cause) {
    throw new AuteurError("invalid_input", `The continuity model ${modelPath} could not be loaded: ${(cause as Error).message}`, { cause });
  }
  const input = session.inputMetadata[0];
  const declared = input && input.isTensor ? input.shape[input.shape.length - 1] : undefined;
  const size = options.size ?? (typeof declared === "number" && declared > 0 ? declared : 224);
  const mean = options.mean ?? CLIP_MEAN;
  const std = options.std ?? CLIP_STD;
  const inputName = session.inputNames[0]!;
  const outputName = session.outputNames[0]!;
  return {
    size,
    async embed(png) {
      const data = toTensorData(await pixels(png, size), size, mean, std);
      const result = await session.run({ [inputName]: new ort.Tensor("float32", data, [1, 3, size, size]) });
      return Float32Array.from(result[outputName]!.data as Float32Array);
    },
    close: () => session.release(),
  };
}

export function cosineSimilarity(a: Float32Array, b: Float32Array): number {
  if (a.length !== b.length) throw new Error(`embeddings differ in length (${a.length} vs ${b.length})`);
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i]! * b[i]!;
    na += a[i]! * a[i]!;
    nb += b[i]! * b[i]!;
  }
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}

/** Each character's score: the best similarity of any frame to their reference. */
export async function scoreFrames(embedder: Embedder, frames: string[], references: Record<string, string>): Promise<Record<string, number>> {
  const frameEmb = await Promise.all(frames.map((f) => embedder.embed(f)));
  const scores: Record<string, number> = {};
  for (const [id, ref] of Object.entries(references)) {
    const r = await embedder.embed(ref);
    scores[id] = Math.round(Math.max(...frameEmb.map((f) => cosineSimilarity(f, r))) * 10_000) / 10_000;
  }
  return scores;
}

export interface ContinuityPolicy {
  threshold: number;
  /** Retakes allowed after the first take. */
  maxRetakes: number;
}

export interface TakeScore<T> {
  take: T;
  /** characterId -> score */
  scores: Record<string, number>;
  /** The lowest character score (1 when the shot has no scored character). */
  score: number;
}

export interface ContinuityOutcome<T> extends TakeScore<T> {
  /** Retakes made (0: the first take passed, or there was nothing to check). */
  retakes: number;
  passed: boolean;
  /** Every take's score, in order. */
  history: number[];
}

/**
 * Make takes until one scores at or above the threshold, or the retakes are spent; keep the best.
 * `makeTake(attempt)` renders a take (attempt 0 is the first), `score` scores it; `discard` frees a
 * take that is not kept.
 */
export async function retakeUntilContinuous<T>(
  policy: ContinuityPolicy,
  makeTake: (attempt: number) => Promise<T>,
  score: (take: T) => Promise<Record<string, number>>,
  discard: (take: T) => Promise<void> = async () => {},
): Promise<ContinuityOutcome<T>> {
  let best: TakeScore<T> | undefined;
  const history: number[] = [];
  for (let attempt = 0; attempt <= policy.maxRetakes; attempt++) {
    const take = await makeTake(attempt);
    const scores = await score(take);
    const values = Object.values(scores);
    const s = values.length ? Math.min(...values) : 1;
    history.push(s);
    if (!best || s > best.score) {
      if (best) await discard(best.take);
      best = { take, scores, score: s };
    } else await discard(take);
    if (s >= policy.threshold) break;
  }
  return { ...best!, retakes: history.length - 1, passed: best!.score >= policy.threshold, history };
}

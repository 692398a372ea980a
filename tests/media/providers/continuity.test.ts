import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { createCanvas } from "@napi-rs/canvas";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cosineSimilarity, loadEmbedder, retakeUntilContinuous, scoreFrames, type Embedder } from "../../../lib/providers/continuity";
import { renderShotWithProvider, retakeSeed } from "../../../lib/providers/render-shot-with-provider";
import type { ShotRenderer } from "../../../lib/providers/video/types";
import { providerShotSpec } from "../../unit/providers/make-spec";
import { makeClip } from "./make-clip";
import { meanColourModel } from "./tiny-onnx";

let dir: string;
let embedder: Embedder;
const png = async (name: string, colour: string, w = 96, h = 64) => {
  const canvas = createCanvas(w, h);
  const ctx = canvas.getContext("2d");
  ctx.fillStyle = colour;
  ctx.fillRect(0, 0, w, h);
  const file = path.join(dir, `${name}.png`);
  await fs.writeFile(file, canvas.encodeSync("png"));
  return file;
};

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "auteur-continuity-"));
  await fs.writeFile(path.join(dir, "mean-colour.onnx"), meanColourModel(32));
  embedder = await loadEmbedder(path.join(dir, "mean-colour.onnx"));
});
afterAll(async () => {
  await embedder?.close();
  await fs.rm(dir, { recursive: true, force: true });
});

describe("continuity model (onnxruntime)", () => {
  it("reads its input size from the model and embeds real pixels", async () => {
    expect(embedder.size).toBe(32);
    const red = await embedder.embed(await png("red", "#ff0000"));
    expect(red.length).toBe(3);
    // CLIP normalisation of pure red: ((1 - 0.4815) / 0.2686, -0.4578 / 0.2613, -0.4082 / 0.2758).
    expect(red[0]).toBeCloseTo(1.9303, 3);
    expect(red[1]).toBeCloseTo(-1.7521, 3);
    expect(red[2]).toBeCloseTo(-1.4802, 3);
    const alsoRed = await embedder.embed(await png("red2", "#f01010", 300, 200));
    const blue = await embedder.embed(await png("blue", "#0000ff"));
    expect(cosineSimilarity(red, alsoRed)).toBeGreaterThan(0.99);
    expect(cosineSimilarity(red, blue)).toBeLessThan(0);
  });

  it("scores each character by their best frame", async () => {
    const scores = await scoreFrames(embedder, [await png("f1", "#0000ff"), await png("f2", "#ee0000")], { mira: await png("ref-m", "#ff0000"), jonas: await png("ref-j", "#0000ff") });
    expect(scores.mira).toBeGreaterThan(0.99);
    expect(scores.jonas).toBeGreaterThan(0.99);
  });

  it("refuses a model file that is not a model, clearly", async () => {
    await fs.writeFile(path.join(dir, "bad.onnx"), "not a model");
    await expect(loadEmbedder(path.join(dir, "bad.onnx"))).rejects.toThrow(/continuity model .*bad.onnx could not be loaded/);
  });
});

describe("retakeUntilContinuous", () => {
  it("stops at the first take over the threshold, or keeps the best when none is", async () => {
    const discarded: number[] = [];
    const scoresByTake = [0.2, 0.6, 0.9, 0.95];
    const pass = await retakeUntilContinuous({ threshold: 0.85, maxRetakes: 3 }, async (a) => a, async (a) => ({ mira: scoresByTake[a]! }), async (t) => void discarded.push(t));
    expect(pass).toMatchObject({ take: 2, score: 0.9, retakes: 2, passed: true, history: [0.2, 0.6, 0.9] });
    expect(discarded).toEqual([0, 1]);
    const fail = await retakeUntilContinuous({ threshold: 0.99, maxRetakes: 2 }, async (a) => a, async (a) => ({ mira: [0.5, 0.7, 0.6][a]!, jonas: 0.9 }));
    expect(fail).toMatchObject({ take: 1, score: 0.7, retakes: 2, passed: false });
  });
});

describe("render through a provider with the continuity check", () => {
  it("retakes a shot whose character does not match the reference, with a new fixed seed, and keeps the match", async () => {
    const spec = providerShotSpec({ frames: 24, characters: [providerShotSpec().characters[0]!], lines: [] });
    const seeds: number[] = [];
    // A provider that gets the character right only on the second retake.
    const renderer: ShotRenderer = {
      name: "fake",
      version: "1",
      price: { perVideoSecond: 0.1 },
      accepts: { referenceImages: true, firstFrame: false, audio: false },
      maxConcurrency: 1,
      async render(s, ctx) {
        seeds.push(ctx.seed);
        const colour = ctx.seed === retakeSeed(s.seed, 2) ? "red" : "blue";
        return { file: await makeClip(path.join(ctx.workDir, "clip.mp4"), { width: 320, height: 180, fps: 24, seconds: 1, source: `color=c=${colour}` }), billedSeconds: 1 };
      },
    };
    const out = path.join(dir, "shot");
    await fs.mkdir(out);
    const meta = await renderShotWithProvider(spec, out, {
      renderer,
      references: { mira: await png("mira-ref", "#ff0000") },
      continuity: { policy: { threshold: 0.9, maxRetakes: 3 }, embedder },
    });
    expect(seeds).toEqual([spec.seed, retakeSeed(spec.seed, 1), retakeSeed(spec.seed, 2)]);
    expect(new Set(seeds).size).toBe(3);
    expect(meta.seed).toBe(retakeSeed(spec.seed, 2));
    expect(meta.continuity).toMatchObject({ retakes: 2, passed: true, threshold: 0.9 });
    expect(meta.continuity!.scores.mira).toBeGreaterThan(0.99);
    expect(meta.continuity!.history[0]).toBeLessThan(0);
    expect(meta.costUsd).toBeCloseTo(0.3, 6);
    // The kept take is the red one.
    const kept = await embedder.embed(path.join(out, "poster.jpg"));
    const red = await embedder.embed(await png("red3", "#ff0000"));
    expect(cosineSimilarity(kept, red)).toBeGreaterThan(0.99);
    expect((await fs.readdir(out)).sort()).toEqual(["last.png", "poster.jpg", "video.mp4"]);
  });
});

import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { probe } from "../../../lib/media/probe";
import { runFfmpeg } from "../../../lib/media/ffmpeg";
import { renderShotWithProvider } from "../../../lib/providers/render-shot-with-provider";
import { createComfyUiRenderer } from "../../../lib/providers/video/comfyui";
import type { Workflow } from "../../../lib/providers/video/fill-workflow";
import { providerShotSpec } from "../../unit/providers/make-spec";
import { startFakeComfyUi } from "./fake-comfyui";
import { makeClip } from "./make-clip";

/** A template with every per-shot placeholder: references and a first frame, as a Wan VACE / Phantom workflow has. */
export const REFERENCE_WORKFLOW: Workflow = {
  "1": { class_type: "LoadImage", inputs: { image: "{{first_frame}}" } },
  "2": { class_type: "LoadImage", inputs: { image: "{{reference_image}}" } },
  "3": { class_type: "LoadImage", inputs: { image: "{{reference_image_2}}" } },
  "4": { class_type: "CLIPTextEncode", inputs: { text: "{{prompt}}" } },
  "5": { class_type: "CLIPTextEncode", inputs: { text: "{{negative_prompt}}" } },
  "6": {
    class_type: "WanVaceToVideo",
    inputs: { width: "{{width}}", height: "{{height}}", length: "{{length}}", positive: ["4", 0], negative: ["5", 0], control_video: ["1", 0], reference_image: ["2", 0], reference_image_2: ["3", 0] },
    _meta: { auteur_optional_inputs: ["control_video", "reference_image", "reference_image_2"] },
  },
  "7": { class_type: "KSampler", inputs: { seed: "{{seed}}", positive: ["6", 0] } },
  "8": { class_type: "SaveVideo", inputs: { video: ["7", 0], filename_prefix: "{{filename_prefix}}" } },
};

let dir: string;
let clip: string;
let refA: string;
let refB: string;
let first: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "auteur-comfy-"));
  // What a Wan 2.1 server sends: 832x480 at 16 fps, shorter than the shot.
  clip = await makeClip(path.join(dir, "wan.mp4"), { width: 832, height: 480, fps: 16, seconds: 1 });
  for (const [name, colour] of [["a", "red"], ["b", "blue"], ["first", "green"]] as const)
    await runFfmpeg(["-loglevel", "error", "-f", "lavfi", "-i", `color=c=${colour}:s=64x64:d=1`, "-frames:v", "1", path.join(dir, `${name}.png`)]);
  [refA, refB, first] = ["a", "b", "first"].map((n) => path.join(dir, `${n}.png`)) as [string, string, string];
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function outDir(name: string): Promise<string> {
  const d = path.join(dir, name);
  await fs.mkdir(d);
  return d;
}

describe("ComfyUI provider", () => {
  it("uploads references and the first frame, queues the filled workflow, polls, fetches and conforms the clip", async () => {
    const fake = await startFakeComfyUi({ clip, pendingPolls: 2 });
    try {
      const renderer = createComfyUiRenderer({ url: fake.url, workflow: REFERENCE_WORKFLOW, workflowName: "vace", pollMs: 10, price: { perVideoSecond: 0.05 } });
      expect(renderer.accepts).toEqual({ referenceImages: true, firstFrame: true, audio: false });
      const spec = providerShotSpec({ frames: 48 });
      const d = await outDir("full");
      const meta = await renderShotWithProvider(spec, d, { renderer, references: { mira: refA, jonas: refB, ghost: refA }, firstFrame: first });

      expect(fake.uploads.map((u) => u.name)).toHaveLength(3);
      expect(fake.uploads[0]!.bytes.equals(await fs.readFile(first))).toBe(true);
      expect(fake.uploads[1]!.bytes.equals(await fs.readFile(refA))).toBe(true);
      expect(fake.uploads[2]!.bytes.equals(await fs.readFile(refB))).toBe(true);
      const wf = fake.prompts[0]!;
      expect(wf["1"]!.inputs.image).toBe(fake.uploads[0]!.name);
      expect(wf["2"]!.inputs.image).toBe(fake.uploads[1]!.name);
      expect(wf["3"]!.inputs.image).toBe(fake.uploads[2]!.name);
      expect(wf["7"]!.inputs.seed).toBe(spec.seed);
      expect(wf["6"]!.inputs).toMatchObject({ width: 1280, height: 704, length: 49 });
      expect(String(wf["4"]!.inputs.text)).toContain("Mira hands Jonas the map");
      expect(fake.requests.filter((r) => r.startsWith("GET /history")).length).toBe(3);

      const info = await probe(path.join(d, "video.mp4"), { countFrames: true });
      const v = info.streams.find((s) => s.codec_type === "video") as unknown as { width: number; height: number; r_frame_rate: string; nb_read_frames: string };
      expect([v.width, v.height, v.r_frame_rate, v.nb_read_frames]).toEqual([1280, 720, "24/1", "48"]);
      expect((await fs.stat(path.join(d, "poster.jpg"))).size).toBeGreaterThan(1000);
      expect((await fs.stat(path.join(d, "last.png"))).size).toBeGreaterThan(1000);
      await expect(fs.stat(path.join(d, ".takes"))).rejects.toThrow();
      expect(meta).toMatchObject({ provider: "comfyui", version: "1:vace", seed: spec.seed, heldFrames: 24, referencesUsed: ["mira", "jonas"], firstFrame: true, audio: false });
      expect(meta.source).toMatchObject({ width: 832, height: 480, fps: 16 });
      expect(meta.costUsd).toBeCloseTo((49 / 24) * 0.05, 4);
    } finally {
      await fake.close();
    }
  });

  it("runs the shipped Wan template as text-to-video for a shot with no first frame", async () => {
    const fake = await startFakeComfyUi({ clip });
    try {
      const template = JSON.parse(await fs.readFile(new URL("../../../lib/providers/video/workflows/wan22-ti2v-5b.json", import.meta.url), "utf8")) as Workflow;
      const renderer = createComfyUiRenderer({ url: fake.url, workflow: template, workflowName: "wan", pollMs: 10 });
      expect(renderer.accepts).toEqual({ referenceImages: false, firstFrame: true, audio: false });
      await renderShotWithProvider(providerShotSpec({ frames: 24 }), await outDir("t2v"), { renderer, references: { mira: refA } });
      expect(fake.uploads).toHaveLength(0);
      expect(fake.prompts[0]!["7"]).toBeUndefined();
      expect(fake.prompts[0]!["8"]!.inputs.start_image).toBeUndefined();
    } finally {
      await fake.close();
    }
  });

  it("backs off on 429 and goes on", async () => {
    const fake = await startFakeComfyUi({ clip, rateLimitFirst: 2 });
    try {
      const renderer = createComfyUiRenderer({ url: fake.url, workflow: REFERENCE_WORKFLOW, workflowName: "vace", pollMs: 10, retryBaseMs: 5 });
      await renderShotWithProvider(providerShotSpec({ frames: 24 }), await outDir("busy"), { renderer, references: {} });
      expect(fake.requests.filter((r) => r === "POST /prompt")).toHaveLength(3);
      expect(fake.prompts).toHaveLength(1);
    } finally {
      await fake.close();
    }
  });

  it("fails with a clear error after its retries when the server keeps failing, and on a workflow error", async () => {
    const fake = await startFakeComfyUi({ clip, broken: true });
    try {
      const renderer = createComfyUiRenderer({ url: fake.url, workflow: REFERENCE_WORKFLOW, workflowName: "vace", pollMs: 10, retryBaseMs: 1, attempts: 3 });
      await expect(renderShotWithProvider(providerShotSpec(), await outDir("broken"), { renderer, references: {} })).rejects.toThrow(/comfyui: POST \/prompt answered 500: .*CUDA out of memory/);
      expect(fake.requests.filter((r) => r === "POST /prompt")).toHaveLength(3);
    } finally {
      await fake.close();
    }
    const failing = await startFakeComfyUi({ clip, executionError: "model file not found" });
    try {
      const renderer = createComfyUiRenderer({ url: failing.url, workflow: REFERENCE_WORKFLOW, workflowName: "vace", pollMs: 10 });
      await expect(renderShotWithProvider(providerShotSpec(), await outDir("exec"), { renderer, references: {} })).rejects.toThrow(/workflow failed: model file not found/);
    } finally {
      await failing.close();
    }
  });
});

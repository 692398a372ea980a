/**
 * The render-shot stage through an AI SDK video model (a mock implementing the video model
 * specification), with reference sheets from an AI SDK image model (MockImageModelV3): references
 * passed, scene chains starting from the previous shot's last frame, the clip's own sound mixed under
 * the score, placeholders still drawn offline.
 */
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { createCanvas } from "@napi-rs/canvas";
import { MockImageModelV3 } from "ai/test";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assetFile, setAssetsRoot } from "../../../lib/assets/store";
import { probe } from "../../../lib/media/probe";
import type { MixSpec } from "../../../lib/plan/specs";
import { registerImageModel, registerVideoRenderer, resetProviders, videoProviderRef } from "../../../lib/providers/select";
import { createAiSdkVideoRenderer, type AiSdkVideoModel } from "../../../lib/providers/video/ai-sdk";
import { readWav } from "../../../lib/sound/wav";
import { runStage } from "../../../workers/stages";
import { providerShotSpec } from "../../unit/providers/make-spec";
import { makeClip } from "./make-clip";

type Experimental_VideoModelV3 = Exclude<AiSdkVideoModel, string>;
type Experimental_VideoModelV3CallOptions = Parameters<Experimental_VideoModelV3["doGenerate"]>[0];

let dir: string;
const videoCalls: Experimental_VideoModelV3CallOptions[] = [];
let imageCalls = 0;
let clipBytes: Uint8Array;

const videoModel: Experimental_VideoModelV3 = {
  specificationVersion: "v3",
  provider: "mock-video",
  modelId: "mock-1",
  maxVideosPerCall: 1,
  async doGenerate(options) {
    videoCalls.push(options);
    return { videos: [{ type: "binary", data: clipBytes, mediaType: "video/mp4" }], warnings: [], response: { timestamp: new Date(0), modelId: "mock-1", headers: undefined } };
  },
};

function portrait(colour: string): string {
  const canvas = createCanvas(512, 512);
  const ctx = canvas.getContext("2d");
  ctx.fillStyle = colour;
  ctx.fillRect(0, 0, 512, 512);
  return canvas.encodeSync("png").toString("base64");
}

const imageModel = new MockImageModelV3({
  provider: "mock-image",
  modelId: "sheet-1",
  doGenerate: async (options) => {
    imageCalls++;
    return { images: [portrait(String(options.prompt).includes("Mira") ? "#c04030" : "#3040c0")], warnings: [], response: { timestamp: new Date(0), modelId: "sheet-1", headers: undefined } };
  },
});

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "auteur-aisdk-"));
  setAssetsRoot(path.join(dir, "assets"));
  clipBytes = await fs.readFile(await makeClip(path.join(dir, "veo.mp4"), { width: 1280, height: 720, fps: 24, seconds: 1, audio: true }));
  resetProviders();
  registerVideoRenderer(createAiSdkVideoRenderer({ model: videoModel, accepts: { audio: true }, price: { perVideoSecond: 0.4 }, retryBaseMs: 1 }), { select: true });
  registerImageModel(imageModel);
});
afterAll(async () => {
  resetProviders();
  setAssetsRoot(undefined);
  await fs.rm(dir, { recursive: true, force: true });
});

const key = (c: string) => c.repeat(64);

describe("render-shot through an AI SDK video model", () => {
  it("names the provider in the spec, passes the characters' reference sheets and the take's seed, keeps the clip's sound", async () => {
    const ref = videoProviderRef();
    expect(ref).toEqual({ name: "ai-sdk:mock-video/mock-1", version: "1" });
    const spec = providerShotSpec({ key: key("1"), provider: ref, frames: 48 });
    const result = await runStage(spec);
    expect(result.made).toBe(true);
    expect(imageCalls).toBe(2);
    const call = videoCalls.at(-1)!;
    expect(call.seed).toBe(spec.seed);
    expect(call.prompt).toContain("Mira hands Jonas the map");
    expect(call.inputReferences).toHaveLength(2);
    expect(call.frameImages).toBeUndefined();
    expect(call.generateAudio).toBe(true);
    expect(call).toMatchObject({ resolution: "1280x720", duration: 2, fps: 24, aspectRatio: "16:9" });
    expect(result.meta).toMatchObject({ provider: "ai-sdk:mock-video/mock-1", referencesUsed: ["mira", "jonas"], audio: true, firstFrame: false, costUsd: 0.8 });
    const info = await probe(assetFile(spec.key, "video.mp4"));
    expect(info.streams.map((s) => s.codec_type)).toEqual(["video"]);
    const wav = await readWav(assetFile(spec.key, "provider-audio.wav"));
    expect(wav.channels[0]!.length).toBe(96_000);
  });

  it("starts a chained shot from the previous shot's last frame, and reuses the reference sheets", async () => {
    const spec = providerShotSpec({ key: key("2"), shotId: "shot-2", provider: videoProviderRef(), frames: 24, continuesFrom: key("1") });
    await runStage(spec);
    expect(imageCalls).toBe(2);
    const call = videoCalls.at(-1)!;
    expect(call.frameImages).toHaveLength(1);
    expect(call.frameImages![0]!.frameType).toBe("first_frame");
    const sent = call.frameImages![0]!.image as { data: Uint8Array };
    expect(Buffer.from(sent.data).equals(await fs.readFile(assetFile(key("1"), "last.png")))).toBe(true);
  });

  it("waits for a predecessor that is not rendered yet", async () => {
    const spec = providerShotSpec({ key: key("3"), provider: videoProviderRef(), continuesFrom: key("9") });
    await expect(runStage(spec)).rejects.toThrow(/continues from a shot that is not rendered yet/);
  });

  it("draws a failed shot's placeholder offline, without calling the provider", async () => {
    const before = videoCalls.length;
    const spec = providerShotSpec({ key: key("4"), provider: videoProviderRef(), frames: 12, placeholder: { reason: "the provider failed" } });
    await runStage(spec);
    expect(videoCalls.length).toBe(before);
    const info = await probe(assetFile(spec.key, "video.mp4"));
    expect(info.streams[0]).toMatchObject({ codec_name: "h264", width: 1280, height: 720 });
  });

  it("mixes the clip's own sound into the shot's effects stem", async () => {
    const mix: MixSpec = {
      stage: "mix-shot",
      key: key("5"),
      shotId: "shot-1",
      sceneId: "scene-1",
      frames: 48,
      fps: 24,
      sampleRate: 48_000,
      videoKey: key("1"),
      lines: [],
      bed: { key: "", offsetSec: 0 },
      duck: [],
      cues: [],
      fadeInSec: 0,
      fadeOutSec: 0,
      provider: { name: "mix", version: "1" },
    };
    await runStage(mix);
    const stems = await readWav(assetFile(mix.key, "stems.wav"));
    const peak = (c: Float32Array) => c.reduce((m, x) => Math.max(m, Math.abs(x)), 0);
    expect(peak(stems.channels[4]!)).toBeGreaterThan(0.02); // effects L: the clip's tone
    expect(peak(stems.channels[0]!)).toBe(0); // no dialogue
    expect(peak(stems.channels[2]!)).toBe(0); // no music
    const seg = await probe(assetFile(mix.key, "segment.mp4"));
    expect(seg.streams.map((s) => s.codec_type).sort()).toEqual(["audio", "video"]);
  });
});

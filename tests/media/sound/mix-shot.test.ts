import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { MixSpec, SoundSpec, VoiceSpec } from "../../../lib/plan/specs";
import { probe } from "../../../lib/media/probe";
import { speakLine } from "../../../lib/speech/speak-line";
import { mixShot } from "../../../lib/sound/mix-shot";
import { scoreScene } from "../../../lib/sound/score-scene";
import { readWav } from "../../../lib/sound/wav";
import { testVideo } from "./helpers";

const root = mkdtempSync(path.join(os.tmpdir(), "auteur-mix-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const provider = { name: "builtin", version: "1" };
const FRAMES = 61; // 2.5417 s: not a whole number of AAC frames or seconds
const video = path.join(root, "video.mp4");
const speechFile = path.join(root, "speech", "speech.wav");
const bedFile = path.join(root, "bed", "bed.wav");
let speechSec = 0;

beforeAll(async () => {
  mkdirSync(path.join(root, "speech"));
  mkdirSync(path.join(root, "bed"));
  await testVideo(video, FRAMES);
  const voice: VoiceSpec = { stage: "speak-line", key: "s", lineId: "l1", speaker: "mara", text: "Close the door. Quietly.", delivery: "whispered", voice: { voiceId: "flite/slt", pitch: 0, rate: 1 }, provider };
  speechSec = (await speakLine(voice, path.join(root, "speech"))).durationSec;
  const sound: SoundSpec = {
    stage: "score-scene", key: "b", sceneId: "sc", durationSec: 6, shotStarts: [0, 2.5], speech: [{ start: 0.3, end: 0.3 + speechSec }],
    music: { key: "A", mode: "minor", tempo: 80, instruments: ["pad", "guitar"] }, mood: "suspense", intensity: 0.5,
    place: { name: "Hall", kind: "house", interior: true, timeOfDay: "night", weather: "storm", mood: "suspense", seed: 2 }, seed: 7, provider,
  };
  await scoreScene(sound, path.join(root, "bed"));
});

function spec(over: Partial<MixSpec> = {}): MixSpec {
  return {
    stage: "mix-shot", key: "m", shotId: "shot-1", sceneId: "sc", frames: FRAMES, fps: 24, sampleRate: 48000, videoKey: "v",
    lines: [{ speechKey: "sp1", startSec: 0.3, speaker: "mara", delivery: "whispered", pan: -0.5 }],
    bed: { key: "b", offsetSec: 0 },
    duck: [{ start: 0.3, end: 0.3 + speechSec }],
    cues: [{ kind: "door", atSec: 1.2, gain: 1 }, { kind: "thunder", atSec: 2.0, gain: 0.8 }],
    fadeInSec: 0.25, fadeOutSec: 0, provider, ...over,
  };
}

async function run(name: string, s: MixSpec = spec()) {
  const dir = path.join(root, name);
  mkdirSync(dir);
  const result = await mixShot(s, dir, { videoFile: video, speechFiles: { sp1: speechFile }, bedFile });
  return { dir, result };
}

describe("mix-shot", () => {
  it("writes 6 stems of exactly frames/fps seconds and a segment with H.264 + AAC of matching lengths", async () => {
    const { dir, result } = await run("a");
    expect(result.durationSec).toBeCloseTo(FRAMES / 24, 9);
    expect(result.peak).toBeGreaterThan(0.01);
    const stems = await readWav(path.join(dir, "stems.wav"));
    expect(stems.channels).toHaveLength(6);
    expect(stems.channels[0].length).toBe(FRAMES * 2000);
    const p = await probe(path.join(dir, "segment.mp4"), { countFrames: true });
    const v = p.streams.find((s) => s.codec_type === "video")!;
    const a = p.streams.find((s) => s.codec_type === "audio")!;
    expect(v.codec_name).toBe("h264");
    expect(Number((v as { nb_read_frames?: string }).nb_read_frames)).toBe(FRAMES);
    expect(a.codec_name).toBe("aac");
    expect(a.sample_rate).toBe("48000");
    expect(a.channels).toBe(2);
    expect(Math.abs(Number(a.duration) - FRAMES / 24)).toBeLessThan(0.025);
    expect(Math.abs(Number(v.duration) - FRAMES / 24)).toBeLessThan(0.001);
  });

  it("places the dialogue at its start, panned, and fades in", async () => {
    const { dir } = await run("b");
    const [dL, dR, mL] = (await readWav(path.join(dir, "stems.wav"))).channels;
    const energy = (x: Float32Array, a: number, b: number) => x.subarray(Math.round(a * 48000), Math.round(b * 48000)).reduce((s, v) => s + v * v, 0);
    expect(energy(dL, 0, 0.3)).toBe(0);
    expect(energy(dL, 0.3, 0.3 + speechSec)).toBeGreaterThan(0);
    expect(energy(dL, 0.3, 0.3 + speechSec)).toBeGreaterThan(energy(dR, 0.3, 0.3 + speechSec) * 2); // panned left
    expect(Math.abs(mL[0])).toBeLessThan(1e-4); // fade-in starts from silence
  });

  it("ducks the music under the words, and only there", async () => {
    const ducked = (await readWav(path.join((await run("duck-on")).dir, "stems.wav"))).channels[2];
    const open = (await readWav(path.join((await run("duck-off", spec({ duck: [] }))).dir, "stems.wav"))).channels[2];
    const rms = (x: Float32Array, a: number, b: number) => Math.sqrt(x.subarray(Math.round(a * 48000), Math.round(b * 48000)).reduce((s, v) => s + v * v, 0) / ((b - a) * 48000));
    const under = [0.35, 0.3 + speechSec] as const;
    expect(20 * Math.log10(rms(open, ...under) / rms(ducked, ...under))).toBeGreaterThan(6);
    const after = 0.3 + speechSec + 0.8;
    if (after + 0.2 < FRAMES / 24) expect(rms(ducked, after, after + 0.2)).toBeCloseTo(rms(open, after, after + 0.2), 6);
  });

  it("reports what the stitch needs: the stems' hash, loudness blocks and true peak", async () => {
    const { dir, result } = await run("meta");
    expect(result.stemsHash).toBe(createHash("sha256").update(readFileSync(path.join(dir, "stems.wav"))).digest("hex"));
    expect(result.samples).toBe(FRAMES * 2000);
    expect(result.loudnessBlocks).toHaveLength(Math.ceil((FRAMES * 2000) / 4800));
    expect(result.truePeak).toBeGreaterThanOrEqual(result.peak * 0.99);
  });

  it("continues the scene's bed: the next shot starts where this one ended", async () => {
    const first = await run("c");
    const second = await run("d", spec({ shotId: "shot-2", lines: [], cues: [], duck: [], fadeInSec: 0, bed: { key: "b", offsetSec: FRAMES / 24 } }));
    const a = (await readWav(path.join(first.dir, "stems.wav"))).channels[2];
    const b = (await readWav(path.join(second.dir, "stems.wav"))).channels[2];
    const bed = (await readWav(bedFile)).channels[0];
    expect(b[0]).toBeCloseTo(bed[FRAMES * 2000], 4);
    expect(Math.abs(b[0] - a[a.length - 1])).toBeLessThan(0.05);
  });

  it("is deterministic: the same inputs give the same stems and segment bytes", async () => {
    const x = await run("e");
    const y = await run("f");
    const hash = (f: string) => createHash("sha256").update(readFileSync(f)).digest("hex");
    expect(hash(path.join(x.dir, "stems.wav"))).toBe(hash(path.join(y.dir, "stems.wav")));
    expect(hash(path.join(x.dir, "segment.mp4"))).toBe(hash(path.join(y.dir, "segment.mp4")));
  });

  it("makes a silent-bed segment when the scene has no bed (a failed score)", async () => {
    const dir = path.join(root, "h");
    mkdirSync(dir);
    const result = await mixShot(spec({ lines: [], cues: [], bed: { key: "", offsetSec: 0 } }), dir, { videoFile: video, speechFiles: {}, bedFile: "" });
    expect(result.peak).toBe(0);
    const stems = await readWav(path.join(dir, "stems.wav"));
    expect(stems.channels[0].length).toBe(FRAMES * 2000);
    expect((await probe(path.join(dir, "segment.mp4"))).streams.map((s) => s.codec_name).sort()).toEqual(["aac", "h264"]);
  });

  it("says which speech file is missing", async () => {
    const dir = path.join(root, "g");
    mkdirSync(dir);
    await expect(mixShot(spec(), dir, { videoFile: video, speechFiles: {}, bedFile })).rejects.toThrow(/no speech file for sp1/);
  });
});

import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runFfmpeg } from "../../../lib/media/ffmpeg";
import { probe } from "../../../lib/media/probe";
import type { MixMeta, StitchSpec } from "../../../lib/plan/specs";
import { renderFilmAudioChunk } from "../../../lib/sound/film-audio";
import { loudnessBlocks } from "../../../lib/sound/mix-shot";
import { TruePeakMeter } from "../../../lib/sound/loudness";
import { readWav, writeWav } from "../../../lib/sound/wav";
import { joinSceneVideo, SCENE_VIDEO_FILE } from "../../../lib/stitch/scene-video";
import { muxFilm, stitchCut, type StitchInputs } from "../../../lib/stitch/stitch-cut";

const root = mkdtempSync(path.join(os.tmpdir(), "auteur-stitch-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const SR = 48000;
const FPS = 24;
// Two scenes of 64 frames (the scene grid) and one of 128: five shots.
const SHOTS = [
  { scene: 0, frames: 40 },
  { scene: 0, frames: 24 },
  { scene: 1, frames: 64 },
  { scene: 2, frames: 50 },
  { scene: 2, frames: 78 },
];

/** A shot's segment (H.264 with B-frames at the film's timescale, plus its AAC) and 6-channel stems, as mix-shot leaves them. */
async function makeShot(name: string, frames: number, hue: number): Promise<MixMeta> {
  const dir = path.join(root, "assets", name);
  mkdirSync(dir, { recursive: true });
  const samples = (frames / FPS) * SR;
  const channels = Array.from({ length: 6 }, (_, c) => Float32Array.from({ length: samples }, (_, i) => 0.1 * Math.sin((2 * Math.PI * (200 + 50 * c + hue) * i) / SR)));
  const stems = path.join(dir, "stems.wav");
  await writeWav(stems, { sampleRate: SR, channels }, "pcm16");
  await runFfmpeg([
    "-f", "lavfi", "-i", `testsrc=s=160x90:r=${FPS}:d=${frames / FPS},hue=h=${hue}`,
    "-f", "lavfi", "-i", `sine=f=${300 + hue}:sample_rate=${SR}:d=${frames / FPS}`,
    "-c:v", "libx264", "-preset", "ultrafast", "-bf", "2", "-g", "48", "-pix_fmt", "yuv420p", "-video_track_timescale", "12288",
    "-c:a", "aac", "-fflags", "+bitexact", "-flags:v", "+bitexact", "-flags:a", "+bitexact", "-movflags", "+faststart",
    path.join(dir, "segment.mp4"),
  ]);
  const q = (await readWav(stems)).channels;
  const L = q[0].map((v, i) => v + q[2][i] + q[4][i]);
  const R = q[1].map((v, i) => v + q[3][i] + q[5][i]);
  const tp = new TruePeakMeter(2);
  tp.push([L, R]);
  return { durationSec: frames / FPS, peak: 0, stemsHash: createHash("sha256").update(readFileSync(stems)).digest("hex"), samples, loudnessBlocks: loudnessBlocks(L, R, SR), truePeak: tp.peak() };
}

const fileOf = (key: string, name: string) => path.join(root, "assets", key, name);

/** The store's part, in folders under root: an asset is made once, then found. */
function inputs(mixMetas: MixMeta[]): StitchInputs {
  return {
    mixMetas,
    audioChunk: async (spec) => {
      const dir = path.join(root, "assets", spec.key);
      const made = !existsSync(dir);
      if (made) {
        mkdirSync(dir);
        await fs.writeFile(path.join(dir, "meta.json"), JSON.stringify(await renderFilmAudioChunk(spec, dir, (k) => fileOf(k, "stems.wav"))));
      }
      return { dir, made, meta: JSON.parse(await fs.readFile(path.join(dir, "meta.json"), "utf8")) };
    },
    sceneVideo: async (spec) => {
      const dir = path.join(root, "assets", spec.key);
      const made = !existsSync(dir);
      if (made) {
        mkdirSync(dir);
        await joinSceneVideo(spec, dir, (k) => fileOf(k, "segment.mp4"));
      }
      return { file: path.join(dir, SCENE_VIDEO_FILE), made };
    },
  };
}

function stitchSpec(mixKeys: string[]): StitchSpec {
  const sceneStart = (s: number) => SHOTS.filter((x) => x.scene < s).reduce((n, x) => n + x.frames, 0) / FPS;
  return {
    stage: "stitch-cut",
    key: "film",
    title: "A test film",
    segments: SHOTS.map((s, i) => ({ shotId: `shot${i}`, mixKey: mixKeys[i]!, frames: s.frames })),
    chapters: [0, 1, 2].map((s) => ({ title: `Scene ${s + 1}`, startSec: sceneStart(s), endSec: sceneStart(s + 1) })),
    subtitles: [{ startSec: 0.5, endSec: 2, speaker: "Juno", text: "First we find the vault." }, { startSec: 6, endSec: 8, speaker: "Okafor", text: "Then we run." }],
    fps: FPS,
    sampleRate: SR,
    loudness: { integrated: -16, truePeak: -1 },
    provider: { name: "stitch", version: "test" },
  };
}

/** Top-level boxes of an mp4, in file order. */
function boxes(file: string): string[] {
  const bytes = readFileSync(file);
  const out: string[] = [];
  for (let pos = 0; pos + 8 <= bytes.length; ) {
    let size = bytes.readUInt32BE(pos);
    if (size === 1) size = Number(bytes.readBigUInt64BE(pos + 8));
    out.push(bytes.toString("latin1", pos + 4, pos + 8));
    if (size < 8) break;
    pos += size;
  }
  return out;
}

const totalFrames = SHOTS.reduce((n, s) => n + s.frames, 0);
let metas: MixMeta[];
const keys = SHOTS.map((_, i) => `mix${i}`);

beforeAll(async () => {
  metas = [];
  for (const [i, s] of SHOTS.entries()) metas.push(await makeShot(keys[i]!, s.frames, 40 * i));
  metas.push(await makeShot("mix3-retake", SHOTS[3]!.frames, 300));
}, 120_000);

async function stitch(name: string, mixKeys: string[]) {
  const dir = path.join(root, name);
  mkdirSync(dir);
  const meta = await stitchCut(stitchSpec(mixKeys), dir, inputs(mixKeys.map((k) => metas[k === "mix3-retake" ? 5 : keys.indexOf(k)]!)));
  return { dir, meta, film: path.join(dir, "film.mp4") };
}

describe("stitch-cut", () => {
  it("makes one mp4 with the index first: stream-copied picture, one AAC track, chapters per scene and a subtitle track", async () => {
    const { dir, meta, film } = await stitch("first", keys);
    expect(meta).toMatchObject({ shots: 5, audioScenesReused: 0, videoScenesMade: 3, videoScenesReused: 0 });
    expect(boxes(film).slice(0, 2)).toEqual(["ftyp", "moov"]);
    expect(boxes(film).indexOf("mdat")).toBeGreaterThan(boxes(film).indexOf("moov"));
    const info = await probe(film, { countFrames: true });
    const byType = Object.fromEntries(info.streams.map((s) => [s.codec_type, s]));
    expect(byType.video).toMatchObject({ codec_name: "h264", nb_read_frames: String(totalFrames) });
    expect(byType.audio).toMatchObject({ codec_name: "aac", sample_rate: String(SR) });
    expect(byType.subtitle).toMatchObject({ codec_name: "mov_text" });
    // Picture and sound both start at zero: the AAC priming frame is skipped, not shown as a delay.
    expect(Number(byType.video!.start_time)).toBeCloseTo(0, 3);
    expect(Number(byType.audio!.start_time)).toBeCloseTo(0, 3);
    expect(meta.durationSec).toBeCloseTo(totalFrames / FPS, 2);
    expect(info.chapters.map((c) => c.tags?.title)).toEqual(["Scene 1", "Scene 2", "Scene 3"]);
    expect(readFileSync(path.join(dir, "film.srt"), "utf8")).toContain("Then we run.");
    expect(JSON.parse(readFileSync(path.join(dir, "video-scenes.json"), "utf8"))).toHaveLength(3);
  });

  it("gives the same bytes again, from the scenes already made", async () => {
    const a = await stitch("again", keys);
    expect(a.meta).toMatchObject({ audioScenesMade: 0, videoScenesMade: 0, videoScenesReused: 3 });
    expect(readFileSync(a.film).equals(readFileSync(path.join(root, "first", "film.mp4")))).toBe(true);
  });

  it("re-joins only the scene whose segment changed", async () => {
    const retake = keys.map((k, i) => (i === 3 ? "mix3-retake" : k));
    const { meta, film } = await stitch("retake", retake);
    expect(meta).toMatchObject({ videoScenesMade: 1, videoScenesReused: 2 });
    expect(meta.audioScenesMade).toBeGreaterThan(0);
    expect(meta.audioScenesReused).toBeGreaterThan(0);
    expect((await probe(film, { countFrames: true })).streams.find((s) => s.codec_type === "video")).toMatchObject({ nb_read_frames: String(totalFrames) });
  });

  it("still puts the index first when the room reserved for it is too small", async () => {
    const first = path.join(root, "first");
    const work = path.join(root, "small-moov");
    mkdirSync(work);
    const list = path.join(work, "scenes.txt");
    const scenes = JSON.parse(readFileSync(path.join(first, "video-scenes.json"), "utf8")) as string[];
    await fs.writeFile(list, scenes.map((k) => `file '${fileOf(k, SCENE_VIDEO_FILE)}'`).join("\n") + "\n");
    await runFfmpeg(["-i", path.join(first, "film.mp4"), "-map", "0:a:0", "-c", "copy", "-f", "adts", path.join(work, "film.aac")]);
    await fs.writeFile(path.join(work, "chapters.txt"), ";FFMETADATA1\ntitle=t\n");
    const outFile = path.join(work, "film.mp4");
    await muxFilm({ listFile: list, audioFile: path.join(work, "film.aac"), srtFile: "", metadataFile: path.join(work, "chapters.txt"), outFile, hasSubtitles: false, sampleRate: SR }, 64);
    expect(boxes(outFile).slice(0, 2)).toEqual(["ftyp", "moov"]);
    expect((await probe(outFile, { countFrames: true })).streams.find((s) => s.codec_type === "video")).toMatchObject({ nb_read_frames: String(totalFrames) });
  });
});

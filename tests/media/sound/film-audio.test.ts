import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runFfmpeg } from "../../../lib/media/ffmpeg";
import { planFilmAudio } from "../../../lib/plan/film-audio-plan";
import type { FilmAudioSpec, MixMeta, StitchSpec } from "../../../lib/plan/specs";
import { joinAacTrack, joinStems, renderFilmAudioChunk, type FilmAudioChunkMeta } from "../../../lib/sound/film-audio";
import { integratedLoudness, toDb, TruePeakMeter } from "../../../lib/sound/loudness";
import { loudnessBlocks } from "../../../lib/sound/mix-shot";
import { createRng } from "../../../lib/sound/dsp/prng";
import { readWav, writeWav } from "../../../lib/sound/wav";
import { ebur128 } from "./helpers";

const root = mkdtempSync(path.join(os.tmpdir(), "auteur-film-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const SR = 48000;
const LENGTHS = [61 * 2000, 37 * 2000, 90 * 2000]; // three shots, one scene each
const total = LENGTHS.reduce((a, b) => a + b, 0);

/** A continuous programme (music: a slow chord; dialogue: bursts; effects: one loud hit) cut into shots. */
function programme(): Float32Array[] {
  const rng = createRng(5);
  const ch = Array.from({ length: 6 }, () => new Float32Array(total));
  for (let i = 0; i < total; i++) {
    const t = i / SR;
    const music = 0.05 * (Math.sin(2 * Math.PI * 220 * t) + Math.sin(2 * Math.PI * 277.2 * t) + Math.sin(2 * Math.PI * 329.6 * t));
    ch[2][i] = music;
    ch[3][i] = music * 0.9;
    const talking = Math.floor(t / 0.7) % 2 === 0;
    const voice = talking ? 0.12 * Math.sin(2 * Math.PI * 150 * t) * (0.6 + 0.4 * Math.sin(2 * Math.PI * 4 * t)) : 0;
    ch[0][i] = voice;
    ch[1][i] = voice;
    ch[4][i] = (rng() * 2 - 1) * 0.01;
    ch[5][i] = (rng() * 2 - 1) * 0.01;
  }
  // A gunshot-like peak near a join: the limiter has to catch it.
  const at = LENGTHS[0] - 300;
  for (let i = 0; i < 2000; i++) {
    const v = 0.9 * Math.exp(-i / 300) * (i % 2 ? 1 : -1);
    ch[4][at + i] += v;
    ch[5][at + i] += v;
  }
  return ch;
}

const stitch: StitchSpec = {
  stage: "stitch-cut",
  key: "k",
  title: "t",
  segments: LENGTHS.map((n, i) => ({ shotId: `s${i}`, mixKey: `mix${i}`, frames: n / 2000 })),
  chapters: LENGTHS.map((n, i) => {
    const start = LENGTHS.slice(0, i).reduce((a, b) => a + b, 0) / SR;
    return { title: `scene ${i}`, startSec: start, endSec: start + n / SR };
  }),
  subtitles: [],
  fps: 24,
  sampleRate: SR,
  loudness: { integrated: -16, truePeak: -1 },
  provider: { name: "stitch", version: "test" },
};

/** Write one shot's stems and report what mix-shot would. */
async function shot(name: string, channels: Float32Array[]): Promise<MixMeta> {
  const file = path.join(root, `${name}.wav`);
  await writeWav(file, { sampleRate: SR, channels }, "pcm16");
  const q = (await readWav(file)).channels;
  const L = q[0].map((v, i) => v + q[2][i] + q[4][i]);
  const R = q[1].map((v, i) => v + q[3][i] + q[5][i]);
  const tp = new TruePeakMeter(2);
  tp.push([L, R]);
  return { durationSec: L.length / SR, peak: 0, stemsHash: createHash("sha256").update(readFileSync(file)).digest("hex"), samples: L.length, loudnessBlocks: loudnessBlocks(L, R, SR), truePeak: tp.peak() };
}

let input: Float32Array[];
let metas: MixMeta[];
let chunks: FilmAudioSpec[];
let made: FilmAudioChunkMeta[];
let gainDb = 0;
const out = path.join(root, "film");

beforeAll(async () => {
  input = programme();
  metas = [];
  let offset = 0;
  for (const [k, len] of LENGTHS.entries()) {
    metas.push(await shot(`mix${k}`, input.map((c) => c.slice(offset, offset + len))));
    offset += len;
  }
  const plan = planFilmAudio(stitch, metas);
  chunks = plan.chunks;
  gainDb = plan.gainDb;
  made = [];
  for (const [i, c] of chunks.entries()) {
    const dir = path.join(root, `chunk${i}`);
    mkdirSync(dir);
    made.push(await renderFilmAudioChunk(c, dir, (mixKey) => path.join(root, `${mixKey}.wav`)));
  }
  mkdirSync(out);
  const dirs = chunks.map((_, i) => path.join(root, `chunk${i}`));
  await joinAacTrack(dirs, path.join(out, "film.aac"));
  await joinStems(dirs, out, SR);
  await runFfmpeg(["-hide_banner", "-nostdin", "-y", "-f", "aac", "-i", path.join(out, "film.aac"), "-c:a", "pcm_f32le", path.join(out, "decoded.wav")]);
}, 120_000);

describe("the film's audio, a scene at a time", () => {
  it("plans three stretches per scene (its run-in, body and run-out) whose AAC frames cover the film exactly once", () => {
    expect(chunks).toHaveLength(9);
    expect(made.reduce((s, m) => s + m.samples, 0)).toBe(total);
    expect(made.reduce((s, m) => s + m.aacFrames, 0)).toBe(Math.ceil(total / 1024) + 1);
    expect(chunks.some((c) => c.ceilingDb !== null)).toBe(true);
  });

  it("hits -16 LUFS within 1.5 LU with true peak at most -1 dBTP (and ffmpeg agrees on the AAC)", async () => {
    const [d, m, e] = await Promise.all(["dialogue", "music", "effects"].map((n) => readWav(path.join(out, `${n}.wav`))));
    const mix = [0, 1].map((c) => d.channels[c].map((v, i) => v + m.channels[c][i] + e.channels[c][i]));
    // The limiter takes a little loudness off (here up to 1.2 LU: a very hot programme) and no make-up gain follows.
    expect(Math.abs(integratedLoudness(mix, SR) + 16)).toBeLessThan(1.5);
    expect(Math.max(...made.map((c) => c.truePeakDbtp))).toBeLessThanOrEqual(-1);
    const tp = new TruePeakMeter(2);
    tp.push(mix);
    expect(toDb(tp.peak())).toBeLessThanOrEqual(-0.9);
    const measured = await ebur128(path.join(out, "decoded.wav"));
    expect(Math.abs(measured.integrated + 16)).toBeLessThan(1.5);
  });

  it("joins without gaps or clicks: the stems are the input times one gain, and the AAC follows the mix across the joins", async () => {
    const music = await readWav(path.join(out, "music.wav"));
    expect(music.channels[0].length).toBe(total);
    const gain = Math.pow(10, gainDb / 20);
    const join2 = LENGTHS[0] + LENGTHS[1];
    for (const i of [join2 - 2, join2 - 1, join2, join2 + 1, 1000, total - 1]) expect(music.channels[0][i]).toBeCloseTo(input[2][i] * gain, 3);
    // The decoded AAC (after the encoder's 1024-sample priming) against the PCM mix, around each join.
    const [d, e] = await Promise.all(["dialogue", "effects"].map((n) => readWav(path.join(out, `${n}.wav`))));
    const decoded = (await readWav(path.join(out, "decoded.wav"))).channels[0];
    const mixL = (i: number) => d.channels[0][i] + music.channels[0][i] + e.channels[0][i];
    // (At the first join, from just after the hit: its alternating samples are at 24 kHz, which AAC drops.)
    for (const [join, from, to] of [[LENGTHS[0], LENGTHS[0] + 1500, LENGTHS[0] + 8000], [join2, join2 - 4096, join2 + 4096]] as const) {
      let err = 0;
      let sig = 0;
      for (let i = from; i < to; i++) {
        const diff = decoded[i + 1024] - mixL(i);
        err += diff * diff;
        sig += mixL(i) * mixL(i);
      }
      expect(10 * Math.log10(sig / err), `at the join at ${join}`).toBeGreaterThan(15);
    }
  });

  it("keys each stretch on its sound: a new picture keeps every stretch, a changed last shot keeps all but its own and the run-out before it", () => {
    const retake = planFilmAudio({ ...stitch, segments: stitch.segments.map((s, i) => (i === 1 ? { ...s, mixKey: "another-take" } : s)) }, metas);
    expect(retake.chunks.map((c) => c.key)).toEqual(chunks.map((c) => c.key));
    const changed = planFilmAudio(stitch, metas.map((m, i) => (i === 2 ? { ...m, stemsHash: "f".repeat(64) } : m)));
    expect(changed.gainDb).toBe(gainDb);
    const [before, after] = [chunks.map((c) => c.key), changed.chunks.map((c) => c.key)];
    expect(after.slice(0, 5)).toEqual(before.slice(0, 5));
    for (const i of [5, 6, 7, 8]) expect(after[i]).not.toBe(before[i]);
  });
});

import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildFilmAudio, type FilmAudio } from "../../../lib/sound/film-audio";
import { createRng } from "../../../lib/sound/dsp/prng";
import { readWav, writeWav } from "../../../lib/sound/wav";
import { ebur128 } from "./helpers";

const root = mkdtempSync(path.join(os.tmpdir(), "auteur-film-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const SR = 48000;
const LENGTHS = [61 * 2000, 37 * 2000, 90 * 2000]; // three shots
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

let input: Float32Array[];
let out: FilmAudio;
const files: string[] = [];

beforeAll(async () => {
  input = programme();
  let offset = 0;
  for (const [k, len] of LENGTHS.entries()) {
    const file = path.join(root, `stems-${k}.wav`);
    await writeWav(file, { sampleRate: SR, channels: input.map((c) => c.slice(offset, offset + len)) }, "pcm16");
    files.push(file);
    offset += len;
  }
  const dir = path.join(root, "film");
  mkdirSync(dir);
  out = await buildFilmAudio(files, dir, { integrated: -16, truePeak: -1 });
});

describe("buildFilmAudio", () => {
  it("hits -16 LUFS within 1 LU with true peak at most -1 dBTP (and ffmpeg agrees)", async () => {
    expect(Math.abs(out.integratedLufs + 16)).toBeLessThan(1);
    expect(out.truePeakDbtp).toBeLessThanOrEqual(-1);
    const measured = await ebur128(out.mixFile);
    expect(Math.abs(measured.integrated + 16)).toBeLessThan(1);
    expect(measured.truePeak).toBeLessThanOrEqual(-1);
  });

  it("writes the mix and three stems of the same length, and the stems add up to the mix", async () => {
    const mix = await readWav(out.mixFile);
    const d = await readWav(out.stemFiles.dialogue);
    const m = await readWav(out.stemFiles.music);
    const e = await readWav(out.stemFiles.effects);
    for (const w of [mix, d, m, e]) {
      expect(w.sampleRate).toBe(SR);
      expect(w.channels).toHaveLength(2);
      expect(w.channels[0].length).toBe(total);
    }
    let worst = 0;
    for (let c = 0; c < 2; c++) for (let i = 0; i < total; i++) worst = Math.max(worst, Math.abs(d.channels[c][i] + m.channels[c][i] + e.channels[c][i] - mix.channels[c][i]));
    expect(worst).toBeLessThan(4 / 32768);
  });

  it("joins the shots without gaps or clicks: the music stem is the input times one gain", async () => {
    const m = await readWav(out.stemFiles.music);
    const gain = Math.pow(10, out.gainDb / 20);
    // Away from the limited hit, every sample is the input scaled (continuity across both joins).
    const join2 = LENGTHS[0] + LENGTHS[1];
    for (const i of [join2 - 2, join2 - 1, join2, join2 + 1, 1000, total - 1]) expect(m.channels[0][i]).toBeCloseTo(input[2][i] * gain, 3);
    let maxStep = 0;
    for (let i = join2 - 500; i < join2 + 500; i++) maxStep = Math.max(maxStep, Math.abs(m.channels[0][i] - m.channels[0][i - 1]));
    expect(maxStep).toBeLessThan(0.05);
  });
});

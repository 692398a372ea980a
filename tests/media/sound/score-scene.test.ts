import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { SoundSpec } from "../../../lib/plan/specs";
import { probe } from "../../../lib/media/probe";
import { scoreScene } from "../../../lib/sound/score-scene";
import { readWav } from "../../../lib/sound/wav";

const root = mkdtempSync(path.join(os.tmpdir(), "auteur-bed-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const spec: SoundSpec = {
  stage: "score-scene",
  key: "a".repeat(64),
  sceneId: "harbour",
  durationSec: 9.37,
  shotStarts: [0, 3.2, 6.1],
  speech: [{ start: 1, end: 2.8 }, { start: 6.5, end: 8 }],
  music: { key: "D", mode: "minor", tempo: 92, instruments: ["strings", "piano", "drums"] },
  mood: "tense",
  intensity: 0.6,
  place: { name: "Harbour", kind: "city-street", interior: false, timeOfDay: "night", weather: "rain", mood: "tense", seed: 17 },
  seed: 4242,
  provider: { name: "builtin", version: "1" },
};

async function make(name: string, s: SoundSpec = spec): Promise<string> {
  const dir = path.join(root, name);
  mkdirSync(dir);
  const out = await scoreScene(s, dir);
  expect(out.durationSec).toBeCloseTo(Math.round(s.durationSec * 48000) / 48000, 9);
  return path.join(dir, "bed.wav");
}

/** Share of the energy in the `top` strongest FFT-free bins: a crude tonality measure via DFT at semitones. */
function semitoneProfile(x: Float32Array, sr: number): number[] {
  const out: number[] = [];
  const n = Math.min(x.length, sr * 4);
  for (let midi = 36; midi < 96; midi++) {
    const f = 440 * Math.pow(2, (midi - 69) / 12);
    let re = 0;
    let im = 0;
    for (let i = 0; i < n; i += 2) {
      re += x[i] * Math.cos((2 * Math.PI * f * i) / sr);
      im += x[i] * Math.sin((2 * Math.PI * f * i) / sr);
    }
    out.push(Math.hypot(re, im));
  }
  return out;
}

describe("score-scene", () => {
  it("writes a 4-channel 48 kHz bed of exactly the scene's length", async () => {
    const file = await make("one");
    const wav = await readWav(file);
    expect(wav.channels).toHaveLength(4);
    expect(wav.sampleRate).toBe(48000);
    expect(wav.channels[0].length).toBe(Math.round(9.37 * 48000));
    const p = await probe(file);
    expect(p.streams[0].channels).toBe(4);
  });

  it("is deterministic: the same spec gives the same bytes", async () => {
    const a = readFileSync(await make("a"));
    const b = readFileSync(await make("b"));
    expect(createHash("sha256").update(a).digest("hex")).toBe(createHash("sha256").update(b).digest("hex"));
  });

  it("sounds designed: music is tonal and never clips, ambience is there", async () => {
    const wav = await readWav(await make("listen"));
    const [mL, mR, aL, aR] = wav.channels;
    let peak = 0;
    for (const ch of wav.channels) for (const v of ch) peak = Math.max(peak, Math.abs(v));
    expect(peak).toBeLessThan(0.9);
    const rms = (x: Float32Array, from = 0, to = x.length) => {
      let s = 0;
      for (let i = from; i < to; i++) s += x[i] * x[i];
      return Math.sqrt(s / (to - from));
    };
    expect(20 * Math.log10(rms(mL))).toBeGreaterThan(-40);
    expect(20 * Math.log10(rms(aL))).toBeGreaterThan(-50);
    expect(20 * Math.log10(rms(aR))).toBeGreaterThan(-50);
    // Tonal: energy concentrates on a few semitones (notes of the key), unlike noise.
    const profile = semitoneProfile(mR, 48000).sort((a, b) => b - a);
    const top = profile.slice(0, 8).reduce((s, v) => s + v, 0);
    const all = profile.reduce((s, v) => s + v, 0);
    expect(top / all).toBeGreaterThan(0.3);
  });

  it("changes with the place: a forest morning is not a rainy street", async () => {
    const forest = await readWav(await make("forest", { ...spec, durationSec: 3, place: { ...spec.place, kind: "forest", weather: "clear", timeOfDay: "morning" } }));
    const street = await readWav(await make("street", { ...spec, durationSec: 3 }));
    expect(Buffer.from(forest.channels[2].buffer).equals(Buffer.from(street.channels[2].buffer))).toBe(false);
    // Same music spec and seed: the music is the same.
    expect(Buffer.from(forest.channels[0].buffer).equals(Buffer.from(street.channels[0].buffer))).toBe(true);
  });
});

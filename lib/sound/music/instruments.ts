/**
 * The built-in instruments: wavetable tones with envelopes (pads, strings, brass, synth, bass, flute),
 * a two-layer piano, Karplus-Strong plucks, FM bells and synthesized drums. Each adds into a stereo
 * buffer; all deterministic (noise comes from seeded generators).
 */
import { createRng } from "../dsp/prng";
import { filter } from "../dsp/biquad";

export interface Stereo {
  L: Float32Array;
  R: Float32Array;
}

const TABLE_SIZE = 4096;

/** One cycle from harmonic amplitudes (index 0 = fundamental), normalised to peak 1. */
export function makeTable(harmonics: number[], phases?: number[]): Float32Array {
  const t = new Float32Array(TABLE_SIZE + 1);
  for (let i = 0; i < TABLE_SIZE; i++) {
    let v = 0;
    for (let h = 0; h < harmonics.length; h++) v += harmonics[h] * Math.sin((2 * Math.PI * (h + 1) * i) / TABLE_SIZE + (phases?.[h] ?? 0));
    t[i] = v;
  }
  let peak = 0;
  for (let i = 0; i < TABLE_SIZE; i++) peak = Math.max(peak, Math.abs(t[i]));
  for (let i = 0; i < TABLE_SIZE; i++) t[i] /= peak || 1;
  t[TABLE_SIZE] = t[0];
  return t;
}

const range = (n: number, f: (h: number) => number) => Array.from({ length: n }, (_, i) => f(i + 1));
export const TABLES = {
  pad: makeTable(range(14, (h) => 1 / Math.pow(h, 1.4))),
  strings: makeTable(range(18, (h) => (1 / h) * (h % 2 ? 1 : 0.7))),
  brass: makeTable(range(16, (h) => 1 / Math.pow(h, 0.9) / (1 + Math.pow(h / 8, 2)))),
  synth: makeTable(range(22, (h) => 1 / h)),
  square: makeTable(range(21, (h) => (h % 2 ? 1 / h : 0))),
  bass: makeTable(range(8, (h) => 1 / Math.pow(h, 1.8))),
  flute: makeTable([1, 0.25, 0.12, 0.05, 0.02]),
  pianoBright: makeTable(range(12, (h) => 1 / Math.pow(h, 1.1))),
  pianoBody: makeTable([1, 0.35, 0.12, 0.05]),
  organ: makeTable([1, 0.5, 0, 0.3, 0, 0.15, 0, 0.1]),
};
export type TableName = keyof typeof TABLES;

export interface ToneOptions {
  start: number;
  dur: number;
  freq: number;
  table: TableName;
  attack: number;
  decay: number;
  sustain: number;
  release: number;
  gain: number;
  /** -1 (left) .. 1 (right). */
  pan: number;
  /** Detune between the left and right oscillator (cents), for width. */
  spread?: number;
  vibrato?: number;
  /** Exponential fade after the attack (per second, e.g. 1.5 for a piano), instead of decay/sustain. */
  fadeRate?: number;
}

function panGains(pan: number): [number, number] {
  const a = ((Math.max(-1, Math.min(1, pan)) + 1) * Math.PI) / 4;
  return [Math.cos(a) * Math.SQRT2, Math.sin(a) * Math.SQRT2];
}

/** Add a wavetable tone (two slightly detuned oscillators, one per side) into `out`. */
export function addTone(out: Stereo, sampleRate: number, o: ToneOptions): void {
  const table = TABLES[o.table];
  const start = Math.round(o.start * sampleRate);
  const total = Math.round((o.dur + o.release) * sampleRate);
  const end = Math.min(out.L.length, start + total);
  if (end <= Math.max(0, start)) return;
  const [gl, gr] = panGains(o.pan);
  const spread = Math.pow(2, (o.spread ?? 0) / 1200);
  const incL = (o.freq / spread / sampleRate) * TABLE_SIZE;
  const incR = ((o.freq * spread) / sampleRate) * TABLE_SIZE;
  const a = Math.max(1, o.attack * sampleRate);
  const d = Math.max(1, o.decay * sampleRate);
  const holdEnd = o.dur * sampleRate;
  const r = Math.max(1, o.release * sampleRate);
  const fadeRate = o.fadeRate ?? 0;
  const vib = o.vibrato ?? 0;
  // The envelope, analytically (evaluated at block edges; linear in between).
  const held = (i: number) => {
    if (i < a) return i / a;
    if (fadeRate) return Math.exp((-fadeRate * (i - a)) / sampleRate);
    return i < a + d ? 1 - (1 - o.sustain) * ((i - a) / d) : o.sustain;
  };
  const atRelease = held(holdEnd);
  const env = (i: number) => (i < holdEnd ? held(i) : atRelease * Math.max(0, 1 - (i - holdEnd) / r));
  const BLOCK = 64;
  let pl = 0;
  let pr = TABLE_SIZE * 0.31;
  const L = out.L;
  const R = out.R;
  for (let b0 = Math.max(0, start); b0 < end; b0 += BLOCK) {
    const b1 = Math.min(end, b0 + BLOCK);
    const i0 = b0 - start;
    const v = vib ? 1 + vib * Math.sin((2 * Math.PI * 5.2 * i0) / sampleRate) * Math.min(1, i0 / (sampleRate * 0.6)) : 1;
    const dl = incL * v;
    const dr = incR * v;
    let g = env(i0) * o.gain;
    const dg = (env(b1 - start) * o.gain - g) / (b1 - b0);
    if (incL === incR) {
      // No detune: one oscillator feeds both sides (half the work).
      for (let n = b0; n < b1; n++) {
        const il = pl | 0;
        const v = (table[il] + (table[il + 1] - table[il]) * (pl - il)) * g;
        pl += dl;
        if (pl >= TABLE_SIZE) pl -= TABLE_SIZE;
        L[n] += v * gl;
        R[n] += v * gr;
        g += dg;
      }
      continue;
    }
    for (let n = b0; n < b1; n++) {
      const il = pl | 0;
      const ir = pr | 0;
      const sl = table[il] + (table[il + 1] - table[il]) * (pl - il);
      const sr = table[ir] + (table[ir + 1] - table[ir]) * (pr - ir);
      pl += dl;
      pr += dr;
      if (pl >= TABLE_SIZE) pl -= TABLE_SIZE;
      if (pr >= TABLE_SIZE) pr -= TABLE_SIZE;
      L[n] += sl * g * gl;
      R[n] += sr * g * gr;
      g += dg;
    }
  }
}

/** A piano-like note: a bright layer that fades fast over a warm body that rings longer. */
export function addPiano(out: Stereo, sampleRate: number, start: number, dur: number, freq: number, gain: number, pan: number): void {
  const ring = Math.max(dur, 0.4);
  const fade = 1.2 + freq / 500;
  // The bright layer dies away fast: it only needs a short life.
  addTone(out, sampleRate, { start, dur: Math.min(ring, 1.2), freq, table: "pianoBright", attack: 0.003, decay: 0, sustain: 1, release: 0.2, gain: gain * 0.55, pan, fadeRate: fade * 2.5 });
  addTone(out, sampleRate, { start, dur: ring, freq, table: "pianoBody", attack: 0.004, decay: 0, sustain: 1, release: 0.35, gain: gain * 0.6, pan, fadeRate: fade, spread: 1.5 });
}

/** Karplus-Strong plucked string (guitar, harp). */
export function addPluck(out: Stereo, sampleRate: number, start: number, dur: number, freq: number, gain: number, pan: number, seed: number): void {
  const period = Math.max(2, Math.round(sampleRate / freq));
  const length = Math.round(Math.min(dur + 0.6, 3) * sampleRate);
  const s = Math.round(start * sampleRate);
  const rng = createRng(seed);
  const line = new Float32Array(period);
  for (let i = 0; i < period; i++) line[i] = rng() * 2 - 1;
  // Soften the excitation a little (a finger, not a pick).
  for (let i = 1; i < period; i++) line[i] = 0.6 * line[i] + 0.4 * line[i - 1];
  const [gl, gr] = panGains(pan);
  const damping = 0.996 - Math.min(0.01, freq / 200000);
  let prev = 0;
  const endAt = Math.round(dur * sampleRate);
  for (let i = 0; i < length; i++) {
    const n = s + i;
    const k = i % period;
    const y = line[k];
    const next = damping * 0.5 * (y + prev);
    prev = y;
    line[k] = next;
    if (n < 0 || n >= out.L.length) continue;
    const release = i > endAt ? Math.max(0, 1 - (i - endAt) / (0.3 * sampleRate)) : 1;
    const attack = i < 48 ? i / 48 : 1;
    const v = y * gain * release * attack;
    out.L[n] += v * gl;
    out.R[n] += v * gr;
  }
}

/** FM bell / celesta. */
export function addBell(out: Stereo, sampleRate: number, start: number, freq: number, gain: number, pan: number): void {
  const s = Math.round(start * sampleRate);
  const length = Math.round(2.5 * sampleRate);
  const [gl, gr] = panGains(pan);
  const w = (2 * Math.PI * freq) / sampleRate;
  for (let i = 0; i < length; i++) {
    const n = s + i;
    if (n < 0 || n >= out.L.length) continue;
    const t = i / sampleRate;
    const env = Math.exp(-t * 2.2) * (i < 96 ? i / 96 : 1);
    const index = 2.2 * Math.exp(-t * 4);
    const v = Math.sin(w * i + index * Math.sin(w * 3.5 * i)) * env * gain;
    out.L[n] += v * gl;
    out.R[n] += v * gr;
  }
}

/** Drum one-shots (mono), made once per scene. */
export function drumKit(sampleRate: number, seed: number): { kick: Float32Array; snare: Float32Array; hat: Float32Array; tom: Float32Array; boom: Float32Array } {
  const rng = createRng(seed);
  const len = (s: number) => Math.round(s * sampleRate);
  const kick = new Float32Array(len(0.45));
  let phase = 0;
  for (let i = 0; i < kick.length; i++) {
    const t = i / sampleRate;
    const f = 45 + 85 * Math.exp(-t * 30);
    phase += (2 * Math.PI * f) / sampleRate;
    kick[i] = Math.sin(phase) * Math.exp(-t * 7) * (i < 24 ? i / 24 : 1);
  }
  const snare = new Float32Array(len(0.3));
  for (let i = 0; i < snare.length; i++) {
    const t = i / sampleRate;
    snare[i] = (rng() * 2 - 1) * Math.exp(-t * 18) * 0.7 + Math.sin(2 * Math.PI * 185 * t) * Math.exp(-t * 25) * 0.5;
  }
  filter(snare, "highpass", 150, sampleRate);
  const hat = new Float32Array(len(0.09));
  for (let i = 0; i < hat.length; i++) hat[i] = (rng() * 2 - 1) * Math.exp((-i / sampleRate) * 45);
  filter(hat, "highpass", 7000, sampleRate);
  const tom = new Float32Array(len(0.6));
  phase = 0;
  for (let i = 0; i < tom.length; i++) {
    const t = i / sampleRate;
    phase += (2 * Math.PI * (95 + 30 * Math.exp(-t * 12))) / sampleRate;
    tom[i] = (Math.sin(phase) + 0.15 * (rng() * 2 - 1) * Math.exp(-t * 40)) * Math.exp(-t * 5);
  }
  // A low cinematic boom (timpani + sub), for hits on cuts.
  const boom = new Float32Array(len(2.5));
  phase = 0;
  for (let i = 0; i < boom.length; i++) {
    const t = i / sampleRate;
    phase += (2 * Math.PI * (38 + 40 * Math.exp(-t * 8))) / sampleRate;
    boom[i] = (Math.sin(phase) * 0.9 + (rng() * 2 - 1) * 0.25 * Math.exp(-t * 10)) * Math.exp(-t * 1.8) * (i < 48 ? i / 48 : 1);
  }
  filter(boom, "lowpass", 400, sampleRate);
  return { kick, snare, hat, tom, boom };
}

export function addSample(out: Stereo, sample: Float32Array, startSample: number, gain: number, pan: number): void {
  const [gl, gr] = panGains(pan);
  const end = Math.min(out.L.length, startSample + sample.length);
  for (let n = Math.max(0, startSample); n < end; n++) {
    const v = sample[n - startSample] * gain;
    out.L[n] += v * gl;
    out.R[n] += v * gr;
  }
}

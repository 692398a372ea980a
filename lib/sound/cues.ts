/**
 * Sound effects for shot cues, synthesized from seeded noise and oscillators. Each returns a stereo
 * one-shot peaking at -6 dBFS (before the cue's gain).
 */
import type { SoundCueKind } from "../screenplay/schema";
import { filter, sweepFilter } from "./dsp/biquad";
import { createRng, whiteNoise } from "./dsp/prng";
import { reverb } from "./dsp/reverb";
import { addBell, type Stereo } from "./music/instruments";

type Synth = (sr: number, seed: number) => Stereo;

const secs = (sr: number, s: number) => Math.round(s * sr);
const mono = (x: Float32Array): Stereo => ({ L: x, R: x.slice() });

function add(out: Float32Array, x: Float32Array, at: number, gain = 1): void {
  for (let i = 0; i < x.length && at + i < out.length; i++) if (at + i >= 0) out[at + i] += x[i] * gain;
}

function burst(sr: number, seed: number, length: number, decay: number, lp: number, hp = 20): Float32Array {
  const x = whiteNoise(secs(sr, length), seed);
  for (let i = 0; i < x.length; i++) x[i] *= Math.exp((-i / sr) * decay);
  filter(x, "lowpass", lp, sr);
  filter(x, "highpass", hp, sr);
  return x;
}

function thump(sr: number, f0: number, f1: number, length: number, decay: number): Float32Array {
  const x = new Float32Array(secs(sr, length));
  let phase = 0;
  for (let i = 0; i < x.length; i++) {
    const t = i / sr;
    phase += (2 * Math.PI * (f1 + (f0 - f1) * Math.exp(-t * 25))) / sr;
    x[i] = Math.sin(phase) * Math.exp(-t * decay) * Math.min(1, i / 24);
  }
  return x;
}

function withRoom(s: Stereo, sr: number, size: number, wet: number): Stereo {
  const r = reverb(s.L, s.R, sr, size, 0.4);
  for (let i = 0; i < s.L.length; i++) {
    s.L[i] += r.L[i] * wet;
    s.R[i] += r.R[i] * wet;
  }
  return s;
}

function pad(x: Float32Array, extraSec: number, sr: number): Float32Array {
  const out = new Float32Array(x.length + secs(sr, extraSec));
  out.set(x);
  return out;
}

/**
 * A voiced animal call: a buzzing source (a saw wave at the pitch contour, with breath noise) through
 * formant band-passes, under an envelope.
 */
function call(sr: number, seed: number, length: number, pitch: (t: number) => number, formants: [number, number][], env: (t: number) => number, breath: number): Float32Array {
  const n = secs(sr, length);
  const src = new Float32Array(n);
  const noise = whiteNoise(n, seed);
  let phase = 0;
  for (let i = 0; i < n; i++) {
    phase += pitch(i / sr) / sr;
    phase -= Math.floor(phase);
    src[i] = 2 * phase - 1 + noise[i] * breath;
  }
  const out = new Float32Array(n);
  for (const [f, q] of formants) add(out, filter(src.slice(), "bandpass", f, sr, q), 0);
  for (let i = 0; i < n; i++) out[i] *= env(i / sr);
  return out;
}

/** Attack and decay in seconds over a call of `length`. */
const envelope = (length: number, attack: number, release: number) => (t: number) => Math.min(1, t / attack, Math.max(0, (length - t) / release));

const SYNTHS: Record<SoundCueKind, Synth> = {
  bark: (sr, seed) => {
    // two or three short barks: a quick rise and fall in pitch, gruff formants
    const rng = createRng(seed);
    const out = new Float32Array(secs(sr, 1.6));
    const count = 2 + Math.floor(rng() * 2);
    for (let k = 0; k < count; k++) {
      const f0 = 380 + rng() * 160;
      const len = 0.16 + rng() * 0.06;
      add(out, call(sr, seed + k, len, (t) => f0 * (1 + 0.4 * Math.sin((Math.PI * t) / len)), [[700, 2], [1400, 3], [2600, 4]], envelope(len, 0.012, 0.1), 0.5), secs(sr, 0.04 + k * (0.3 + rng() * 0.08)));
    }
    return withRoom(mono(out), sr, 0.3, 0.15);
  },
  meow: (sr, seed) => {
    // a rising then falling glide, "mee-ow"
    const f0 = 560 + createRng(seed)() * 180;
    const len = 0.75;
    const x = call(sr, seed, len, (t) => f0 * (1 + 0.55 * Math.sin(Math.PI * Math.min(1, t / len) * 0.9)), [[900, 3], [1800, 5], [3200, 6]], envelope(len, 0.05, 0.3), 0.12);
    return withRoom(mono(pad(x, 0.4, sr)), sr, 0.3, 0.12);
  },
  neigh: (sr, seed) => {
    // a whinny: a high start falling in quavering steps, then a snort
    const f0 = 900 + createRng(seed)() * 200;
    const len = 1.3;
    const x = call(sr, seed, len, (t) => f0 * (1 - 0.45 * (t / len)) * (1 + 0.08 * Math.sin(2 * Math.PI * 11 * t)), [[1100, 3], [2300, 4]], envelope(len, 0.03, 0.5), 0.25);
    add(x, burst(sr, seed + 7, 0.25, 12, 1800, 150), secs(sr, len - 0.2), 0.4);
    return withRoom(mono(pad(x, 0.5, sr)), sr, 0.5, 0.2);
  },
  roar: (sr, seed) => {
    // a dragon's roar: a low rasping call that swells and sinks, under a rumble
    const len = 2.2;
    const x = call(sr, seed, len, (t) => 95 + 40 * Math.sin((Math.PI * t) / len) + 6 * Math.sin(2 * Math.PI * 23 * t), [[320, 1.5], [800, 2], [1700, 3]], envelope(len, 0.25, 0.9), 1.2);
    add(x, thump(sr, 70, 38, len, 1.5), 0, 0.5);
    return withRoom(mono(pad(x, 0.8, sr)), sr, 0.9, 0.35);
  },
  footsteps: (sr, seed) => {
    const rng = createRng(seed);
    const out: Stereo = { L: new Float32Array(secs(sr, 2.6)), R: new Float32Array(secs(sr, 2.6)) };
    for (let k = 0; k < 5; k++) {
      const at = secs(sr, 0.05 + k * (0.48 + rng() * 0.06));
      const heel = burst(sr, seed + k, 0.12, 45, 900, 60);
      add(heel, thump(sr, 120, 70, 0.1, 40), 0, 0.6);
      const scuff = burst(sr, seed + 50 + k, 0.08, 60, 5000, 1200);
      const side = k % 2 ? 0.8 : 1;
      add(out.L, heel, at, side);
      add(out.R, heel, at, 1.8 - side);
      add(out.L, scuff, at + secs(sr, 0.03), 0.25);
      add(out.R, scuff, at + secs(sr, 0.03), 0.25);
    }
    return withRoom(out, sr, 0.3, 0.25);
  },
  door: (sr, seed) => {
    const n = secs(sr, 1.8);
    const creak = new Float32Array(n);
    const saw = new Float32Array(secs(sr, 0.9));
    let phase = 0;
    for (let i = 0; i < saw.length; i++) {
      const t = i / sr;
      phase += (90 + 40 * Math.sin(t * 9) + 30 * t) / sr;
      saw[i] = ((phase % 1) * 2 - 1) * Math.sin((Math.PI * i) / saw.length);
    }
    const creakF = sweepFilter(saw, "bandpass", sr, (i) => 900 + 500 * Math.sin(i / sr * 5), 6);
    add(creak, creakF, 0, 0.7);
    const slam = thump(sr, 140, 60, 0.6, 12);
    add(slam, burst(sr, seed, 0.25, 25, 2500, 80), 0, 0.8);
    add(creak, slam, secs(sr, 0.95), 1.2);
    return withRoom(mono(creak), sr, 0.5, 0.35);
  },
  thunder: (sr, seed) => {
    const crack = burst(sr, seed, 0.6, 6, 5000, 300);
    const rumble = burst(sr, seed + 1, 5, 0.7, 160);
    const n = rumble.length;
    const rng = createRng(seed);
    const wobble = new Float32Array(n);
    for (let i = 0; i < n; i++) wobble[i] = 0.6 + 0.4 * Math.sin((i / sr) * (3 + rng() * 0.001));
    for (let i = 0; i < n; i++) rumble[i] *= wobble[i] * Math.min(1, i / secs(sr, 0.3));
    add(rumble, crack, 0, 0.5);
    return withRoom({ L: rumble, R: burst(sr, seed + 2, 5, 0.7, 160).map((v, i) => v * wobble[i] * Math.min(1, i / secs(sr, 0.35)) + (crack[i] ?? 0) * 0.4) }, sr, 1, 0.4);
  },
  explosion: (sr, seed) => {
    const n = secs(sr, 3.5);
    const make = (s: number) => {
      const x = whiteNoise(n, s);
      for (let i = 0; i < n; i++) x[i] *= Math.exp((-i / sr) * 1.6);
      const y = sweepFilter(x, "lowpass", sr, (i) => 200 + 5000 * Math.exp((-i / sr) * 3), 0.8);
      add(y, thump(sr, 90, 32, 2.5, 1.8), 0, 1.2);
      return y;
    };
    return withRoom({ L: make(seed), R: make(seed + 1) }, sr, 1, 0.3);
  },
  engine: (sr) => {
    const n = secs(sr, 3.5);
    const x = new Float32Array(n);
    let phase = 0;
    for (let i = 0; i < n; i++) {
      const t = i / sr;
      const rpm = 38 + 22 * Math.min(1, t / 1.5) + 3 * Math.sin(t * 13);
      phase += rpm / sr;
      const p = phase % 1;
      x[i] = (p < 0.3 ? 1 : -0.4) * Math.min(1, t * 4) * Math.min(1, (3.5 - t) * 2);
    }
    filter(x, "lowpass", 500, sr);
    filter(x, "highpass", 30, sr);
    return mono(x);
  },
  gunshot: (sr, seed) => {
    const crack = burst(sr, seed, 0.35, 30, 9000, 200);
    add(crack, thump(sr, 180, 60, 0.3, 18), 0, 0.7);
    return withRoom(mono(pad(crack, 1.2, sr)), sr, 0.9, 0.5);
  },
  horse: (sr, seed) => {
    const n = secs(sr, 2.6);
    const out = new Float32Array(n);
    for (let bar = 0; bar < 4; bar++) {
      for (const [k, off] of [0, 0.1, 0.2].entries()) {
        const hoof = burst(sr, seed + bar * 3 + k, 0.09, 50, 1500, 100);
        add(hoof, thump(sr, 160, 90, 0.08, 50), 0, 0.8);
        add(out, hoof, secs(sr, 0.05 + bar * 0.6 + off), 0.8 + 0.2 * k);
      }
    }
    return withRoom(mono(out), sr, 0.4, 0.2);
  },
  "wind-gust": (sr, seed) => {
    const n = secs(sr, 3);
    const make = (s: number) => {
      const x = whiteNoise(n, s);
      const y = sweepFilter(x, "bandpass", sr, (i) => 300 + 900 * Math.sin((Math.PI * i) / n), 1.5);
      for (let i = 0; i < n; i++) y[i] *= Math.pow(Math.sin((Math.PI * i) / n), 2);
      return y;
    };
    return { L: make(seed), R: make(seed + 1) };
  },
  bell: (sr) => {
    const out: Stereo = { L: new Float32Array(secs(sr, 4)), R: new Float32Array(secs(sr, 4)) };
    for (const [f, g] of [[220, 1], [440 * 1.19, 0.5], [220 * 2.76, 0.35], [220 * 5.4, 0.2]] as const) addBell(out, sr, 0.01, f, g, 0);
    return withRoom(out, sr, 1, 0.4);
  },
  glass: (sr, seed) => {
    const rng = createRng(seed);
    const out: Stereo = { L: new Float32Array(secs(sr, 1.6)), R: new Float32Array(secs(sr, 1.6)) };
    const shatter = burst(sr, seed, 0.5, 9, 12000, 2500);
    add(out.L, shatter, 0);
    add(out.R, shatter, 0, 0.9);
    for (let k = 0; k < 9; k++) addBell(out, sr, 0.01 + rng() * 0.5, 2500 + rng() * 4000, 0.25, rng() * 2 - 1);
    return out;
  },
  crowd: (sr, seed) => {
    const n = secs(sr, 3);
    const rng = createRng(seed);
    const make = (s: number) => {
      const y = new Float32Array(n);
      for (let v = 0; v < 6; v++) {
        const x = whiteNoise(n, s + v);
        filter(x, "bandpass", 400 + rng() * 900, sr, 2);
        const rate = 3 + rng() * 3;
        for (let i = 0; i < n; i++) y[i] += x[i] * (0.5 + 0.5 * Math.sin((2 * Math.PI * rate * i) / sr + v)) * Math.sin((Math.PI * i) / n);
      }
      return y;
    };
    return { L: make(seed), R: make(seed + 100) };
  },
  splash: (sr, seed) => {
    const n = secs(sr, 1.4);
    const x = whiteNoise(n, seed);
    for (let i = 0; i < n; i++) x[i] *= Math.exp((-i / sr) * 4);
    const y = sweepFilter(x, "lowpass", sr, (i) => 600 + 4000 * Math.exp((-i / sr) * 5), 1);
    const rng = createRng(seed);
    for (let b = 0; b < 12; b++) {
      const at = secs(sr, 0.1 + rng() * 0.9);
      const len = secs(sr, 0.03);
      const f = 500 + rng() * 900;
      for (let i = 0; i < len && at + i < n; i++) y[at + i] += Math.sin(2 * Math.PI * f * (1 + i / len) * (i / sr)) * Math.sin((Math.PI * i) / len) * 0.2;
    }
    return mono(y);
  },
  alarm: (sr) => {
    const n = secs(sr, 3);
    const x = new Float32Array(n);
    let phase = 0;
    for (let i = 0; i < n; i++) {
      const t = i / sr;
      const f = Math.floor(t * 2.5) % 2 ? 770 : 960;
      phase += f / sr;
      x[i] = ((phase % 1) < 0.5 ? 0.6 : -0.6) * Math.min(1, t * 50);
    }
    filter(x, "lowpass", 3500, sr);
    return withRoom(mono(x), sr, 0.6, 0.3);
  },
  heartbeat: (sr) => {
    const out = new Float32Array(secs(sr, 2.6));
    for (let beat = 0; beat < 3; beat++) {
      const at = secs(sr, 0.02 + beat * 0.85);
      add(out, thump(sr, 70, 45, 0.25, 14), at);
      add(out, thump(sr, 60, 40, 0.25, 16), at + secs(sr, 0.28), 0.7);
    }
    filter(out, "lowpass", 200, sr);
    return mono(out);
  },
  whoosh: (sr, seed) => {
    const n = secs(sr, 0.9);
    const x = whiteNoise(n, seed);
    const y = sweepFilter(x, "bandpass", sr, (i) => 300 + 2500 * Math.sin((Math.PI * i) / n), 2);
    const out: Stereo = { L: new Float32Array(n), R: new Float32Array(n) };
    for (let i = 0; i < n; i++) {
      const p = i / n;
      const env = Math.pow(Math.sin(Math.PI * p), 2);
      out.L[i] = y[i] * env * (1 - p);
      out.R[i] = y[i] * env * p;
    }
    return out;
  },
  impact: (sr, seed) => {
    const hit = thump(sr, 110, 38, 1.2, 4);
    add(hit, burst(sr, seed, 0.3, 20, 4000, 100), 0, 0.6);
    return withRoom(mono(hit), sr, 0.8, 0.3);
  },
};

export function renderCue(kind: SoundCueKind, sampleRate: number, seed: number): Stereo {
  const synth = SYNTHS[kind];
  const s = synth ? synth(sampleRate, seed) : SYNTHS.impact(sampleRate, seed);
  let peak = 0;
  for (let i = 0; i < s.L.length; i++) peak = Math.max(peak, Math.abs(s.L[i]), Math.abs(s.R[i]));
  const g = peak > 0 ? 0.5 / peak : 0;
  const fade = Math.min(s.L.length, Math.round(sampleRate * 0.02));
  for (let i = 0; i < s.L.length; i++) {
    const tail = s.L.length - i <= fade ? (s.L.length - i) / fade : 1;
    s.L[i] *= g * tail;
    s.R[i] *= g * tail;
  }
  return s;
}

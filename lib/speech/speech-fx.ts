/**
 * Simple DSP for deliveries: breath (a noise-excited channel vocoder: the speech's band envelopes
 * shape noise, which is what a whisper is), drive, presence/air EQ, tremolo, silence trimming and
 * level. All deterministic.
 */
import { biquadCoeffs, filter } from "../sound/dsp/biquad";
import { whiteNoise } from "../sound/dsp/prng";

/** Replace `amount` (0..1) of the voice with breath shaped like it. */
export function breathe(x: Float32Array, sampleRate: number, amount: number, seed: number): Float32Array {
  if (amount <= 0) return x;
  const noise = whiteNoise(x.length, seed);
  const out = new Float32Array(x.length);
  const bands = 18;
  const release = Math.exp(-1 / (0.012 * sampleRate));
  for (let b = 0; b < bands; b++) {
    const f = 300 * Math.pow(Math.min(7000, sampleRate * 0.45) / 300, b / (bands - 1));
    const { b0, b1, b2, a1, a2 } = biquadCoeffs("bandpass", f, sampleRate, 6);
    // Breath is brighter than voice: lift the upper bands.
    const tilt = Math.pow(f / 1000, 0.2) * 2.5;
    // The speech band, its envelope and the noise band in one pass (both filters' outputs rounded to
    // float32, as when each was filtered into its own Float32Array).
    let sz1 = 0, sz2 = 0, nz1 = 0, nz2 = 0;
    let env = 0;
    for (let i = 0; i < x.length; i++) {
      const u = x[i];
      const ys = b0 * u + sz1;
      sz1 = b1 * u - a1 * ys + sz2;
      sz2 = b2 * u - a2 * ys;
      const w = noise[i];
      const yn = b0 * w + nz1;
      nz1 = b1 * w - a1 * yn + nz2;
      nz2 = b2 * w - a2 * yn;
      const r = Math.abs(Math.fround(ys));
      env = r > env ? r : env * release + r * (1 - release);
      out[i] += Math.fround(yn) * env * tilt;
    }
  }
  for (let i = 0; i < x.length; i++) out[i] = x[i] * (1 - amount) + out[i] * amount;
  return out;
}

export function drive(x: Float32Array, amount: number): Float32Array {
  if (amount <= 0) return x;
  let peak = 0;
  for (const v of x) peak = Math.max(peak, Math.abs(v));
  if (peak === 0) return x;
  const k = 1 + amount * 4;
  const norm = Math.tanh(k);
  for (let i = 0; i < x.length; i++) x[i] = (Math.tanh((k * x[i]) / peak) / norm) * peak;
  return x;
}

export function colour(x: Float32Array, sampleRate: number, presenceDb: number, airDb: number): Float32Array {
  filter(x, "highpass", 70, sampleRate);
  if (presenceDb) filter(x, "peaking", 2500, sampleRate, 1, presenceDb);
  if (airDb) filter(x, "highshelf", 3500, sampleRate, Math.SQRT1_2, airDb);
  return x;
}

export function tremolo(x: Float32Array, sampleRate: number, depth: number): Float32Array {
  if (depth <= 0) return x;
  for (let i = 0; i < x.length; i++) {
    const t = i / sampleRate;
    x[i] *= 1 - depth * 0.5 * (1 + Math.sin(2 * Math.PI * (6.5 * t + 0.4 * Math.sin(2 * Math.PI * 0.7 * t))));
  }
  return x;
}

/** Cut leading/trailing silence, leaving `padSec` of quiet (with 5 ms fades) at each end. */
export function trimSilence(x: Float32Array, sampleRate: number, padSec: number): { samples: Float32Array; offset: number } {
  const win = Math.round(sampleRate * 0.01);
  const levels: number[] = [];
  for (let a = 0; a < x.length; a += win) {
    let sum = 0;
    const b = Math.min(x.length, a + win);
    for (let i = a; i < b; i++) sum += x[i] * x[i];
    levels.push(Math.sqrt(sum / Math.max(1, b - a)));
  }
  const sorted = [...levels].sort((p, q) => p - q);
  // Speech starts where the level comes within 32 dB of the line's loud parts (breath noise does not count).
  const threshold = (sorted[Math.floor(sorted.length * 0.9)] ?? 0) * 0.025;
  let firstWin = 0;
  while (firstWin < levels.length && !(levels[firstWin] > threshold)) firstWin++;
  let lastWin = levels.length - 1;
  while (lastWin > firstWin && !(levels[lastWin] > threshold)) lastWin--;
  const first = firstWin * win;
  const last = Math.min(x.length, (lastWin + 1) * win);
  const pad = Math.round(padSec * sampleRate);
  if (first >= last) return { samples: new Float32Array(pad * 2), offset: 0 };
  const start = Math.max(0, first - win);
  const end = Math.min(x.length, last + win);
  const out = new Float32Array(pad + (end - start) + pad);
  out.set(x.subarray(start, end), pad);
  const fade = Math.min(Math.round(sampleRate * 0.005), (end - start) >> 1);
  for (let i = 0; i < fade; i++) {
    const g = i / fade;
    out[pad + i] *= g;
    out[pad + (end - start) - 1 - i] *= g;
  }
  return { samples: out, offset: (pad - start) / sampleRate };
}

/** Set the speech's active level (RMS of its louder half) to `targetDb` dBFS, keeping peaks under -1 dBFS. */
export function levelSpeech(x: Float32Array, sampleRate: number, targetDb: number): Float32Array {
  const hop = Math.round(sampleRate * 0.02);
  const energies: number[] = [];
  for (let a = 0; a + hop <= x.length; a += hop) {
    let s = 0;
    for (let i = a; i < a + hop; i++) s += x[i] * x[i];
    energies.push(s / hop);
  }
  energies.sort((p, q) => q - p);
  const active = energies.slice(0, Math.max(1, Math.ceil(energies.length / 2)));
  const rms = Math.sqrt(active.reduce((s, e) => s + e, 0) / active.length);
  if (rms <= 1e-7) return x;
  const gain = Math.pow(10, targetDb / 20) / rms;
  const ceiling = Math.pow(10, -1 / 20);
  const knee = ceiling * 0.7;
  for (let i = 0; i < x.length; i++) {
    const v = x[i] * gain;
    const a = Math.abs(v);
    // Soft knee above -4 dBFS so shouted lines never clip.
    x[i] = a <= knee ? v : Math.sign(v) * (knee + (ceiling - knee) * Math.tanh((a - knee) / (ceiling - knee)));
  }
  return x;
}

/**
 * A robot's ring: the voice multiplied by a low sine (ring modulation, the classic metallic buzz) mixed
 * with the dry voice, through a short resonant comb (a small metal cavity). Deterministic.
 */
export function robotize(x: Float32Array, sampleRate: number): Float32Array {
  const out = new Float32Array(x.length);
  const w = (2 * Math.PI * 48) / sampleRate;
  const d = Math.max(1, Math.round(sampleRate * 0.0035));
  for (let i = 0; i < x.length; i++) {
    const ring = x[i] * (0.55 + 0.45 * Math.sin(w * i));
    out[i] = Math.fround(ring + (i >= d ? out[i - d] * 0.45 : 0));
  }
  // the comb's gain at its peaks is about 1.8: back to the voice's level
  for (let i = 0; i < out.length; i++) out[i] *= 0.6;
  return out;
}

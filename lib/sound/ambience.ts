/**
 * Ambience and room tone for a place, synthesized by shaping seeded noise: traffic, crowd, wind,
 * birds or crickets, waves, river, rain, thunder, machinery hum, drips, clinks, the room itself.
 * Stereo and wide: the steady noise beds (room tone, air, traffic, crowd, rain, fan) are one noise
 * whose right side runs 1.4 s behind its left (uncorrelated to the ear, half the work of two noises);
 * the rest have independent sides. Continuous for the whole scene.
 */
import type { PlaceSpec } from "../plan/specs";
import { biquadCoeffs, filter, filterChain, sweepFilter } from "./dsp/biquad";
import { createRng, subSeed, whiteNoise, type Rng } from "./dsp/prng";
import { Sine } from "./dsp/sine";
import { addBell, type Stereo } from "./music/instruments";

type Layer = (length: number, sampleRate: number, seed: number, place: PlaceSpec) => Stereo;

/** Smooth random control signal 0..1, changing about `rate` times a second. */
function drift(length: number, sampleRate: number, rate: number, seed: number): Float32Array {
  const rng = createRng(seed);
  const out = new Float32Array(length);
  const step = Math.max(1, Math.round(sampleRate / rate));
  let a = rng();
  for (let s = 0; s < length; s += step) {
    const b = rng();
    const end = Math.min(length, s + step);
    for (let i = s; i < end; i++) {
      const t = (i - s) / step;
      out[i] = a + (b - a) * t * t * (3 - 2 * t);
    }
    a = b;
  }
  return out;
}

function stereo(length: number, make: (channelSeed: number) => Float32Array, seed: number): Stereo {
  return { L: make(subSeed(seed, 11)), R: make(subSeed(seed, 12)) };
}

/** How far the right side of a steady bed runs behind its left: far longer than any noise's memory. */
const SIDE_OFFSET_SEC = 1.4;

/**
 * A steady bed from one signal `make(length)` made 1.4 s longer than the layer: left is its start, right
 * the same sound 1.4 s on (a copy, so a layer can add to each side on its own).
 */
function wide(length: number, sampleRate: number, make: (length: number, seed: number) => Float32Array, seed: number): Stereo {
  const offset = Math.round(SIDE_OFFSET_SEC * sampleRate);
  const x = make(length + offset, subSeed(seed, 11));
  return { L: x.subarray(0, length), R: x.slice(offset, offset + length) };
}

function brown(length: number, seed: number): Float32Array {
  const w = whiteNoise(length, seed);
  let y = 0;
  for (let i = 0; i < length; i++) {
    y = y * 0.995 + w[i] * 0.1;
    w[i] = y;
  }
  return w;
}

function rms(x: Float32Array): number {
  let s = 0;
  for (let i = 0; i < x.length; i += 4) s += x[i] * x[i];
  return Math.sqrt(s / Math.max(1, Math.ceil(x.length / 4)));
}

/** The gain that brings a layer to an RMS level in dBFS (or, for sparse events, a peak level); 1 for silence. */
function levelGain(s: Stereo, db: number, peak = false): number {
  let r = (rms(s.L) + rms(s.R)) / 2;
  if (peak) {
    r = 0;
    for (let i = 0; i < s.L.length; i++) r = Math.max(r, Math.abs(s.L[i]), Math.abs(s.R[i]));
  }
  return r <= 1e-9 ? 1 : Math.pow(10, db / 20) / r;
}

const room: Layer = (n, sr, seed, place) =>
  wide(n, sr, (n, s) => filterChain(brown(n, s), [biquadCoeffs("highpass", 30, sr), biquadCoeffs("lowpass", place.interior ? 260 : 900, sr)]), seed);

const air: Layer = (n, sr, seed) =>
  wide(n, sr, (n, s) => {
    const lowpass = biquadCoeffs("lowpass", 1800, sr);
    return filterChain(whiteNoise(n, s), [lowpass, lowpass, biquadCoeffs("highpass", 80, sr)]);
  }, seed);

const wind: Layer = (n, sr, seed) => {
  const gust = drift(n, sr, 0.25, subSeed(seed, 1));
  return stereo(n, (s) => {
    const w = whiteNoise(n, s);
    const g = drift(n, sr, 0.4, s + 5);
    const x = sweepFilter(w, "bandpass", sr, (i) => 250 + 700 * gust[i] * (0.6 + 0.4 * g[i]), 1.2);
    for (let i = 0; i < n; i++) x[i] *= 0.25 + gust[i] * gust[i] * 1.5;
    return x;
  }, seed);
};

const traffic: Layer = (n, sr, seed, place) => {
  const out = wide(n, sr, (n, s) => {
    const x = brown(n, s);
    filter(x, "lowpass", 220, sr);
    const m = drift(n, sr, 0.15, s + 3);
    for (let i = 0; i < n; i++) x[i] *= 0.6 + 0.6 * m[i];
    return x;
  }, seed);
  // Passing cars: a swelling, slightly swept band of noise moving across the stereo field.
  const rng = createRng(subSeed(seed, 2));
  const night = place.timeOfDay === "night";
  let t = rng() * 3;
  while (t * sr < n) {
    const len = Math.round((3 + rng() * 3) * sr);
    const start = Math.round(t * sr);
    const dir = rng() < 0.5 ? -1 : 1;
    const noise = whiteNoise(len, Math.floor(rng() * 2 ** 31));
    const f0 = 300 + rng() * 400;
    const car = sweepFilter(noise, "bandpass", sr, (i) => f0 * (1.25 - 0.5 * (i / len)), 1.5);
    for (let i = 0; i < len && start + i < n; i++) {
      const p = i / len;
      const sp = Math.sin(Math.PI * p);
      const env = sp * sp * sp * 1.4;
      const pan = dir * (p * 2 - 1);
      out.L[start + i] += car[i] * env * (1 - pan) * 0.5;
      out.R[start + i] += car[i] * env * (1 + pan) * 0.5;
    }
    t += (night ? 7 : 3) + rng() * (night ? 10 : 5);
  }
  return out;
};

const crowd: Layer = (n, sr, seed) =>
  wide(n, sr, (n, s) => {
    // Murmur: speech-band noise whose level follows several talkers' syllables and pauses.
    const x = filterChain(whiteNoise(n, s), [biquadCoeffs("highpass", 250, sr), biquadCoeffs("bandpass", 700, sr, 0.8), biquadCoeffs("peaking", 2400, sr, 1.5, 5)]);
    const talkers = [drift(n, sr, 4.3, s + 1), drift(n, sr, 5.1, s + 2), drift(n, sr, 3.7, s + 3), drift(n, sr, 0.4, s + 4)];
    const [a, b, c, phrase] = talkers;
    for (let i = 0; i < n; i++) x[i] *= (a[i] * a[i] + b[i] * b[i] + c[i] * c[i]) * (0.45 + 0.55 * phrase[i]);
    return x;
  }, seed);

function scatter(n: number, sr: number, rng: Rng, perSecond: number, each: (start: number, pan: number) => void): void {
  let t = rng() / perSecond;
  while (t * sr < n) {
    each(Math.round(t * sr), rng() * 1.6 - 0.8);
    t += (0.3 + rng() * 1.4) / perSecond;
  }
}

const birds: Layer = (n, sr, seed) => {
  const out: Stereo = { L: new Float32Array(n), R: new Float32Array(n) };
  const rng = createRng(seed);
  scatter(n, sr, rng, 0.7, (start, pan) => {
    const notes = 2 + Math.floor(rng() * 5);
    const base = 2500 + rng() * 2500;
    const sweep = (rng() - 0.4) * 1800;
    let at = start;
    for (let k = 0; k < notes; k++) {
      const len = Math.round((0.04 + rng() * 0.09) * sr);
      let phase = 0;
      for (let i = 0; i < len && at + i < n; i++) {
        const p = i / len;
        const f = base + sweep * p + 300 * Math.sin(2 * Math.PI * 40 * (i / sr));
        phase += (2 * Math.PI * f) / sr;
        const v = Math.sin(phase) * Math.sin(Math.PI * p) * 0.3;
        out.L[at + i] += v * (1 - pan) * 0.5;
        out.R[at + i] += v * (1 + pan) * 0.5;
      }
      at += len + Math.round((0.03 + rng() * 0.08) * sr);
    }
  });
  return out;
};

const crickets: Layer = (n, sr, seed) => {
  const out: Stereo = { L: new Float32Array(n), R: new Float32Array(n) };
  const rng = createRng(seed);
  for (let c = 0; c < 3; c++) {
    const f = 4200 + rng() * 900;
    const pan = rng() * 1.6 - 0.8;
    const chirpRate = 1.2 + rng();
    const offset = rng();
    for (let i = 0; i < n; i++) {
      const t = i / sr;
      const chirp = (t * chirpRate + offset) % 1;
      if (chirp > 0.35) continue;
      const pulse = Math.max(0, Math.sin(2 * Math.PI * 28 * t));
      const v = Math.sin(2 * Math.PI * f * t) * pulse * Math.sin((Math.PI * chirp) / 0.35) * 0.2;
      out.L[i] += v * (1 - pan) * 0.5;
      out.R[i] += v * (1 + pan) * 0.5;
    }
  }
  return out;
};

const waves: Layer = (n, sr, seed) => {
  const rng = createRng(seed);
  const period = 6 + rng() * 4;
  const phase = rng();
  const swell = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const p = (i / sr / period + phase) % 1;
    swell[i] = 0.15 + Math.pow(Math.sin(Math.PI * Math.pow(p, 0.6)), 2);
  }
  return stereo(n, (s) => {
    const w = whiteNoise(n, s);
    const x = sweepFilter(w, "lowpass", sr, (i) => 300 + 2200 * swell[i], 0.8);
    for (let i = 0; i < n; i++) x[i] *= swell[i];
    return x;
  }, seed);
};

const river: Layer = (n, sr, seed) =>
  stereo(n, (s) => {
    const x = whiteNoise(n, s);
    filter(x, "bandpass", 900, sr, 0.5);
    const m = drift(n, sr, 3, s + 1);
    for (let i = 0; i < n; i++) x[i] *= 0.7 + 0.5 * m[i];
    return x;
  }, seed);

const rain: Layer = (n, sr, seed, place) =>
  wide(n, sr, (n, s) => {
    const x = filterChain(whiteNoise(n, s), [biquadCoeffs("highpass", 600, sr), biquadCoeffs("lowpass", place.interior ? 1500 : 7000, sr)]);
    // Droplets: short bright ticks where a second noise runs past a threshold.
    const drops = whiteNoise(n, s + 9);
    for (let i = 0; i < n; i++) if (drops[i] > 0.9976) x[i] += (drops[(i * 7919) % n] - 0) * 1.5;
    if (place.interior) filter(x, "lowpass", 2500, sr);
    return x;
  }, seed);

const thunder: Layer = (n, sr, seed) => {
  const out: Stereo = { L: new Float32Array(n), R: new Float32Array(n) };
  const rng = createRng(seed);
  let t = 2 + rng() * 6;
  while (t * sr < n) {
    const len = Math.round((3 + rng() * 3) * sr);
    const start = Math.round(t * sr);
    const rumble = brown(len, Math.floor(rng() * 2 ** 31));
    filter(rumble, "lowpass", 180, sr);
    const pan = rng() * 1.2 - 0.6;
    for (let i = 0; i < len && start + i < n; i++) {
      const p = i / sr;
      const env = Math.min(1, p / 0.4) * Math.exp(-p * 0.9) * (1 + 0.5 * Math.sin(p * 7));
      out.L[start + i] += rumble[i] * env * (1 - pan) * 3;
      out.R[start + i] += rumble[i] * env * (1 + pan) * 3;
    }
    t += 9 + rng() * 12;
  }
  return out;
};

const hum: Layer = (n, sr, seed, place) => {
  const base = place.kind === "spaceship" ? 41 : place.kind === "space" ? 32 : 60;
  const fan = wide(n, sr, (n, s) => filterChain(whiteNoise(n, s), [biquadCoeffs("lowpass", place.kind === "spaceship" ? 500 : 900, sr), biquadCoeffs("highpass", 60, sr)]), seed);
  const w = (2 * Math.PI) / sr;
  const [h1, h2, h3, h4] = [new Sine(w * base), new Sine(w * base * 2, 0.3), new Sine(w * base * 3.01), new Sine(w * (base * 2 + 0.4))];
  for (let i = 0; i < n; i++) {
    const tone = 0.6 * h1.next() + 0.3 * h2.next() + 0.15 * h3.next();
    const beat = 0.15 * h4.next();
    fan.L[i] = fan.L[i] * 0.5 + (tone + beat) * 0.12;
    fan.R[i] = fan.R[i] * 0.5 + (tone - beat) * 0.12;
  }
  return fan;
};

const clacks: Layer = (n, sr, seed) => {
  const out = room(n, sr, seed, { interior: true } as PlaceSpec);
  const period = 1.1;
  for (let k = 0; k * period * sr < n; k++) {
    for (const offset of [0, 0.13]) {
      const start = Math.round((k * period + offset) * sr);
      for (let i = 0; i < 0.08 * sr && start + i < n; i++) {
        const v = Math.sin(2 * Math.PI * 140 * (i / sr)) * Math.exp((-i / sr) * 60) * 6;
        out.L[start + i] += v;
        out.R[start + i] += v * 0.8;
      }
    }
  }
  return out;
};

const drips: Layer = (n, sr, seed) => {
  const out: Stereo = { L: new Float32Array(n), R: new Float32Array(n) };
  const rng = createRng(seed);
  scatter(n, sr, rng, 0.6, (start, pan) => addBell(out, sr, start / sr, 1400 + rng() * 1400, 0.3, pan));
  const wet = out;
  filter(wet.L, "highpass", 500, sr);
  filter(wet.R, "highpass", 500, sr);
  return wet;
};

const clinks: Layer = (n, sr, seed) => {
  const out: Stereo = { L: new Float32Array(n), R: new Float32Array(n) };
  const rng = createRng(seed);
  scatter(n, sr, rng, 0.25, (start, pan) => addBell(out, sr, start / sr, 2800 + rng() * 1500, 0.2, pan));
  return out;
};

/** Layers of separate events: levelled by their peaks, so one bird is as loud in a short scene as in a long one. */
const SPARSE = new Set(["birds", "thunder", "drips", "clinks"]);

/** Which layers make a place: [layer, RMS level dBFS]. */
export function ambienceLayers(place: PlaceSpec): [Layer, number, string][] {
  const night = place.timeOfDay === "night" || place.timeOfDay === "blue-hour";
  const layers: [Layer, number, string][] = [[place.interior ? room : air, place.interior ? -50 : -46, "room"]];
  const nature = night ? ([crickets, -46, "crickets"] as [Layer, number, string]) : ([birds, -28, "birds"] as [Layer, number, string]);
  const k = place.kind;
  if (["city-street", "neon-alley", "road"].includes(k)) layers.push([traffic, place.interior ? -46 : night ? -38 : -34, "traffic"]);
  if (["market", "station", "bar", "city-street"].includes(k)) layers.push([crowd, place.interior ? -40 : -38, "crowd"]);
  if (k === "rooftop") layers.push([traffic, -42, "traffic"], [wind, -42, "wind"]);
  if (["forest", "field", "village", "ruins", "river", "mountain"].includes(k) && !place.interior) layers.push(nature);
  if (["forest", "field"].includes(k)) layers.push([wind, -46, "wind"]);
  if (["desert", "snowfield", "mountain", "ruins"].includes(k)) layers.push([wind, k === "snowfield" ? -42 : -36, "wind"]);
  if (["sea", "beach"].includes(k)) layers.push([waves, place.interior ? -44 : -32, "waves"]);
  if (k === "river") layers.push([river, -36, "river"]);
  if (["lab", "office", "warehouse", "spaceship", "space", "station"].includes(k)) layers.push([hum, k === "spaceship" ? -38 : k === "space" ? -42 : -48, "hum"]);
  if (k === "train") layers.push([clacks, -40, "train"], [hum, -44, "hum"]);
  if (k === "cave") layers.push([drips, -26, "drips"]);
  if (k === "bar") layers.push([clinks, -30, "clinks"]);
  if (place.weather === "rain" || place.weather === "storm") layers.push([rain, place.interior ? -46 : place.weather === "storm" ? -30 : -34, "rain"]);
  if (place.weather === "storm") layers.push([thunder, place.interior ? -24 : -12, "thunder"]);
  if ((place.weather === "wind" || place.weather === "dust" || place.weather === "snow") && !layers.some(([, , name]) => name === "wind")) {
    layers.push([wind, place.interior ? -50 : place.weather === "snow" ? -44 : -36, "wind"]);
  }
  return layers;
}

export function renderAmbience(place: PlaceSpec, length: number, sampleRate: number, seed: number): Stereo {
  let out: Stereo | undefined;
  ambienceLayers(place).forEach(([layer, db, name], i) => {
    const s = layer(length, sampleRate, subSeed(seed, 200 + i), place);
    const g = levelGain(s, db, SPARSE.has(name));
    if (out) addLevelled(out, s, g);
    else out = levelled(s, g);
  });
  return out ?? { L: new Float32Array(length), R: new Float32Array(length) };
}

/** The first layer, levelled in place into the sum (0 + the levelled sample, as the sum of one layer). */
function levelled(s: Stereo, g: number): Stereo {
  const f = Math.fround;
  const L = s.L;
  // A layer's sides are its own arrays (made for this call); only sides sharing memory need a copy.
  const R = s.R.buffer === s.L.buffer ? s.R.slice() : s.R;
  for (let j = 0; j < L.length; j++) {
    L[j] = 0 + f(L[j] * g);
    R[j] = 0 + f(R[j] * g);
  }
  return { L, R };
}

/** A layer levelled and added to the sum in one pass (the levelled sample rounded to float32, as if stored first). */
function addLevelled(out: Stereo, s: Stereo, g: number): void {
  const f = Math.fround;
  const { L, R } = out;
  for (let j = 0; j < L.length; j++) {
    L[j] += f(s.L[j] * g);
    R[j] += f(s.R[j] * g);
  }
}

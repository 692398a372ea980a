/**
 * Biquad filters (RBJ audio-EQ cookbook), applied in place. Direct form II transposed, double state.
 */
export interface BiquadCoeffs {
  b0: number;
  b1: number;
  b2: number;
  a1: number;
  a2: number;
}

export type FilterKind = "lowpass" | "highpass" | "bandpass" | "peaking" | "lowshelf" | "highshelf";

export function biquadCoeffs(kind: FilterKind, freq: number, sampleRate: number, q = Math.SQRT1_2, gainDb = 0): BiquadCoeffs {
  const f = Math.min(Math.max(freq, 1), sampleRate * 0.49);
  const w0 = (2 * Math.PI * f) / sampleRate;
  const cos = Math.cos(w0);
  const alpha = Math.sin(w0) / (2 * q);
  const A = Math.pow(10, gainDb / 40);
  let b0: number, b1: number, b2: number, a0: number, a1: number, a2: number;
  switch (kind) {
    case "lowpass":
      b0 = (1 - cos) / 2; b1 = 1 - cos; b2 = b0; a0 = 1 + alpha; a1 = -2 * cos; a2 = 1 - alpha;
      break;
    case "highpass":
      b0 = (1 + cos) / 2; b1 = -(1 + cos); b2 = b0; a0 = 1 + alpha; a1 = -2 * cos; a2 = 1 - alpha;
      break;
    case "bandpass": // constant 0 dB peak gain
      b0 = alpha; b1 = 0; b2 = -alpha; a0 = 1 + alpha; a1 = -2 * cos; a2 = 1 - alpha;
      break;
    case "peaking":
      b0 = 1 + alpha * A; b1 = -2 * cos; b2 = 1 - alpha * A; a0 = 1 + alpha / A; a1 = -2 * cos; a2 = 1 - alpha / A;
      break;
    case "lowshelf": {
      const s = 2 * Math.sqrt(A) * alpha;
      b0 = A * (A + 1 - (A - 1) * cos + s); b1 = 2 * A * (A - 1 - (A + 1) * cos); b2 = A * (A + 1 - (A - 1) * cos - s);
      a0 = A + 1 + (A - 1) * cos + s; a1 = -2 * (A - 1 + (A + 1) * cos); a2 = A + 1 + (A - 1) * cos - s;
      break;
    }
    case "highshelf": {
      const s = 2 * Math.sqrt(A) * alpha;
      b0 = A * (A + 1 + (A - 1) * cos + s); b1 = -2 * A * (A - 1 + (A + 1) * cos); b2 = A * (A + 1 + (A - 1) * cos - s);
      a0 = A + 1 - (A - 1) * cos + s; a1 = 2 * (A - 1 - (A + 1) * cos); a2 = A + 1 - (A - 1) * cos - s;
      break;
    }
  }
  return { b0: b0 / a0, b1: b1 / a0, b2: b2 / a0, a1: a1 / a0, a2: a2 / a0 };
}

/** A stateful filter: call `process` on consecutive chunks of one signal. */
export class Biquad {
  private z1 = 0;
  private z2 = 0;
  constructor(private c: BiquadCoeffs) {}

  process(buf: Float32Array, out: Float32Array = buf): Float32Array {
    const { b0, b1, b2, a1, a2 } = this.c;
    let z1 = this.z1;
    let z2 = this.z2;
    for (let i = 0; i < buf.length; i++) {
      const x = buf[i];
      const y = b0 * x + z1;
      z1 = b1 * x - a1 * y + z2;
      z2 = b2 * x - a2 * y;
      out[i] = y;
    }
    this.z1 = Math.abs(z1) < 1e-25 ? 0 : z1;
    this.z2 = Math.abs(z2) < 1e-25 ? 0 : z2;
    return out;
  }
}

/** Filter a whole signal in place. */
export function filter(buf: Float32Array, kind: FilterKind, freq: number, sampleRate: number, q?: number, gainDb?: number): Float32Array {
  return new Biquad(biquadCoeffs(kind, freq, sampleRate, q, gainDb)).process(buf);
}

/**
 * Biquads in series over a whole signal, in place, in one pass. Each stage's output is rounded to
 * float32 where separate passes would store it, so the result is `filter` once per stage, to the bit.
 */
export function filterChain(buf: Float32Array, stages: BiquadCoeffs[]): Float32Array {
  if (stages.length === 2) return chain2(buf, stages[0], stages[1]);
  if (stages.length === 3) return chain3(buf, stages[0], stages[1], stages[2]);
  for (const c of stages) new Biquad(c).process(buf);
  return buf;
}

function chain2(buf: Float32Array, c: BiquadCoeffs, d: BiquadCoeffs): Float32Array {
  const f = Math.fround;
  const { b0, b1, b2, a1, a2 } = c;
  const { b0: c0, b1: c1, b2: c2, a1: d1, a2: d2 } = d;
  let p1 = 0, p2 = 0, q1 = 0, q2 = 0;
  for (let i = 0; i < buf.length; i++) {
    const x = buf[i];
    const y = b0 * x + p1;
    p1 = b1 * x - a1 * y + p2;
    p2 = b2 * x - a2 * y;
    const u = f(y);
    const v = c0 * u + q1;
    q1 = c1 * u - d1 * v + q2;
    q2 = c2 * u - d2 * v;
    buf[i] = v;
  }
  return buf;
}

function chain3(buf: Float32Array, c: BiquadCoeffs, d: BiquadCoeffs, e: BiquadCoeffs): Float32Array {
  const f = Math.fround;
  const { b0, b1, b2, a1, a2 } = c;
  const { b0: c0, b1: c1, b2: c2, a1: d1, a2: d2 } = d;
  const { b0: e0, b1: e1, b2: e2, a1: g1, a2: g2 } = e;
  let p1 = 0, p2 = 0, q1 = 0, q2 = 0, r1 = 0, r2 = 0;
  for (let i = 0; i < buf.length; i++) {
    const x = buf[i];
    const y = b0 * x + p1;
    p1 = b1 * x - a1 * y + p2;
    p2 = b2 * x - a2 * y;
    const u = f(y);
    const v = c0 * u + q1;
    q1 = c1 * u - d1 * v + q2;
    q2 = c2 * u - d2 * v;
    const w = f(v);
    const z = e0 * w + r1;
    r1 = e1 * w - g1 * z + r2;
    r2 = e2 * w - g2 * z;
    buf[i] = z;
  }
  return buf;
}

/**
 * A state-variable lowpass/bandpass whose cutoff follows `cutoffAt(i)` (evaluated every 32 samples):
 * wind, sweeps, filter envelopes. Returns a new array.
 */
export function sweepFilter(input: Float32Array, mode: "lowpass" | "bandpass" | "highpass", sampleRate: number, cutoffAt: (i: number) => number, q = 0.7): Float32Array {
  const out = new Float32Array(input.length);
  let ic1 = 0;
  let ic2 = 0;
  let g = 0, k = 1 / q, a1 = 0, a2 = 0, a3 = 0;
  for (let i = 0; i < input.length; i++) {
    if ((i & 31) === 0) {
      const fc = Math.min(Math.max(cutoffAt(i), 10), sampleRate * 0.45);
      g = Math.tan((Math.PI * fc) / sampleRate);
      a1 = 1 / (1 + g * (g + k));
      a2 = g * a1;
      a3 = g * a2;
    }
    const v0 = input[i];
    const v3 = v0 - ic2;
    const v1 = a1 * ic1 + a2 * v3;
    const v2 = ic2 + a2 * ic1 + a3 * v3;
    ic1 = 2 * v1 - ic1;
    ic2 = 2 * v2 - ic2;
    out[i] = mode === "lowpass" ? v2 : mode === "bandpass" ? v1 : v0 - k * v1 - v2;
  }
  return out;
}

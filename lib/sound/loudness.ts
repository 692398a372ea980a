/**
 * Programme loudness (ITU-R BS.1770-4: K-weighting, 400 ms blocks with 75 % overlap, absolute gate
 * -70 LUFS, relative gate -10 LU) and true peak (4x oversampling). Both come as streaming meters (feed
 * consecutive chunks, memory stays flat) and as pure one-call functions.
 */
import type { BiquadCoeffs } from "./dsp/biquad";

/** K-weighting's two stages for any sample rate (the standard's 48 kHz filters, re-derived). */
export function kWeightingCoeffs(sampleRate: number): [BiquadCoeffs, BiquadCoeffs] {
  // Stage 1: high shelf, +4 dB above ~1.7 kHz (the head).
  let K = Math.tan((Math.PI * 1681.974450955533) / sampleRate);
  let Q = 0.7071752369554196;
  const Vh = Math.pow(10, 3.999843853973347 / 20);
  const Vb = Math.pow(Vh, 0.4996667741545416);
  let a0 = 1 + K / Q + K * K;
  const shelf = {
    b0: (Vh + (Vb * K) / Q + K * K) / a0,
    b1: (2 * (K * K - Vh)) / a0,
    b2: (Vh - (Vb * K) / Q + K * K) / a0,
    a1: (2 * (K * K - 1)) / a0,
    a2: (1 - K / Q + K * K) / a0,
  };
  // Stage 2: high pass at ~38 Hz (RLB).
  K = Math.tan((Math.PI * 38.13547087602444) / sampleRate);
  Q = 0.5003270373238773;
  a0 = 1 + K / Q + K * K;
  const highpass = { b0: 1, b1: -2, b2: 1, a1: (2 * (K * K - 1)) / a0, a2: (1 - K / Q + K * K) / a0 };
  return [shelf, highpass];
}

/** Samples per pass of the loudness meter's filters. */
const LOUDNESS_BLOCK = 4096;

/** Streaming integrated-loudness meter. Channel weights default to 1 (L, R, C; mono). */
export class LoudnessMeter {
  private readonly coeffs: [BiquadCoeffs, BiquadCoeffs];
  /** Per channel, the two stages' state (direct form II transposed: z1, z2). */
  private states: [Float64Array, Float64Array][];
  private readonly step: number;
  private acc = 0;
  private filled = 0;
  /** Mean-square (weighted, summed over channels) of each 100 ms sub-block. */
  private subBlocks: number[] = [];
  private energy = new Float64Array(LOUDNESS_BLOCK);

  constructor(
    readonly sampleRate: number,
    readonly channelCount: number,
    private weights: number[] = new Array(channelCount).fill(1),
  ) {
    this.coeffs = kWeightingCoeffs(sampleRate);
    this.states = Array.from({ length: channelCount }, () => [new Float64Array(2), new Float64Array(2)] as [Float64Array, Float64Array]);
    this.step = Math.round(sampleRate / 10);
  }

  push(channels: Float32Array[]): void {
    const n = channels[0]?.length ?? 0;
    // A block at a time, so the per-sample energies need no programme-length buffer.
    for (let from = 0; from < n; from += LOUDNESS_BLOCK) this.pushBlock(channels, from, Math.min(n, from + LOUDNESS_BLOCK));
    // Denormal-sized filter state is dropped at the end of each push, as a Biquad does after each chunk.
    for (const state of this.states) for (const z of state) for (let k = 0; k < 2; k++) if (Math.abs(z[k]) < 1e-25) z[k] = 0;
  }

  private pushBlock(channels: Float32Array[], from: number, to: number): void {
    const energy = this.energy;
    // Both K-weighting stages in one pass per channel. Each stage's output is rounded to float32 (as a
    // Float32Array between two Biquad passes would), so the figures are those of the two-pass version.
    for (let c = 0; c < this.channelCount; c++) {
      const x = channels[c];
      const [f1, f2] = this.states[c];
      const { b0, b1, b2, a1, a2 } = this.coeffs[0];
      const { b0: c0, b1: c1, b2: c2, a1: d1, a2: d2 } = this.coeffs[1];
      let s1 = f1[0], s2 = f1[1], t1 = f2[0], t2 = f2[1];
      const w = this.weights[c];
      const first = c === 0;
      for (let i = from; i < to; i++) {
        const u = x[i];
        const y = b0 * u + s1;
        s1 = b1 * u - a1 * y + s2;
        s2 = b2 * u - a2 * y;
        const v = Math.fround(y);
        const q = c0 * v + t1;
        t1 = c1 * v - d1 * q + t2;
        t2 = c2 * v - d2 * q;
        const z = Math.fround(q);
        const e = w * z * z;
        energy[i - from] = first ? e : energy[i - from] + e;
      }
      f1[0] = s1;
      f1[1] = s2;
      f2[0] = t1;
      f2[1] = t2;
    }
    const n = to - from;
    let acc = this.acc;
    let filled = this.filled;
    for (let i = 0; i < n; i++) {
      acc += energy[i];
      if (++filled === this.step) {
        this.subBlocks.push(acc / this.step);
        acc = 0;
        filled = 0;
      }
    }
    this.acc = acc;
    this.filled = filled;
  }

  /**
   * Feed a whole programme and return its 100 ms mean squares (weighted, summed over channels), the
   * last, shorter block included: what `integratedFromBlocks` gates, joinable across programmes.
   */
  blockEnergies(channels: Float32Array[]): number[] {
    this.push(channels);
    const out = [...this.subBlocks];
    if (this.filled > 0) out.push(this.acc / this.filled);
    return out;
  }

  /** Integrated loudness in LUFS (-Infinity for silence or less than 400 ms). */
  integrated(): number {
    return integratedFromBlocks(this.subBlocks);
  }
}

/** BS.1770 gating over 100 ms mean squares: 400 ms blocks (75 % overlap), -70 LUFS absolute, -10 LU relative. */
export function integratedFromBlocks(subBlocks: readonly number[]): number {
  const blocks: number[] = [];
  for (let j = 0; j + 4 <= subBlocks.length; j++) {
    blocks.push((subBlocks[j] + subBlocks[j + 1] + subBlocks[j + 2] + subBlocks[j + 3]) / 4);
  }
  const lufs = (z: number) => -0.691 + 10 * Math.log10(z);
  const absolute = blocks.filter((z) => z > 0 && lufs(z) > -70);
  if (absolute.length === 0) return -Infinity;
  const relativeGate = lufs(absolute.reduce((s, z) => s + z, 0) / absolute.length) - 10;
  const gated = absolute.filter((z) => lufs(z) > relativeGate);
  return lufs(gated.reduce((s, z) => s + z, 0) / gated.length);
}

/** Half-length (input samples each side) of the 4x interpolation filter. */
export const TP_HALF = 12;
const TP_PHASES = [0.25, 0.5, 0.75];
let tpTable: Float64Array | undefined;
/** taps[p * 2K + m] for phase p, input offset i = m - K + 1 (value at n + phase uses x[n + i]). */
function tpTaps(): Float64Array {
  if (tpTable) return tpTable;
  const K = TP_HALF;
  tpTable = new Float64Array(TP_PHASES.length * 2 * K);
  const beta = 7;
  const i0 = (x: number) => {
    let s = 1;
    let t = 1;
    for (let k = 1; k < 30; k++) {
      t *= (x / (2 * k)) ** 2;
      s += t;
    }
    return s;
  };
  TP_PHASES.forEach((phase, p) => {
    let sum = 0;
    for (let m = 0; m < 2 * K; m++) {
      const i = m - K + 1;
      const t = phase - i;
      const sinc = Math.sin(Math.PI * t) / (Math.PI * t);
      const r = t / K;
      const w = Math.abs(r) >= 1 ? 0 : i0(beta * Math.sqrt(1 - r * r)) / i0(beta);
      tpTable![p * 2 * K + m] = sinc * w;
      sum += sinc * w;
    }
    for (let m = 0; m < 2 * K; m++) tpTable![p * 2 * K + m] /= sum;
  });
  return tpTable;
}

/**
 * For positions n in [from, to) of `x` (which must hold TP_HALF samples of context on each side, or
 * zeros are assumed beyond its ends), write the largest absolute value of the 4x-oversampled signal
 * between n and n+1 (inclusive of n) into out[n - from]. Interpolation is skipped where both
 * neighbours are below `skipBelow` (an overshoot of more than 6 dB is not possible for real audio).
 */
export function interSamplePeaks(x: Float32Array, from: number, to: number, out: Float32Array, skipBelow = 0): void {
  const taps = tpTaps();
  const K = TP_HALF;
  const n = x.length;
  for (let pos = from; pos < to; pos++) {
    const a = Math.abs(x[pos]);
    const b = pos + 1 < n ? Math.abs(x[pos + 1]) : 0;
    let peak = a;
    if (a >= skipBelow || b >= skipBelow) {
      for (let p = 0; p < 3; p++) {
        let acc = 0;
        const base = p * 2 * K;
        const start = pos - K + 1;
        if (start >= 0 && start + 2 * K <= n) {
          // Unrolled by four (2 * K is a multiple of 4); the sum is still taken in tap order.
          for (let m = 0; m < 2 * K; m += 4) {
            const i = start + m;
            const t = base + m;
            acc += x[i] * taps[t];
            acc += x[i + 1] * taps[t + 1];
            acc += x[i + 2] * taps[t + 2];
            acc += x[i + 3] * taps[t + 3];
          }
        } else {
          for (let m = 0; m < 2 * K; m++) {
            const idx = start + m;
            if (idx >= 0 && idx < n) acc += x[idx] * taps[base + m];
          }
        }
        const v = Math.abs(acc);
        if (v > peak) peak = v;
      }
    }
    out[pos - from] = peak;
  }
}

/** Taps each side of the interpolated point that a position's quick bound sums exactly. */
const TP_NEAR = 4;

interface TpBounds {
  /** The largest sum of |taps| of one phase: |interpolated| <= this * max |x| within the filter's reach. */
  gain: number;
  /** Per phase, the sum of |taps| outside the 2 * TP_NEAR nearest. */
  far: Float64Array;
}
let tpBounds: TpBounds | undefined;
function tpGainBounds(): TpBounds {
  if (tpBounds) return tpBounds;
  const taps = tpTaps();
  const K = TP_HALF;
  let gain = 0;
  const far = new Float64Array(3);
  for (let p = 0; p < 3; p++) {
    let sum = 0;
    for (let m = 0; m < 2 * K; m++) {
      const t = Math.abs(taps[p * 2 * K + m]);
      sum += t;
      if (m < K - TP_NEAR || m >= K + TP_NEAR) far[p] += t;
    }
    gain = Math.max(gain, sum);
  }
  // A hair of headroom for the rounding of the filter's sums, so a bound is never beaten.
  tpBounds = { gain: gain * (1 + 1e-6), far: far.map((f) => f * (1 + 1e-6) + 1e-9) };
  return tpBounds;
}

/** Positions per block of the true-peak search. */
const TP_BLOCK = 32;

/**
 * max(floor, the largest value `interSamplePeaks` would write for positions [from, to) of `x`), as a
 * float32 like those values. Exact, but cheaper: a value between samples can be no larger than the
 * largest |x| within the filter's reach times the filter's gain bound, so a block of positions whose
 * neighbourhood is too quiet to beat the peak found so far is passed over; in the others, a position
 * is interpolated in full only if its nearest taps' sum plus what the far taps could add beats the
 * peak. Loud blocks go first, so the peak rises early.
 */
export function truePeakOver(x: Float32Array, from: number, to: number, floor = 0): number {
  const K = TP_HALF;
  const n = x.length;
  const blocks = Math.max(0, Math.ceil((to - from) / TP_BLOCK));
  if (blocks === 0) return floor;
  const { gain, far } = tpGainBounds();
  const taps = tpTaps();
  // Largest |x| of each block's own samples; every sample is itself one of the values, so the
  // sample peak is where the search starts.
  const own = new Float64Array(blocks);
  let peak = floor;
  for (let b = 0; b < blocks; b++) {
    let m = 0;
    for (let i = from + b * TP_BLOCK, e = Math.min(to, i + TP_BLOCK); i < e; i++) {
      const v = Math.abs(x[i]);
      if (v > m) m = v;
    }
    own[b] = m;
    if (m > peak) peak = m;
  }
  // Context outside [from, to) that the first and last blocks reach.
  let before = 0;
  for (let i = Math.max(0, from - K + 1); i < from; i++) before = Math.max(before, Math.abs(x[i]));
  let after = 0;
  for (let i = to; i < Math.min(n, to + K); i++) after = Math.max(after, Math.abs(x[i]));
  // A block's reach (K - 1 before its first position, K after its last) lies within it and its
  // neighbours (K <= TP_BLOCK).
  const reach = new Float64Array(blocks);
  const order: number[] = [];
  for (let b = 0; b < blocks; b++) {
    const m = Math.max(b > 0 ? own[b - 1] : before, own[b], b + 1 < blocks ? own[b + 1] : after);
    reach[b] = m;
    if (m * gain > peak) order.push(b);
  }
  order.sort((p, q) => reach[q] - reach[p] || p - q);
  const one = new Float32Array(1);
  const farL = new Float64Array(3);
  for (const b of order) {
    const r = reach[b];
    if (r * gain <= peak) break;
    const a0 = from + b * TP_BLOCK;
    const a1 = Math.min(to, a0 + TP_BLOCK);
    for (let p = 0; p < 3; p++) farL[p] = far[p] * r;
    for (let pos = a0; pos < a1; pos++) {
      const first = pos - TP_NEAR + 1;
      const inside = first >= 0 && first + 2 * TP_NEAR <= n;
      let beats = false;
      for (let p = 0; p < 3 && !beats; p++) {
        const base = p * 2 * K + K - TP_NEAR;
        let near = 0;
        if (inside) {
          // The eight nearest taps (2 * TP_NEAR), unrolled, in tap order.
          near = x[first] * taps[base] + x[first + 1] * taps[base + 1];
          near += x[first + 2] * taps[base + 2];
          near += x[first + 3] * taps[base + 3];
          near += x[first + 4] * taps[base + 4];
          near += x[first + 5] * taps[base + 5];
          near += x[first + 6] * taps[base + 6];
          near += x[first + 7] * taps[base + 7];
        } else
          for (let m = 0; m < 2 * TP_NEAR; m++) {
            const i = first + m;
            if (i >= 0 && i < n) near += x[i] * taps[base + m];
          }
        beats = Math.abs(near) + farL[p] > peak;
      }
      if (!beats) continue;
      interSamplePeaks(x, pos, pos + 1, one);
      if (one[0] > peak) peak = one[0];
    }
  }
  return peak;
}

/** Streaming true-peak meter (linear peak; see `toDb`). */
export class TruePeakMeter {
  private tails: Float32Array[];
  private peakLinear = 0;
  private pending = 0;

  constructor(readonly channelCount: number) {
    this.tails = Array.from({ length: channelCount }, () => new Float32Array(0));
  }

  push(channels: Float32Array[]): void {
    const K = TP_HALF;
    for (let c = 0; c < this.channelCount; c++) {
      const tail = this.tails[c];
      const chunk = channels[c];
      // The first chunk needs no copy: it has no tail to go before it.
      let ext = chunk;
      if (tail.length) {
        ext = new Float32Array(tail.length + chunk.length);
        ext.set(tail);
        ext.set(chunk, tail.length);
      }
      // Positions whose right-hand context is complete: everything but the last K samples.
      const start = Math.max(0, tail.length - K);
      const end = Math.max(start, ext.length - K);
      this.peakLinear = truePeakOver(ext, start, end, this.peakLinear);
      this.tails[c] = ext.slice(Math.max(0, ext.length - 2 * K));
    }
    this.pending = Math.min(this.tails[0]?.length ?? 0, K);
  }

  /** Peak so far, linear, including the last samples (zeros assumed after the end). */
  peak(): number {
    let peak = this.peakLinear;
    const K = TP_HALF;
    for (const tail of this.tails) {
      if (tail.length === 0) continue;
      const ext = new Float32Array(tail.length + K);
      ext.set(tail);
      const start = Math.max(0, tail.length - this.pending);
      const out = new Float32Array(tail.length - start);
      interSamplePeaks(ext, start, tail.length, out);
      for (const v of out) if (v > peak) peak = v;
    }
    return peak;
  }
}

export function toDb(linear: number): number {
  return linear > 0 ? 20 * Math.log10(linear) : -Infinity;
}

export function fromDb(db: number): number {
  return Math.pow(10, db / 20);
}

/** Integrated loudness (LUFS) of a whole programme. */
export function integratedLoudness(channels: Float32Array[], sampleRate: number): number {
  const meter = new LoudnessMeter(sampleRate, channels.length);
  meter.push(channels);
  return meter.integrated();
}

/** True peak in dBTP (4x oversampled). */
export function truePeak(channels: Float32Array[], sampleRate: number): number {
  void sampleRate; // the interpolation is relative to the sample rate; kept for symmetry with integratedLoudness
  const meter = new TruePeakMeter(channels.length);
  meter.push(channels);
  return toDb(meter.peak());
}

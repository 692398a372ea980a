/**
 * Programme loudness (ITU-R BS.1770-4: K-weighting, 400 ms blocks with 75 % overlap, absolute gate
 * -70 LUFS, relative gate -10 LU) and true peak (4x oversampling). Both come as streaming meters (feed
 * consecutive chunks, memory stays flat) and as pure one-call functions.
 */
import { Biquad, type BiquadCoeffs } from "./dsp/biquad";

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

/** Streaming integrated-loudness meter. Channel weights default to 1 (L, R, C; mono). */
export class LoudnessMeter {
  private filters: [Biquad, Biquad][];
  private readonly step: number;
  private acc = 0;
  private filled = 0;
  /** Mean-square (weighted, summed over channels) of each 100 ms sub-block. */
  private subBlocks: number[] = [];
  private scratch = new Float32Array(0);

  constructor(
    readonly sampleRate: number,
    readonly channelCount: number,
    private weights: number[] = new Array(channelCount).fill(1),
  ) {
    const [a, b] = kWeightingCoeffs(sampleRate);
    this.filters = Array.from({ length: channelCount }, () => [new Biquad(a), new Biquad(b)] as [Biquad, Biquad]);
    this.step = Math.round(sampleRate / 10);
  }

  push(channels: Float32Array[]): void {
    const n = channels[0]?.length ?? 0;
    if (this.scratch.length < n) this.scratch = new Float32Array(n);
    const energy = new Float64Array(n);
    for (let c = 0; c < this.channelCount; c++) {
      const z = this.scratch.subarray(0, n);
      this.filters[c][0].process(channels[c], z);
      this.filters[c][1].process(z);
      const w = this.weights[c];
      for (let i = 0; i < n; i++) energy[i] += w * z[i] * z[i];
    }
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
          for (let m = 0; m < 2 * K; m++) acc += x[start + m] * taps[base + m];
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
      const ext = new Float32Array(tail.length + channels[c].length);
      ext.set(tail);
      ext.set(channels[c], tail.length);
      // Positions whose right-hand context is complete: everything but the last K samples.
      const start = Math.max(0, tail.length - K);
      const end = Math.max(start, ext.length - K);
      const out = new Float32Array(end - start);
      interSamplePeaks(ext, start, end, out, this.peakLinear * 0.5);
      for (let i = 0; i < out.length; i++) if (out[i] > this.peakLinear) this.peakLinear = out[i];
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

/**
 * The film's audio: the shots' stems (6-channel WAVs, in order) joined sample-exactly into one
 * programme, normalised to the target integrated loudness with one gain for every stem, and held
 * under the true-peak ceiling by a look-ahead limiter whose gain also applies to every stem, so the
 * stems still add up to the mix. Writes `film-mix.wav`, `dialogue.wav`, `music.wav`, `effects.wav`
 * (stereo, same length and rate). Streams in chunks: memory stays flat for a feature-length film.
 */
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { AuteurError } from "../errors";
import { fromDb, interSamplePeaks, LoudnessMeter, TP_HALF, toDb, TruePeakMeter } from "./loudness";
import { WavReader, WavWriter, type WavFormat } from "./wav";

export interface LoudnessTarget {
  integrated: number;
  truePeak: number;
}

export interface FilmAudio {
  mixFile: string;
  stemFiles: { dialogue: string; music: string; effects: string };
  integratedLufs: number;
  truePeakDbtp: number;
  gainDb: number;
}

const CHUNK = 1 << 16;
/** Limiter look-ahead and release. */
const LOOKAHEAD_SEC = 0.005;
const RELEASE_SEC = 0.08;
/** Aim this far under the ceiling (interpolation and 16-bit rounding). */
const CEILING_MARGIN_DB = 0.3;

/** Yields consecutive 6-channel chunks of CHUNK frames (the last may be shorter) across all files. */
function* stemChunks(files: string[]): Generator<{ channels: Float32Array[]; sampleRate: number }> {
  let sampleRate = 0;
  let pending: Float32Array[] = Array.from({ length: 6 }, () => new Float32Array(CHUNK));
  let filled = 0;
  for (const file of files) {
    const reader = WavReader.open(file);
    try {
      if (reader.info.channelCount !== 6) throw new AuteurError("render_failed", `${path.basename(file)}: stems need 6 channels, it has ${reader.info.channelCount}`);
      if (sampleRate && reader.info.sampleRate !== sampleRate) throw new AuteurError("render_failed", `${path.basename(file)}: ${reader.info.sampleRate} Hz, the others are ${sampleRate} Hz`);
      sampleRate = reader.info.sampleRate;
      while (reader.remaining > 0) {
        const got = reader.read(CHUNK - filled);
        const n = got[0].length;
        if (n === 0) break;
        for (let c = 0; c < 6; c++) pending[c].set(got[c], filled);
        filled += n;
        if (filled === CHUNK) {
          yield { channels: pending, sampleRate };
          pending = Array.from({ length: 6 }, () => new Float32Array(CHUNK));
          filled = 0;
        }
      }
    } finally {
      reader.close();
    }
  }
  if (filled > 0) yield { channels: pending.map((c) => c.subarray(0, filled)), sampleRate };
}

function mixOf(stems: Float32Array[]): [Float32Array, Float32Array] {
  const n = stems[0].length;
  const L = new Float32Array(n);
  const R = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    L[i] = stems[0][i] + stems[2][i] + stems[4][i];
    R[i] = stems[1][i] + stems[3][i] + stems[5][i];
  }
  return [L, R];
}

/** Pass 1: loudness and true peak of the joined programme. */
function measure(files: string[]): { integrated: number; peak: number; sampleRate: number; frames: number } {
  let meter: LoudnessMeter | undefined;
  const tp = new TruePeakMeter(2);
  let sampleRate = 0;
  let frames = 0;
  for (const chunk of stemChunks(files)) {
    sampleRate = chunk.sampleRate;
    meter ??= new LoudnessMeter(sampleRate, 2);
    const mix = mixOf(chunk.channels);
    meter.push(mix);
    tp.push(mix);
    frames += mix[0].length;
  }
  return { integrated: meter ? meter.integrated() : -Infinity, peak: tp.peak(), sampleRate, frames };
}

/**
 * Look-ahead limiter gain, streamed. For output position p the gain is the mean over the last L+1
 * values of r, where r follows (with a release) the minimum required gain over [p, p+L]: every
 * sample's requirement is therefore met, and the gain moves smoothly.
 */
class LimiterGain {
  private readonly L: number;
  private readonly release: number;
  private ring: Float64Array;
  private ringPos = 0;
  private sum: number;
  private r = 1;

  constructor(sampleRate: number) {
    this.L = Math.max(1, Math.round(LOOKAHEAD_SEC * sampleRate));
    this.release = 1 - Math.exp(-1 / (RELEASE_SEC * sampleRate));
    this.ring = new Float64Array(this.L + 1).fill(1);
    this.sum = this.L + 1;
  }

  get lookahead(): number {
    return this.L;
  }

  /** required: gains for positions [0, count + L) (beyond the end: 1). Returns gains for [0, count). */
  next(required: Float32Array, count: number): Float32Array {
    const L = this.L;
    const out = new Float32Array(count);
    // Sliding minimum over [p, p + L] with a monotonic deque of indices.
    const deque = new Int32Array(required.length);
    let head = 0;
    let tail = 0;
    let added = 0;
    for (let p = 0; p < count; p++) {
      const last = Math.min(required.length - 1, p + L);
      while (added <= last) {
        while (tail > head && required[deque[tail - 1]] >= required[added]) tail--;
        deque[tail++] = added++;
      }
      while (deque[head] < p) head++;
      const m = required[deque[head]];
      const rel = this.r + (1 - this.r) * this.release;
      this.r = m < rel ? m : rel;
      this.sum += this.r - this.ring[this.ringPos];
      this.ring[this.ringPos] = this.r;
      this.ringPos = (this.ringPos + 1) % (L + 1);
      out[p] = this.sum / (L + 1);
    }
    return out;
  }
}

/** Pass 2: apply gain (and the limiter), write the four files, measure the result. */
function render(files: string[], outDir: string, sampleRate: number, gain: number, ceiling: number | undefined, format: WavFormat): { integrated: number; peak: number } {
  const names = ["film-mix.wav", "dialogue.wav", "music.wav", "effects.wav"];
  const writers = names.map((name) => WavWriter.create(path.join(outDir, name), 2, sampleRate, format));
  const meter = new LoudnessMeter(sampleRate, 2);
  const tp = new TruePeakMeter(2);
  const limiter = ceiling !== undefined ? new LimiterGain(sampleRate) : undefined;
  const K = TP_HALF;
  let tailL = new Float32Array(0);
  let tailR = new Float32Array(0);
  const emit = (stems: Float32Array[], gains: Float32Array | undefined, unscaledMix?: [Float32Array, Float32Array]) => {
    const n = stems[0].length;
    const g = new Float32Array(n);
    for (let i = 0; i < n; i++) g[i] = gain * (gains ? gains[i] : 1);
    for (const ch of stems) for (let i = 0; i < n; i++) ch[i] *= g[i];
    let mix: [Float32Array, Float32Array];
    if (unscaledMix) {
      mix = unscaledMix;
      for (const ch of mix) for (let i = 0; i < n; i++) ch[i] *= g[i];
    } else mix = mixOf(stems);
    meter.push(mix);
    tp.push(mix);
    writers[0].write(mix);
    writers[1].write([stems[0], stems[1]]);
    writers[2].write([stems[2], stems[3]]);
    writers[3].write([stems[4], stems[5]]);
  };
  try {
    const chunks = stemChunks(files);
    let current = chunks.next();
    while (!current.done) {
      const following = chunks.next();
      const stems = current.value.channels.map((c) => c.slice());
      if (!limiter) emit(stems, undefined);
      else {
        // Gained mix of [K before | this chunk | L + K after], for true peaks with full context.
        const n = stems[0].length;
        const ahead = limiter.lookahead + K;
        const next = following.done ? undefined : following.value.channels;
        const aheadN = next ? Math.min(ahead, next[0].length) : 0;
        const [mL, mR] = mixOf(stems);
        const [nL, nR] = next ? mixOf(next.map((c) => c.subarray(0, aheadN))) : [new Float32Array(0), new Float32Array(0)];
        const extL = new Float32Array(tailL.length + n + aheadN);
        const extR = new Float32Array(tailR.length + n + aheadN);
        extL.set(tailL);
        extL.set(mL, tailL.length);
        extL.set(nL, tailL.length + n);
        extR.set(tailR);
        extR.set(mR, tailR.length);
        extR.set(nR, tailR.length + n);
        for (let i = 0; i < extL.length; i++) {
          extL[i] *= gain;
          extR[i] *= gain;
        }
        const span = Math.min(n + limiter.lookahead, n + aheadN);
        const peaksL = new Float32Array(span);
        const peaksR = new Float32Array(span);
        const skip = ceiling! * 0.5;
        interSamplePeaks(extL, tailL.length, tailL.length + span, peaksL, skip);
        interSamplePeaks(extR, tailR.length, tailR.length + span, peaksR, skip);
        const required = new Float32Array(n + limiter.lookahead).fill(1);
        for (let i = 0; i < span; i++) {
          const p = Math.max(peaksL[i], peaksR[i]);
          if (p > ceiling!) required[i] = ceiling! / p;
        }
        const gains = limiter.next(required, n);
        tailL = mL.slice(Math.max(0, n - K));
        tailR = mR.slice(Math.max(0, n - K));
        emit(stems, gains, [mL, mR]);
      }
      current = following;
    }
  } finally {
    for (const w of writers) w.close();
  }
  return { integrated: meter.integrated(), peak: tp.peak() };
}

export async function buildFilmAudio(stemsFiles: string[], outDir: string, target: LoudnessTarget, options: { format?: WavFormat } = {}): Promise<FilmAudio> {
  if (stemsFiles.length === 0) throw new AuteurError("invalid_input", "buildFilmAudio: no stems to join");
  const format = options.format ?? "pcm16";
  await mkdir(outDir, { recursive: true });
  const first = measure(stemsFiles);
  const ceilingDb = target.truePeak - CEILING_MARGIN_DB;
  let gainDb = Number.isFinite(first.integrated) ? target.integrated - first.integrated : 0;
  gainDb = Math.max(-40, Math.min(40, gainDb));
  let result = { integrated: first.integrated, peak: first.peak };
  // The limiter takes a little loudness off: measure and make it up (twice at most).
  for (let attempt = 0; attempt < 3; attempt++) {
    const needsLimiter = toDb(first.peak) + gainDb > ceilingDb;
    result = render(stemsFiles, outDir, first.sampleRate, fromDb(gainDb), needsLimiter ? fromDb(ceilingDb) : undefined, format);
    const shortBy = target.integrated - result.integrated;
    if (!needsLimiter || !Number.isFinite(result.integrated) || shortBy < 0.3) break;
    gainDb += shortBy;
  }
  const round = (x: number) => (Number.isFinite(x) ? Math.round(x * 100) / 100 : x);
  return {
    mixFile: path.join(outDir, "film-mix.wav"),
    stemFiles: { dialogue: path.join(outDir, "dialogue.wav"), music: path.join(outDir, "music.wav"), effects: path.join(outDir, "effects.wav") },
    integratedLufs: round(result.integrated),
    truePeakDbtp: round(toDb(result.peak)),
    gainDb: round(gainDb),
  };
}

/**
 * The film's audio, a stretch of a scene at a time: a FilmAudioSpec's stretch of the joined shot stems (6-channel
 * WAVs) gets the film's gain and, where the planner found peaks over the ceiling, a look-ahead limiter
 * whose gain also applies to every stem, so the stems still add up to the mix. Each stretch keeps its
 * scene's dialogue, music and effects as raw 16-bit stereo and its AAC frames on the film's grid (ADTS);
 * `joinFilmAudio` concatenates them into the film's stem WAVs and one continuous AAC track, copying bytes.
 * Streams in chunks: memory stays flat however long the scene.
 */
import fs from "node:fs/promises";
import path from "node:path";
import { AuteurError } from "../errors";
import { startFfmpeg, writeChunk } from "../media/ffmpeg";
import { AAC_FRAME, AAC_POSTROLL_FRAMES } from "../plan/film-audio-plan";
import type { FilmAudioSpec } from "../plan/specs";
import { fromDb, interSamplePeaks, TP_HALF, toDb, TruePeakMeter } from "./loudness";
import { interleave, wavHeader, WavReader } from "./wav";
import { AAC_ENCODER_ARGS } from "./segment-args";

const CHUNK = 1 << 16;
/** Limiter look-ahead and release. */
const LOOKAHEAD_SEC = 0.005;
const RELEASE_SEC = 0.08;

export const STEM_NAMES = ["dialogue", "music", "effects"] as const;

/** Yields consecutive 6-channel blocks of [from, to) of the spec's pieces joined (silence outside the film). */
function* rangeChunks(spec: FilmAudioSpec, fileOf: (mixKey: string) => string): Generator<Float32Array[]> {
  const starts: number[] = [];
  let acc = 0;
  for (const p of spec.pieces) {
    starts.push(acc);
    acc += p.samples;
  }
  const readers = new Map<number, WavReader>();
  const reader = (i: number) => {
    let r = readers.get(i);
    if (!r) {
      const file = fileOf(spec.pieces[i]!.mixKey);
      r = WavReader.open(file);
      if (r.info.channelCount !== 6) throw new AuteurError("render_failed", `${path.basename(file)}: stems need 6 channels, it has ${r.info.channelCount}`);
      if (r.info.sampleRate !== spec.sampleRate) throw new AuteurError("render_failed", `${path.basename(file)}: ${r.info.sampleRate} Hz, the film is ${spec.sampleRate} Hz`);
      readers.set(i, r);
    }
    return r;
  };
  try {
    for (let pos = spec.from; pos < spec.to; ) {
      const n = Math.min(CHUNK, spec.to - pos);
      const out = Array.from({ length: 6 }, () => new Float32Array(n));
      let i = 0;
      for (let k = 0; k < n; ) {
        const at = pos + k;
        if (at < spec.filmFrom || at >= spec.filmTo) {
          k++;
          continue;
        }
        while (i + 1 < starts.length && starts[i + 1]! <= at) i++;
        const pieceEnd = starts[i]! + spec.pieces[i]!.samples;
        const take = Math.min(n - k, pieceEnd - at, spec.filmTo - at);
        const r = reader(i);
        r.seek(at - starts[i]!);
        const got = r.read(take);
        if (got[0]!.length < take) throw new AuteurError("render_failed", `film-audio: ${path.basename(fileOf(spec.pieces[i]!.mixKey))} is shorter than its shot`);
        for (let c = 0; c < 6; c++) out[c]!.set(got[c]!, k);
        k += take;
      }
      yield out;
      pos += n;
    }
  } finally {
    for (const r of readers.values()) r.close();
  }
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

/**
 * Apply gain (and the limiter) to a stream of 6-channel blocks; yields each block's gained stems and
 * their stereo mix, in order (a block at a time, so the caller can hand each on before the next).
 */
function* processStream(blocks: Iterator<Float32Array[]>, sampleRate: number, gain: number, ceiling: number | undefined): Generator<[Float32Array[], [Float32Array, Float32Array]]> {
  const limiter = ceiling !== undefined ? new LimiterGain(sampleRate) : undefined;
  const K = TP_HALF;
  let tailL = new Float32Array(0);
  let tailR = new Float32Array(0);
  const apply = (stems: Float32Array[], gains: Float32Array | undefined, mix: [Float32Array, Float32Array]): [Float32Array[], [Float32Array, Float32Array]] => {
    const n = stems[0]!.length;
    const g = new Float32Array(n);
    for (let i = 0; i < n; i++) g[i] = gain * (gains ? gains[i]! : 1);
    for (const ch of stems) for (let i = 0; i < n; i++) ch[i] *= g[i]!;
    for (const ch of mix) for (let i = 0; i < n; i++) ch[i] *= g[i]!;
    return [stems, mix];
  };
  let current = blocks.next();
  while (!current.done) {
    const following = blocks.next();
    const stems = current.value;
    const [mL, mR] = mixOf(stems);
    if (!limiter) yield apply(stems, undefined, [mL, mR]);
    else {
      // Gained mix of [K before | this block | L + K after], for true peaks with full context.
      const n = stems[0]!.length;
      const ahead = limiter.lookahead + K;
      const next = following.done ? undefined : following.value;
      const aheadN = next ? Math.min(ahead, next[0]!.length) : 0;
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
        const p = Math.max(peaksL[i]!, peaksR[i]!);
        if (p > ceiling!) required[i] = ceiling! / p;
      }
      const gains = limiter.next(required, n);
      tailL = mL.slice(Math.max(0, n - K));
      tailR = mR.slice(Math.max(0, n - K));
      yield apply(stems, gains, [mL, mR]);
    }
    current = following;
  }
}

/** ADTS frames of an AAC stream: [offset, length] of each. */
export function adtsFrames(bytes: Uint8Array): [number, number][] {
  const frames: [number, number][] = [];
  let pos = 0;
  while (pos + 7 <= bytes.length) {
    if (bytes[pos] !== 0xff || (bytes[pos + 1]! & 0xf0) !== 0xf0) throw new AuteurError("render_failed", `film-audio: no ADTS frame at byte ${pos}`);
    const length = ((bytes[pos + 3]! & 0x03) << 11) | (bytes[pos + 4]! << 3) | (bytes[pos + 5]! >> 5);
    if (length < 7 || pos + length > bytes.length) throw new AuteurError("render_failed", `film-audio: a broken ADTS frame at byte ${pos}`);
    frames.push([pos, length]);
    pos += length;
  }
  return frames;
}

export const FILM_AAC = { bitrate: "160k" } as const;

function aacArgs(sampleRate: number, outFile: string): string[] {
  return [
    "-hide_banner", "-nostdin", "-y",
    "-f", "f32le", "-ar", String(sampleRate), "-ac", "2", "-i", "pipe:0",
    ...AAC_ENCODER_ARGS, "-b:a", FILM_AAC.bitrate, "-ar", String(sampleRate), "-ac", "2",
    "-fflags", "+bitexact", "-flags:a", "+bitexact", "-threads", "1",
    "-f", "adts", outFile,
  ];
}

export interface FilmAudioChunkMeta {
  samples: number;
  aacFrames: number;
  /** True peak (dBTP) of the scene's mix after gain and limiter. */
  truePeakDbtp: number;
}

/**
 * Make one scene's stretch into `dir`: dialogue.pcm, music.pcm, effects.pcm (s16le stereo, the scene's
 * samples) and audio.adts (the kept AAC frames). `fileOf` gives a piece's stems.wav from its mix key.
 */
export async function renderFilmAudioChunk(spec: FilmAudioSpec, dir: string, fileOf: (mixKey: string) => string): Promise<FilmAudioChunkMeta> {
  const sr = spec.sampleRate;
  const stemFds = await Promise.all(STEM_NAMES.map((n) => fs.open(path.join(dir, `${n}.pcm`), "w")));
  const raw = path.join(dir, "encode.adts");
  const ff = startFfmpeg(aacArgs(sr, raw), { stdin: true });
  const tp = new TruePeakMeter(2);
  const pending: Promise<unknown>[] = [];
  let pos = spec.from;
  const aacTo = spec.aacFrom + (spec.keepTo + AAC_POSTROLL_FRAMES) * AAC_FRAME;
  // The encoder's input is the mix from aacFrom (silence before the read range, if any).
  let fed = spec.aacFrom;
  // The encoder gets each block as soon as it is made, so memory stays flat however long the scene
  // (the whole stretch's float PCM used to wait in memory for the end: 17 MB for a 45 s scene).
  try {
    if (spec.aacFrom < spec.from) {
      await writeChunk(ff.child, Buffer.alloc((spec.from - spec.aacFrom) * 8));
      fed = spec.from;
    }
    for (const [stems, mix] of processStream(rangeChunks(spec, fileOf), sr, fromDb(spec.gainDb), spec.ceilingDb === null ? undefined : fromDb(spec.ceilingDb))) {
      const n = stems[0]!.length;
      const a = Math.max(pos, spec.sceneFrom);
      const b = Math.min(pos + n, spec.sceneTo);
      if (b > a) {
        STEM_NAMES.forEach((_, s) => {
          const bytes = interleave([stems[2 * s]!, stems[2 * s + 1]!], "pcm16", a - pos, b - pos);
          pending.push(stemFds[s]!.write(bytes, 0, bytes.length, (a - spec.sceneFrom) * 4));
        });
        tp.push([mix[0].subarray(a - pos, b - pos), mix[1].subarray(a - pos, b - pos)]);
      }
      const fa = Math.max(pos, fed);
      const fb = Math.min(pos + n, aacTo);
      pos += n;
      if (fb > fa) {
        fed = fb;
        await writeChunk(ff.child, interleave([mix[0], mix[1]], "float32", fa - (pos - n), fb - (pos - n)));
      }
    }
    if (fed < aacTo) await writeChunk(ff.child, Buffer.alloc((aacTo - fed) * 8));
    ff.child.stdin!.end();
    await ff.done;
    await Promise.all(pending);
  } finally {
    await Promise.all(stemFds.map((fd) => fd.close()));
  }
  const bytes = await fs.readFile(raw);
  const frames = adtsFrames(bytes);
  if (frames.length < spec.keepTo) throw new AuteurError("render_failed", `film-audio: the encoder made ${frames.length} frames, ${spec.keepTo} needed`);
  const kept = frames.slice(spec.keepFrom, spec.keepTo);
  await fs.writeFile(path.join(dir, "audio.adts"), Buffer.concat(kept.map(([o, l]) => bytes.subarray(o, o + l))));
  await fs.rm(raw);
  return { samples: spec.sceneTo - spec.sceneFrom, aacFrames: kept.length, truePeakDbtp: Math.round(toDb(tp.peak()) * 100) / 100 };
}

/** Append a file's bytes to `out`, a block at a time (one buffer reused, so memory stays flat). */
async function appendFile(out: fs.FileHandle, file: string): Promise<void> {
  const input = await fs.open(file, "r");
  try {
    const block = Buffer.allocUnsafe(1 << 20);
    for (;;) {
      const { bytesRead } = await input.read(block, 0, block.length, null);
      if (bytesRead === 0) return;
      await out.write(block, 0, bytesRead);
    }
  } finally {
    await input.close();
  }
}

/** Join the scenes' stretches (folders made by renderFilmAudioChunk, in film order) into one ADTS stream, by copying bytes. */
export async function joinAacTrack(chunkDirs: string[], audioFile: string): Promise<void> {
  const out = await fs.open(audioFile, "w");
  try {
    for (const dir of chunkDirs) await appendFile(out, path.join(dir, "audio.adts"));
  } finally {
    await out.close();
  }
}

/**
 * Join the scenes' stems into `outDir/{dialogue,music,effects}.wav` (16-bit stereo), by copying bytes.
 * The film's length in samples is the sum of the scenes' (2 channels x 2 bytes a sample).
 */
export async function joinStems(chunkDirs: string[], outDir: string, sampleRate: number): Promise<void> {
  for (const name of STEM_NAMES) {
    const sizes = await Promise.all(chunkDirs.map(async (dir) => (await fs.stat(path.join(dir, `${name}.pcm`))).size));
    const totalSamples = sizes.reduce((a, b) => a + b, 0) / 4;
    const out = await fs.open(path.join(outDir, `${name}.wav`), "w");
    try {
      await out.write(wavHeader(2, sampleRate, "pcm16", totalSamples));
      for (const dir of chunkDirs) await appendFile(out, path.join(dir, `${name}.pcm`));
    } finally {
      await out.close();
    }
  }
}

/**
 * mix-shot: the shot's sound and its segment. Dialogue (each line placed at its start, panned), the
 * scene bed's slice for this shot (so music and ambience run on across the cuts of a scene; music goes
 * to the music stem, ambience joins the cues' effects in the effects stem) become `dir/stems.wav` (6 channels: dialogue L/R, music L/R, effects L/R; exactly
 * frames/fps seconds, 16-bit); their sum, as AAC, is muxed with the shot's video stream (copied) into
 * `dir/segment.mp4`.
 */
import path from "node:path";
import { AuteurError } from "../errors";
import { startFfmpeg, writeChunk } from "../media/ffmpeg";
import type { MixMeta, MixSpec } from "../plan/specs";
import { createHash } from "node:crypto";
import { open } from "node:fs/promises";
import { LoudnessMeter, TruePeakMeter } from "./loudness";
import { seedFrom } from "../plan/keys";
import { renderCue } from "./cues";
import { DEFAULT_DUCK, duckGain } from "./duck";
import { resample } from "./dsp/resample";
import { segmentArgs } from "./segment-args";
import { readWav, WavReader, wavHeader } from "./wav";

export interface MixInputs {
  videoFile: string;
  /** speechKey -> speech.wav path. */
  speechFiles: Record<string, string>;
  /** The scene's bed.wav; empty when there is none (then music and ambience are silent). */
  bedFile: string;
  /** A video provider's own sound for the shot (48 kHz stereo wav, the shot's length), mixed under the score in the effects stem. */
  providerAudioFile?: string;
}

/** Gain of a video provider's own sound in the effects stem (under the score and the dialogue). */
export const PROVIDER_AUDIO_GAIN = 0.6;

export function shotSamples(frames: number, fps: number, sampleRate: number): number {
  return Math.round((frames * sampleRate) / fps);
}

/** Constant-power pan: centre gives 0.707 on each side. */
export function panGains(pan: number): [number, number] {
  const a = ((Math.max(-1, Math.min(1, pan)) + 1) * Math.PI) / 4;
  return [Math.cos(a), Math.sin(a)];
}

function readBedSlice(bedFile: string, offset: number, length: number): Float32Array[] {
  const reader = WavReader.open(bedFile);
  try {
    const { channelCount } = reader.info;
    if (channelCount !== 4) throw new AuteurError("render_failed", `mix-shot: the bed has ${channelCount} channels, 4 expected`);
    const start = Math.max(0, offset);
    reader.seek(start);
    const got = reader.read(length - (start - offset));
    // Usually the slice lies within the bed: the arrays read are the slice.
    if (start === offset && got[0].length === length) return got;
    const out = Array.from({ length: 4 }, () => new Float32Array(length));
    for (let c = 0; c < 4; c++) out[c].set(got[c], start - offset);
    return out;
  } finally {
    reader.close();
  }
}

// The sample loops live in plain functions: V8 optimizes a long loop inside an async function only on a
// later call, so the first shots of a fresh worker would run them in the interpreter.

/** A line's voice added at `at`, panned; if it runs past the shot, its last `fade` samples in the shot fade out. */
function addLine(dL: Float32Array, dR: Float32Array, voice: Float32Array, at: number, [gl, gr]: [number, number], fade: number): void {
  const n = dL.length;
  const end = Math.min(n, at + voice.length);
  const cut = at + voice.length > n;
  for (let i = Math.max(0, at); i < end; i++) {
    const g = cut && end - i < fade ? (end - i) / fade : 1;
    const v = voice[i - at] * g;
    dL[i] += v * gl;
    dR[i] += v * gr;
  }
}

/** A cue added at `at` times its gain; if it runs past the shot, its last `fade` samples in the shot fade out. */
function addCue(eL: Float32Array, eR: Float32Array, fx: { L: Float32Array; R: Float32Array }, at: number, gain: number, fade: number): void {
  const n = eL.length;
  const end = Math.min(n, at + fx.L.length);
  const cut = at + fx.L.length > n;
  for (let i = Math.max(0, at); i < end; i++) {
    const g = gain * (cut && end - i < fade ? (end - i) / fade : 1);
    eL[i] += fx.L[i - at] * g;
    eR[i] += fx.R[i - at] * g;
  }
}

/** The six stems of a shot (pure apart from reading the inputs). */
export async function renderStems(spec: MixSpec, inputs: MixInputs): Promise<Float32Array[]> {
  const sr = spec.sampleRate;
  const n = shotSamples(spec.frames, spec.fps, sr);
  if (n <= 0) throw new AuteurError("invalid_input", `mix-shot ${spec.shotId}: ${spec.frames} frames is no length`);
  const [dL, dR, eL, eR] = Array.from({ length: 4 }, () => new Float32Array(n));
  // No bed (its scene's score failed or was left out): music and ambience are silent.
  const bed = inputs.bedFile && spec.bed.key ? readBedSlice(inputs.bedFile, Math.round(spec.bed.offsetSec * sr), n) : Array.from({ length: 4 }, () => new Float32Array(n));

  for (const line of spec.lines) {
    const file = inputs.speechFiles[line.speechKey];
    if (!file) throw new AuteurError("render_failed", `mix-shot ${spec.shotId}: no speech file for ${line.speechKey}`);
    const wav = await readWav(file);
    let voice = wav.channels[0];
    if (wav.sampleRate !== sr) voice = resample(voice, wav.sampleRate, sr);
    addLine(dL, dR, voice, Math.round(line.startSec * sr), panGains(line.pan), Math.round(sr * 0.01));
  }

  spec.cues.forEach((cue, index) => {
    const fx = renderCue(cue.kind, sr, seedFrom(spec.shotId, cue.kind, index));
    addCue(eL, eR, fx, Math.round(cue.atSec * sr), cue.gain, Math.round(sr * 0.03));
  });
  // The music dips under the words (this shot's and a neighbour's whose ramp reaches across the cut).
  const duck = spec.duck.length ? duckGain(spec.duck, n, sr, DEFAULT_DUCK) : undefined;
  let provider: [Float32Array, Float32Array] | undefined;
  if (inputs.providerAudioFile) {
    const clip = await readWav(inputs.providerAudioFile);
    const [l, r] = [clip.channels[0]!, clip.channels[1] ?? clip.channels[0]!].map((c) => (clip.sampleRate !== sr ? resample(c, clip.sampleRate, sr) : c));
    provider = [l!, r!];
  }
  const stems = [dL, dR, bed[0], bed[1], eL, eR];
  finishStems(stems, bed[2], bed[3], duck, provider, Math.min(n, Math.round(spec.fadeInSec * sr)), Math.min(n, Math.round(spec.fadeOutSec * sr)));
  return stems;
}

/**
 * The last steps of the stems, in one pass: the music ducked, the ambience (and a provider's own sound)
 * joined to the effects, the effects kept below -1 dBFS, and the shot's fades on every stem. Each step
 * rounds to float32 as storing it in the stem would, so the stems are those of one loop per step.
 */
function finishStems(stems: Float32Array[], ambL: Float32Array, ambR: Float32Array, duck: Float32Array | undefined, provider: [Float32Array, Float32Array] | undefined, fadeIn: number, fadeOut: number): void {
  const [dL, dR, mL, mR, eL, eR] = stems;
  const n = dL.length;
  const f = Math.fround;
  const pn = provider ? Math.min(n, provider[0].length) : 0;
  const softClip = (x: number) => {
    const a = Math.abs(x);
    // Effects stay below -1 dBFS however many cues pile up.
    return a > 0.7 ? f(Math.sign(x) * (0.7 + 0.19 * Math.tanh((a - 0.7) / 0.19))) : x;
  };
  const fadeOutFrom = n - fadeOut;
  for (let i = 0; i < n; i++) {
    let ml = mL[i];
    let mr = mR[i];
    if (duck) {
      ml = f(ml * duck[i]);
      mr = f(mr * duck[i]);
    }
    // Ambience belongs with the effects (the E of DME: backgrounds and spot effects).
    let el = f(eL[i] + ambL[i]);
    let er = f(eR[i] + ambR[i]);
    if (i < pn) {
      el = f(el + provider![0][i] * PROVIDER_AUDIO_GAIN);
      er = f(er + provider![1][i] * PROVIDER_AUDIO_GAIN);
    }
    el = softClip(el);
    er = softClip(er);
    let dl = dL[i];
    let dr = dR[i];
    if (i < fadeIn || i >= fadeOutFrom) {
      if (i < fadeIn) {
        const g = i / fadeIn;
        dl = f(dl * g); dr = f(dr * g); ml = f(ml * g); mr = f(mr * g); el = f(el * g); er = f(er * g);
      }
      if (i >= fadeOutFrom) {
        const g = (n - 1 - i) / fadeOut;
        dl = f(dl * g); dr = f(dr * g); ml = f(ml * g); mr = f(mr * g); el = f(el * g); er = f(er * g);
      }
      dL[i] = dl;
      dR[i] = dr;
    }
    mL[i] = ml;
    mR[i] = mr;
    eL[i] = el;
    eR[i] = er;
  }
}

/**
 * K-weighted mean square of a stereo programme per 100 ms block from its start (the last block may be
 * shorter), fresh filters: the statistics the film's loudness is gated from (see lib/plan/film-audio-plan).
 */
export function loudnessBlocks(L: Float32Array, R: Float32Array, sampleRate: number): number[] {
  const meter = new LoudnessMeter(sampleRate, 2);
  return meter.blockEnergies([L, R]);
}

/**
 * The six stems as 16-bit interleaved samples (what stems.wav holds: rounded half away from zero,
 * clamped, as `interleave` writes them) and, in the same pass, the mix made from those stored samples,
 * so the segment's mix is exactly the sum of the stems file: planar (for the meters) and interleaved
 * (for ffmpeg), with the mix's sample peak.
 */
function quantizeAndMix(stems: Float32Array[]): { data: Buffer; L: Float32Array; R: Float32Array; interleaved: Float32Array; peak: number } {
  const [dL, dR, mL, mR, eL, eR] = stems;
  const n = dL.length;
  const q = new Int16Array(n * 6);
  const L = new Float32Array(n);
  const R = new Float32Array(n);
  const interleaved = new Float32Array(n * 2);
  // Rounded half away from zero and clamped, then truncated to an integer as the Int16Array store does.
  const toInt = (x: number): number => {
    const v = x * 32767;
    return v >= 32767 ? 32767 : v <= -32768 ? -32768 : (v < 0 ? v - 0.5 : v + 0.5) | 0;
  };
  let peak = 0;
  for (let i = 0, j = 0; i < n; i++, j += 6) {
    const a0 = toInt(dL[i]), a1 = toInt(dR[i]), a2 = toInt(mL[i]), a3 = toInt(mR[i]), a4 = toInt(eL[i]), a5 = toInt(eR[i]);
    q[j] = a0; q[j + 1] = a1; q[j + 2] = a2; q[j + 3] = a3; q[j + 4] = a4; q[j + 5] = a5;
    const l = (a0 + a2 + a4) / 32768;
    const r = (a1 + a3 + a5) / 32768;
    const al = l < 0 ? -l : l;
    const ar = r < 0 ? -r : r;
    if (al > peak) peak = al;
    if (ar > peak) peak = ar;
    L[i] = l;
    R[i] = r;
    interleaved[2 * i] = l;
    interleaved[2 * i + 1] = r;
  }
  return { data: Buffer.from(q.buffer, q.byteOffset, q.byteLength), L, R, interleaved, peak };
}

/** A soft ceiling at 0.97 for the preview's AAC. */
function soften(x: Float32Array): void {
  for (let j = 0; j < x.length; j++) x[j] = Math.tanh(x[j] / 0.97) * 0.97;
}

/** Stereo frames per write to ffmpeg (256 KiB of float PCM). */
const FEED_FRAMES = 1 << 15;

export async function mixShot(spec: MixSpec, dir: string, inputs: MixInputs): Promise<MixMeta> {
  const sr = spec.sampleRate;
  // Start ffmpeg first: it opens the video while the stems are made.
  const abort = new AbortController();
  const ff = startFfmpeg(segmentArgs(inputs.videoFile, path.join(dir, "segment.mp4"), sr), { stdin: true, signal: abort.signal });
  try {
    const stems = await renderStems(spec, inputs);
    const n = stems[0].length;
    const { data, L, R, interleaved, peak } = quantizeAndMix(stems);
    // The stems file's bytes are hashed as written (no reading them back).
    const header = wavHeader(stems.length, sr, "pcm16", n);
    const file = await open(path.join(dir, "stems.wav"), "w");
    try {
      await file.writeFile(header);
      await file.writeFile(data);
    } finally {
      await file.close();
    }
    const stemsHash = createHash("sha256").update(header).update(data).digest("hex");
    const tp = new TruePeakMeter(2);
    tp.push([L, R]);
    const meta: MixMeta = {
      durationSec: n / sr,
      peak: Math.round(peak * 10000) / 10000,
      stemsHash,
      samples: n,
      loudnessBlocks: loudnessBlocks(L, R, sr),
      truePeak: tp.peak(),
    };
    // ffmpeg takes the mix interleaved, a chunk at a time. The segment is a preview: keep its AAC from
    // clipping (the film's mix is normalised later).
    if (peak > 0.97) soften(interleaved);
    for (let from = 0; from < interleaved.length; from += FEED_FRAMES * 2) {
      const chunk = interleaved.subarray(from, Math.min(interleaved.length, from + FEED_FRAMES * 2));
      await writeChunk(ff.child, Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
    }
    ff.child.stdin!.end();
    await ff.done;
    return meta;
  } catch (error) {
    abort.abort();
    await ff.done.catch(() => undefined);
    throw error;
  }
}

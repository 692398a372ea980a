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
import { interleave, readWav, WavReader, wavHeader } from "./wav";

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

/** The six stems of a shot (pure apart from reading the inputs). */
export async function renderStems(spec: MixSpec, inputs: MixInputs): Promise<Float32Array[]> {
  const sr = spec.sampleRate;
  const n = shotSamples(spec.frames, spec.fps, sr);
  if (n <= 0) throw new AuteurError("invalid_input", `mix-shot ${spec.shotId}: ${spec.frames} frames is no length`);
  const [dL, dR, , , eL, eR] = Array.from({ length: 6 }, () => new Float32Array(n));
  // No bed (its scene's score failed or was left out): music and ambience are silent.
  const bed = inputs.bedFile && spec.bed.key ? readBedSlice(inputs.bedFile, Math.round(spec.bed.offsetSec * sr), n) : Array.from({ length: 4 }, () => new Float32Array(n));

  for (const line of spec.lines) {
    const file = inputs.speechFiles[line.speechKey];
    if (!file) throw new AuteurError("render_failed", `mix-shot ${spec.shotId}: no speech file for ${line.speechKey}`);
    const wav = await readWav(file);
    let voice = wav.channels[0];
    if (wav.sampleRate !== sr) voice = resample(voice, wav.sampleRate, sr);
    const at = Math.round(line.startSec * sr);
    const [gl, gr] = panGains(line.pan);
    const end = Math.min(n, at + voice.length);
    const cut = at + voice.length > n; // runs past the shot: fade the last 10 ms
    const fade = Math.round(sr * 0.01);
    for (let i = Math.max(0, at); i < end; i++) {
      const g = cut && end - i < fade ? (end - i) / fade : 1;
      const v = voice[i - at] * g;
      dL[i] += v * gl;
      dR[i] += v * gr;
    }
  }

  spec.cues.forEach((cue, index) => {
    const fx = renderCue(cue.kind, sr, seedFrom(spec.shotId, cue.kind, index));
    const at = Math.round(cue.atSec * sr);
    const end = Math.min(n, at + fx.L.length);
    const fade = Math.round(sr * 0.03);
    for (let i = Math.max(0, at); i < end; i++) {
      const g = cue.gain * (at + fx.L.length > n && end - i < fade ? (end - i) / fade : 1);
      eL[i] += fx.L[i - at] * g;
      eR[i] += fx.R[i - at] * g;
    }
  });
  // The music dips under the words (this shot's and a neighbour's whose ramp reaches across the cut).
  if (spec.duck.length) {
    const duck = duckGain(spec.duck, n, sr, DEFAULT_DUCK);
    for (let i = 0; i < n; i++) {
      bed[0][i] *= duck[i];
      bed[1][i] *= duck[i];
    }
  }
  // Ambience belongs with the effects (the E of DME: backgrounds and spot effects).
  for (let i = 0; i < n; i++) {
    eL[i] += bed[2][i];
    eR[i] += bed[3][i];
  }
  if (inputs.providerAudioFile) {
    const clip = await readWav(inputs.providerAudioFile);
    const [l, r] = [clip.channels[0]!, clip.channels[1] ?? clip.channels[0]!].map((c) => (clip.sampleRate !== sr ? resample(c, clip.sampleRate, sr) : c));
    for (let i = 0; i < Math.min(n, l!.length); i++) {
      eL[i] += l![i]! * PROVIDER_AUDIO_GAIN;
      eR[i] += r![i]! * PROVIDER_AUDIO_GAIN;
    }
  }
  // Effects stay below -1 dBFS however many cues pile up.
  for (const ch of [eL, eR]) {
    for (let i = 0; i < n; i++) {
      const a = Math.abs(ch[i]);
      if (a > 0.7) ch[i] = Math.sign(ch[i]) * (0.7 + 0.19 * Math.tanh((a - 0.7) / 0.19));
    }
  }

  const stems = [dL, dR, bed[0], bed[1], eL, eR];
  const fadeIn = Math.min(n, Math.round(spec.fadeInSec * sr));
  const fadeOut = Math.min(n, Math.round(spec.fadeOutSec * sr));
  for (const ch of stems) {
    for (let i = 0; i < fadeIn; i++) ch[i] *= i / fadeIn;
    for (let i = 0; i < fadeOut; i++) ch[n - 1 - i] *= i / fadeOut;
  }
  return stems;
}

/**
 * K-weighted mean square of a stereo programme per 100 ms block from its start (the last block may be
 * shorter), fresh filters: the statistics the film's loudness is gated from (see lib/plan/film-audio-plan).
 */
export function loudnessBlocks(L: Float32Array, R: Float32Array, sampleRate: number): number[] {
  const meter = new LoudnessMeter(sampleRate, 2);
  return meter.blockEnergies([L, R]);
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
    // The stems file's bytes are hashed as written (no reading them back).
    const header = wavHeader(stems.length, sr, "pcm16", n);
    const data = interleave(stems, "pcm16");
    const file = await open(path.join(dir, "stems.wav"), "w");
    try {
      await file.writeFile(header);
      await file.writeFile(data);
    } finally {
      await file.close();
    }
    const stemsHash = createHash("sha256").update(header).update(data).digest("hex");
    // The mix from the stored 16-bit stems, so the segment's mix is exactly the sum of the stems file.
    const q = data.byteOffset % 2 === 0 ? new Int16Array(data.buffer, data.byteOffset, n * 6) : new Int16Array(Uint8Array.from(data).buffer);
    const L = new Float32Array(n);
    const R = new Float32Array(n);
    let peak = 0;
    for (let i = 0, j = 0; i < n; i++, j += 6) {
      const l = (q[j] + q[j + 2] + q[j + 4]) / 32768;
      const r = (q[j + 1] + q[j + 3] + q[j + 5]) / 32768;
      const a = l < 0 ? -l : l;
      const b = r < 0 ? -r : r;
      if (a > peak) peak = a;
      if (b > peak) peak = b;
      L[i] = l;
      R[i] = r;
    }
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
    const soften = peak > 0.97;
    for (let from = 0; from < n; from += FEED_FRAMES) {
      const to = Math.min(n, from + FEED_FRAMES);
      const mix = new Float32Array((to - from) * 2);
      for (let i = from, j = 0; i < to; i++, j += 2) {
        mix[j] = L[i];
        mix[j + 1] = R[i];
      }
      if (soften) for (let j = 0; j < mix.length; j++) mix[j] = Math.tanh(mix[j] / 0.97) * 0.97;
      await writeChunk(ff.child, Buffer.from(mix.buffer, mix.byteOffset, mix.byteLength));
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

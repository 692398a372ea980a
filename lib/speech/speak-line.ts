/**
 * speak-line: one line in its speaker's locked voice. Flite speaks it (voice, rate, pitch target,
 * intonation range), simple DSP applies the delivery, the result is resampled to 48 kHz, trimmed to a
 * consistent pad, levelled and written as `dir/speech.wav` (mono, 16-bit). Returns SpeechMeta.
 */
import path from "node:path";
import { FILM_FORMAT, type SpeechMeta, type VoiceSpec } from "../plan/specs";
import { seedFrom } from "../plan/keys";
import { resampleByStep } from "../sound/dsp/resample";
import { writeWav } from "../sound/wav";
import { cleanSpeechText, isSpeakable } from "./clean-text";
import { runFlite } from "./flite";
import { mouthEnvelope } from "./mouth-envelope";
import { breathe, colour, drive, levelSpeech, robotize, tremolo, trimSilence } from "./speech-fx";
import { voiceParams } from "./voice-params";
import { wordTimings } from "./word-timings";

/** Quiet kept before and after the speech. */
export const SPEECH_PAD_SEC = 0.06;
/** Active speech level of a neutral line (dBFS); deliveries add their gain. */
export const SPEECH_LEVEL_DB = -20;

/** Where the voice starts: the first 5 ms window above -40 dBFS (subtitles appear then). */
export function speechOnset(samples: Float32Array, sampleRate: number): number {
  const win = Math.round(sampleRate * 0.005);
  for (let i = 0; i + win <= samples.length; i += win) {
    let sum = 0;
    for (let j = i; j < i + win; j++) sum += samples[j]! * samples[j]!;
    if (Math.sqrt(sum / win) > 0.01) return Math.round((i / sampleRate) * 1000) / 1000;
  }
  return 0;
}

export async function speakLine(spec: VoiceSpec, dir: string): Promise<SpeechMeta> {
  const sampleRate = FILM_FORMAT.sampleRate;
  const params = voiceParams(spec.voice, spec.delivery);
  const text = cleanSpeechText(spec.text);
  let samples: Float32Array;
  let words: SpeechMeta["words"] = [];
  if (!isSpeakable(text)) {
    // Nothing Flite can say (only emoji, other scripts, punctuation): a short beat of silence.
    samples = new Float32Array(Math.round(sampleRate * 0.5));
  } else {
    const flite = await runFlite({ voice: params.fliteVoice, text, features: params.features });
    // Delivery DSP at Flite's rate (its audio holds nothing above 8 kHz), then up to 48 kHz: a speed
    // factor raises the pitch (and shortens what Flite stretched). Saturation after, to keep it clean.
    const seed = seedFrom(spec.voice.voiceId, spec.delivery, text, "breath");
    let x = breathe(flite.samples, flite.sampleRate, params.breath, seed);
    colour(x, flite.sampleRate, params.presenceDb, params.airDb);
    tremolo(x, flite.sampleRate / params.speed, params.tremolo);
    const step = (flite.sampleRate / sampleRate) * params.speed;
    x = resampleByStep(x, step, Math.floor(x.length / step));
    if (spec.voice.timbre === "robot") x = robotize(x, sampleRate);
    drive(x, params.drive);
    const trimmed = trimSilence(x, sampleRate, SPEECH_PAD_SEC);
    samples = levelSpeech(trimmed.samples, sampleRate, SPEECH_LEVEL_DB + params.gainDb);
    const duration = samples.length / sampleRate;
    const round = (t: number) => Math.round(Math.min(duration, Math.max(0, t)) * 1000) / 1000;
    words = wordTimings(text, flite.segments).map((w) => ({
      text: w.text,
      start: round(w.start / params.speed + trimmed.offset),
      end: round(w.end / params.speed + trimmed.offset),
    }));
  }
  await writeWav(path.join(dir, "speech.wav"), { sampleRate, channels: [samples] }, "pcm16");
  return {
    durationSec: samples.length / sampleRate,
    sampleRate,
    onsetSec: speechOnset(samples, sampleRate),
    envelope: mouthEnvelope(samples, sampleRate, FILM_FORMAT.fps),
    words,
  };
}

/**
 * How a locked voice and a delivery become synthesis settings: pure, so a voice sounds the same every
 * time. Flite does what it can (rate, pitch for voices that take a pitch target, intonation range);
 * simple DSP does the rest (whisper, drive, presence, softness, tremolo, level).
 */
import type { Delivery, Voice } from "../screenplay/schema";
import { AuteurError } from "../errors";
import { builtInVoice, BUILT_IN_VOICES } from "./voices";

export interface DeliveryStyle {
  /** Slower (> 1) or faster (< 1) than the voice's rate. */
  stretch: number;
  /** Semitones added to the voice's pitch. */
  pitch: number;
  /** Intonation range, 1 = the voice's own. */
  range: number;
  /** Level relative to a neutral line, dB. */
  gainDb: number;
  /** 0..1: how much of the voice is replaced by breath (noise shaped like the speech). */
  breath: number;
  /** 0..1: soft saturation (shouting, anger). */
  drive: number;
  /** dB at ~2.5 kHz (strain, edge). */
  presenceDb: number;
  /** dB above ~3.5 kHz (negative = softer, darker). */
  airDb: number;
  /** 0..1 depth of a ~7 Hz tremble (fear). */
  tremolo: number;
}

const STYLE: Record<Delivery, DeliveryStyle> = {
  neutral: { stretch: 1, pitch: 0, range: 1, gainDb: 0, breath: 0, drive: 0, presenceDb: 0, airDb: 0, tremolo: 0 },
  whispered: { stretch: 1.08, pitch: -1, range: 0.7, gainDb: -10, breath: 0.9, drive: 0, presenceDb: 2, airDb: 0, tremolo: 0 },
  shouted: { stretch: 0.92, pitch: 3.5, range: 1.3, gainDb: 5, breath: 0, drive: 0.55, presenceDb: 4, airDb: 1, tremolo: 0 },
  sarcastic: { stretch: 1.12, pitch: 0.5, range: 1.9, gainDb: 0, breath: 0, drive: 0, presenceDb: 0, airDb: 0, tremolo: 0 },
  scared: { stretch: 0.9, pitch: 2.5, range: 1.4, gainDb: -2, breath: 0.2, drive: 0, presenceDb: 1, airDb: 0, tremolo: 0.18 },
  tender: { stretch: 1.1, pitch: -0.5, range: 0.8, gainDb: -4, breath: 0.15, drive: 0, presenceDb: -1, airDb: -5, tremolo: 0 },
  angry: { stretch: 0.95, pitch: 1.5, range: 1.4, gainDb: 4, breath: 0, drive: 0.35, presenceDb: 3, airDb: 0, tremolo: 0 },
  sad: { stretch: 1.2, pitch: -2, range: 0.6, gainDb: -3, breath: 0.1, drive: 0, presenceDb: -1, airDb: -3, tremolo: 0.05 },
  excited: { stretch: 0.88, pitch: 3, range: 1.5, gainDb: 2, breath: 0, drive: 0.1, presenceDb: 1.5, airDb: 1, tremolo: 0 },
  weary: { stretch: 1.18, pitch: -2.5, range: 0.6, gainDb: -3, breath: 0.25, drive: 0, presenceDb: -1, airDb: -3, tremolo: 0 },
  cold: { stretch: 1.03, pitch: -1, range: 0.4, gainDb: -1, breath: 0, drive: 0, presenceDb: 1, airDb: 0, tremolo: 0 },
  amused: { stretch: 0.97, pitch: 1.5, range: 1.3, gainDb: 0, breath: 0, drive: 0, presenceDb: 0, airDb: 1, tremolo: 0 },
};

/** Flite voices that ignore the pitch target: their pitch is changed by playback speed instead. */
const NO_PITCH_TARGET = new Set(["rms"]);

export interface VoiceParams extends DeliveryStyle {
  fliteVoice: string;
  /** Flite features (`--setf name=value`), in a fixed order. */
  features: [string, number][];
  /** Playback-speed factor for the pitch (1 = none); Flite's duration is stretched by the same factor first. */
  speed: number;
}

export function deliveryStyle(delivery: Delivery): DeliveryStyle {
  return STYLE[delivery] ?? STYLE.neutral;
}

export function voiceParams(voice: Voice, delivery: Delivery): VoiceParams {
  const base = builtInVoice(voice.voiceId);
  if (!base) {
    throw new AuteurError("invalid_input", `Unknown voice "${voice.voiceId}"; built-in voices are ${BUILT_IN_VOICES.map((v) => v.id).join(", ")}.`);
  }
  const style = deliveryStyle(delivery);
  const semitones = Math.max(-12, Math.min(12, voice.pitch + style.pitch));
  const ratio = Math.pow(2, semitones / 12);
  const rate = Math.max(0.5, Math.min(2, voice.rate));
  const stretch = style.stretch / rate;
  const round = (x: number) => Math.round(x * 1000) / 1000;
  if (NO_PITCH_TARGET.has(base.flite)) {
    return { ...style, fliteVoice: base.flite, speed: round(ratio), features: [["duration_stretch", round(stretch * ratio)]] };
  }
  const f0 = base.baseF0 * ratio;
  return {
    ...style,
    fliteVoice: base.flite,
    speed: 1,
    features: [
      ["duration_stretch", round(stretch)],
      ["int_f0_target_mean", round(f0)],
      // A robot speaks on one pitch (a little movement left, so it is not a drone).
      ["int_f0_target_stddev", round(f0 * (voice.timbre === "robot" ? 0.015 : 0.12 * style.range))],
    ],
  };
}

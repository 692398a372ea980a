/** Render a Composition to stereo PCM: instruments, a reverb for the room, level. */
import { filter } from "../dsp/biquad";
import { subSeed } from "../dsp/prng";
import { reverb } from "../dsp/reverb";
import type { Composition, NoteEvent } from "./compose-score";
import { addBell, addPiano, addPluck, addSample, addTone, drumKit, type Stereo } from "./instruments";
import { midiToHz } from "./theory";

function renderNote(out: Stereo, sampleRate: number, e: NoteEvent, seed: number): void {
  const freq = midiToHz(e.midi);
  const v = e.velocity;
  switch (e.kind) {
    case "pad":
      addTone(out, sampleRate, { start: e.start, dur: e.dur, freq, table: "pad", attack: 0.9, decay: 0.5, sustain: 0.85, release: 1.4, gain: v * 0.16, pan: e.pan, spread: 7, vibrato: 0.002 });
      break;
    case "strings":
      addTone(out, sampleRate, { start: e.start, dur: e.dur, freq, table: "strings", attack: 0.6, decay: 0.4, sustain: 0.9, release: 1.0, gain: v * 0.13, pan: e.pan, spread: 9, vibrato: 0.004 });
      break;
    case "organ":
      addTone(out, sampleRate, { start: e.start, dur: e.dur, freq, table: "organ", attack: 0.05, decay: 0.1, sustain: 0.9, release: 0.3, gain: v * 0.12, pan: e.pan, spread: 3 });
      break;
    case "brass":
      addTone(out, sampleRate, { start: e.start, dur: e.dur, freq, table: "brass", attack: 0.25, decay: 0.6, sustain: 0.75, release: 0.5, gain: v * 0.16, pan: e.pan, spread: 5, vibrato: 0.003 });
      break;
    case "synth":
      addTone(out, sampleRate, e.role === "chord"
        ? { start: e.start, dur: e.dur, freq, table: "synth", attack: 0.4, decay: 0.6, sustain: 0.6, release: 0.8, gain: v * 0.09, pan: e.pan, spread: 12 }
        : { start: e.start, dur: e.dur, freq, table: "square", attack: 0.005, decay: 0.15, sustain: 0.3, release: 0.15, gain: v * 0.12, pan: e.pan, spread: 6 });
      break;
    case "lead":
      addTone(out, sampleRate, { start: e.start, dur: e.dur, freq, table: "flute", attack: 0.06, decay: 0.2, sustain: 0.8, release: 0.2, gain: v * 0.2, pan: e.pan, vibrato: 0.006, spread: 2 });
      break;
    case "bass":
      addTone(out, sampleRate, { start: e.start, dur: e.dur, freq, table: "bass", attack: 0.01, decay: 0.3, sustain: 0.7, release: 0.15, gain: v * 0.3, pan: 0 });
      break;
    case "piano":
      addPiano(out, sampleRate, e.start, e.dur, freq, v * 0.3, e.pan);
      break;
    case "pluck":
      addPluck(out, sampleRate, e.start, e.dur, freq, v * 0.35, e.pan, seed);
      break;
    case "bell":
      addBell(out, sampleRate, e.start, freq, v * 0.16, e.pan);
      break;
    case "drums":
      break;
  }
}

/** One drum kit per sample rate, made once per process: every scene plays the same kit, like a sampled one. */
const DRUM_KIT_SEED = 0x5eedd4;
const kits = new Map<number, ReturnType<typeof drumKit>>();
function sharedKit(sampleRate: number): ReturnType<typeof drumKit> {
  let kit = kits.get(sampleRate);
  if (!kit) kits.set(sampleRate, (kit = drumKit(sampleRate, DRUM_KIT_SEED)));
  return kit;
}

export function renderScore(composition: Composition, length: number, sampleRate: number, seed: number): Stereo {
  const dry: Stereo = { L: new Float32Array(length), R: new Float32Array(length) };
  const drums: Stereo = { L: new Float32Array(length), R: new Float32Array(length) };
  const kit = composition.events.some((e) => e.drum) ? sharedKit(sampleRate) : undefined;
  composition.events.forEach((e, i) => {
    if (e.drum && kit) {
      const gain = { kick: 0.55, snare: 0.3, hat: 0.12, tom: 0.4, boom: 0.5 }[e.drum] * e.velocity;
      addSample(e.drum === "boom" ? dry : drums, kit[e.drum], Math.round(e.start * sampleRate), gain, e.pan);
    } else renderNote(dry, sampleRate, e, subSeed(seed, 100 + i));
  });
  // Keep the low end clean under dialogue.
  filter(dry.L, "highpass", 45, sampleRate);
  filter(dry.R, "highpass", 45, sampleRate);
  const wet = reverb(dry.L, dry.R, sampleRate, composition.space, 0.35);
  const wetGain = 0.32 + 0.25 * composition.space;
  for (let i = 0; i < length; i++) {
    dry.L[i] += wet.L[i] * wetGain + drums.L[i];
    dry.R[i] += wet.R[i] * wetGain + drums.R[i];
  }
  return dry;
}

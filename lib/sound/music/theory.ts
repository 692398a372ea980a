/** Keys, scales, chords and progressions: pure music theory for the built-in score. */
import type { Music } from "../../screenplay/schema";
import type { Rng } from "../dsp/prng";

const PITCH_CLASS: Record<Music["key"], number> = { C: 0, "C#": 1, D: 2, Eb: 3, E: 4, F: 5, "F#": 6, G: 7, Ab: 8, A: 9, Bb: 10, B: 11 };
const MAJOR = [0, 2, 4, 5, 7, 9, 11];
const MINOR = [0, 2, 3, 5, 7, 8, 10];

export function midiToHz(midi: number): number {
  return 440 * Math.pow(2, (midi - 69) / 12);
}

export interface Scale {
  /** MIDI note of the tonic in octave 3 (48..59). */
  tonic: number;
  steps: number[];
}

export function scaleOf(music: Pick<Music, "key" | "mode">): Scale {
  return { tonic: 48 + PITCH_CLASS[music.key], steps: music.mode === "major" ? MAJOR : MINOR };
}

/** MIDI note of scale degree `degree` (0-based, may exceed 6 or be negative). */
export function degreeNote(scale: Scale, degree: number): number {
  const octave = Math.floor(degree / 7);
  const d = ((degree % 7) + 7) % 7;
  return scale.tonic + 12 * octave + scale.steps[d];
}

/** A chord: its root degree and the MIDI notes of a close voicing around middle C. */
export interface Chord {
  degree: number;
  notes: number[];
  bass: number;
}

export function chordOf(scale: Scale, degree: number, seventh = false): Chord {
  const degrees = seventh ? [degree, degree + 2, degree + 4, degree + 6] : [degree, degree + 2, degree + 4];
  // Voice the chord in 55..72 so the pad stays in one register (smooth voice leading).
  const notes = degrees.map((d) => {
    let n = degreeNote(scale, d);
    while (n < 55) n += 12;
    while (n > 70) n -= 12;
    return n;
  });
  notes.sort((a, b) => a - b);
  let bass = degreeNote(scale, degree) - 12;
  while (bass > 47) bass -= 12;
  while (bass < 36) bass += 12;
  return { degree, notes, bass };
}

const MAJOR_PROGRESSIONS = [
  [0, 4, 5, 3], // I V vi IV
  [0, 5, 3, 4], // I vi IV V
  [3, 0, 4, 5], // IV I V vi
  [0, 3, 5, 4], // I IV vi V
  [5, 3, 0, 4], // vi IV I V
];
const MINOR_PROGRESSIONS = [
  [0, 5, 2, 6], // i VI III VII
  [0, 3, 5, 4], // i iv VI v
  [0, 6, 5, 6], // i VII VI VII
  [0, 5, 3, 4], // i VI iv v
  [0, 3, 0, 4], // i iv i v (tense)
];

export function pickProgression(mode: Music["mode"], mood: string, rng: Rng): number[] {
  const list = mode === "major" ? MAJOR_PROGRESSIONS : MINOR_PROGRESSIONS;
  const tense = /tens|suspens|dread|fear|dark|menac|ominous|danger|threat/i.test(mood);
  if (tense && mode === "minor") return list[4];
  return list[Math.floor(rng() * list.length) % list.length];
}

/**
 * Composition for the built-in score, pure: SoundSpec -> note events. A chord progression in the
 * scene's key and mode, a pad or chord instrument, an arpeggio, a two-bar motif that comes back (kept
 * out of the way of dialogue), bass and drums by intensity, and hits on the cuts.
 */
import type { SoundSpec } from "../../plan/specs";
import { createRng, subSeed } from "../dsp/prng";
import { chordOf, degreeNote, pickProgression, scaleOf, type Chord } from "./theory";

export type InstrumentKind = "pad" | "strings" | "organ" | "piano" | "pluck" | "synth" | "brass" | "drums" | "bass" | "lead" | "bell";

export function instrumentKind(name: string): InstrumentKind {
  const n = name.toLowerCase();
  if (/drum|percussion|timpani|taiko|\bbeats?\b|snare|cymbal/.test(n)) return "drums";
  if (/bass(?!oon)|contrabass|808/.test(n)) return "bass";
  if (/string|violin|viola|cello|orchestra|ensemble/.test(n)) return "strings";
  if (/organ|harmonium|accordion/.test(n)) return "organ";
  if (/piano|keys|rhodes|harpsichord|keyboard/.test(n)) return "piano";
  if (/guitar|pluck|harp|banjo|mandolin|\blute|koto|ukulele|sitar|\boud\b/.test(n)) return "pluck";
  if (/bell|celesta|glock|marimba|vibraphone|music ?box|xylophone|chime/.test(n)) return "bell";
  if (/brass|horn|trumpet|trombone|tuba/.test(n)) return "brass";
  if (/flute|whistle|clarinet|oboe|sax|bassoon|recorder|pipe|voice|choir|vocal/.test(n)) return "lead";
  if (/synth|electro|arp|chip|retro|modular|analog/.test(n)) return "synth";
  return "pad";
}

export interface NoteEvent {
  kind: InstrumentKind;
  role: "chord" | "arp" | "melody" | "bass" | "drum" | "hit" | "swell";
  midi: number;
  start: number;
  dur: number;
  velocity: number;
  pan: number;
  drum?: "kick" | "snare" | "hat" | "tom" | "boom";
}

export interface Composition {
  events: NoteEvent[];
  beatSec: number;
  /** Reverb size 0..1 for the mood. */
  space: number;
}

const RHYTHMS = [
  [1, 1, 2],
  [0.5, 0.5, 1, 2],
  [1.5, 0.5, 1, 1],
  [2, 1, 1],
  [1, 0.5, 0.5, 1, 1],
  [3, 1],
];

function firstOf(kinds: InstrumentKind[], prefer: InstrumentKind[]): InstrumentKind | undefined {
  return prefer.find((k) => kinds.includes(k));
}

function overlapsSpeech(spec: SoundSpec, start: number, end: number): boolean {
  return spec.speech.some((s) => start < s.end + 0.15 && end > s.start - 0.15);
}

export function composeScore(spec: SoundSpec): Composition {
  const rng = createRng(subSeed(spec.seed, 1));
  const scale = scaleOf(spec.music);
  const intensity = Math.max(0, Math.min(1, spec.intensity));
  const beat = 60 / spec.music.tempo;
  const bar = beat * 4;
  const chordBars = spec.music.tempo >= 110 ? 2 : 1;
  const progression = pickProgression(spec.music.mode, spec.mood, rng);
  const sevenths = /romant|tender|jazz|warm|melanchol|wistful|noir|love|dream/i.test(spec.mood);
  const kinds = [...new Set(spec.music.instruments.map(instrumentKind))];
  const events: NoteEvent[] = [];
  const duration = spec.durationSec;
  const bars = Math.ceil(duration / bar) + 1;

  const chordKind = firstOf(kinds, ["pad", "strings", "organ", "brass", "synth", "piano", "pluck", "bell", "lead"]) ?? "pad";
  const arpKind = firstOf(kinds.filter((k) => k !== chordKind || kinds.length === 1), ["pluck", "piano", "synth", "bell"]);
  const melodyKind = firstOf(kinds, ["lead", "bell", "piano", "synth", "pluck", "strings", "brass"]);
  const hasDrums = kinds.includes("drums");
  const hasBass = kinds.includes("bass");
  const hasBrass = kinds.includes("brass");

  const chords: Chord[] = [];
  for (let b = 0; b < bars; b++) {
    const lastBar = (b + 1) * bar >= duration;
    const degree = lastBar && b > 0 ? 0 : progression[Math.floor(b / chordBars) % progression.length];
    chords.push(chordOf(scale, degree, sevenths));
  }

  // Chords: sustained for pads/strings/organ/brass; struck for keys/plucks.
  const sustained = ["pad", "strings", "organ", "brass", "synth", "lead"].includes(chordKind);
  for (let b = 0; b < bars; b++) {
    if (b % chordBars !== 0) continue;
    const chord = chords[b];
    const start = b * bar;
    const len = bar * chordBars;
    chord.notes.forEach((midi, i) => {
      const pan = (i - (chord.notes.length - 1) / 2) * 0.35;
      if (sustained) events.push({ kind: chordKind, role: "chord", midi, start, dur: len, velocity: 0.5 + 0.2 * intensity, pan });
      else for (let k = 0; k < len / (beat * 2); k++) events.push({ kind: chordKind, role: "chord", midi, start: start + k * beat * 2, dur: beat * 2, velocity: 0.35 + 0.2 * intensity, pan });
    });
  }

  // Arpeggio: density follows intensity.
  if (arpKind && intensity >= 0.15) {
    const step = intensity < 0.35 ? beat : intensity < 0.75 || arpKind !== "synth" ? beat / 2 : beat / 4;
    const pattern = [[0, 1, 2, 3], [0, 2, 1, 3], [0, 1, 2, 3, 2, 1], [0, 3, 1, 2]][Math.floor(rng() * 4) % 4];
    for (let b = 0; b < bars; b++) {
      const chord = chords[b];
      const tones = [...chord.notes, chord.notes[0] + 12];
      const count = Math.round(bar / step);
      for (let k = 0; k < count; k++) {
        const midi = tones[pattern[k % pattern.length] % tones.length] + (arpKind === "bell" ? 12 : 0);
        const start = b * bar + k * step;
        const accent = k % 4 === 0 ? 1 : 0.75;
        events.push({ kind: arpKind, role: "arp", midi, start, dur: step * 1.5, velocity: (0.3 + 0.3 * intensity) * accent, pan: arpKind === "pluck" ? 0.35 : -0.3 });
      }
    }
  }

  // Melody: a two-bar motif, stated and answered in alternate phrases, never over dialogue.
  if (melodyKind && intensity >= 0.25) {
    const motif = [RHYTHMS[Math.floor(rng() * RHYTHMS.length) % RHYTHMS.length], RHYTHMS[Math.floor(rng() * RHYTHMS.length) % RHYTHMS.length]];
    const shape: number[] = [];
    let d = 0;
    for (let i = 0; i < 12; i++) {
      shape.push(d);
      d += [-2, -1, -1, 1, 1, 2, 0][Math.floor(rng() * 7) % 7];
      d = Math.max(-3, Math.min(5, d));
    }
    for (let phrase = 0; phrase * 2 < bars; phrase++) {
      if (phrase % 2 === 1 && intensity < 0.6) continue; // leave air between statements
      let noteIndex = 0;
      for (let half = 0; half < 2; half++) {
        const b = phrase * 2 + half;
        if (b >= bars) break;
        const chord = chords[b];
        let t = b * bar;
        for (const len of motif[half]) {
          const strong = Math.abs((t / beat) % 2) < 1e-6;
          let degree = chord.degree + 7 + shape[noteIndex % shape.length] + (phrase % 4 === 2 ? 2 : 0);
          if (strong) {
            // Land on the nearest chord tone.
            const tones = [chord.degree, chord.degree + 2, chord.degree + 4].map((x) => x + 7);
            degree = tones.reduce((best, x) => (Math.abs(x - degree) < Math.abs(best - degree) ? x : best), tones[0]);
          }
          let midi = degreeNote(scale, degree);
          while (midi < 67) midi += 12;
          while (midi > 86) midi -= 12;
          const dur = len * beat;
          if (!overlapsSpeech(spec, t, t + dur) && t < duration) {
            events.push({ kind: melodyKind, role: "melody", midi, start: t, dur: dur * 0.95, velocity: 0.55 + 0.25 * intensity, pan: 0.1 });
          }
          t += dur;
          noteIndex++;
        }
      }
    }
  }

  // Bass.
  if (hasBass || intensity >= 0.45) {
    for (let b = 0; b < bars; b++) {
      const root = chords[b].bass;
      const hits = intensity > 0.65 ? [0, 1.5, 2, 3] : intensity > 0.45 ? [0, 2] : [0];
      for (const h of hits) events.push({ kind: "bass", role: "bass", midi: root, start: b * bar + h * beat, dur: beat * (h === 0 ? 1.8 : 0.9), velocity: 0.7, pan: 0 });
    }
  }

  // Drums.
  if (hasDrums) {
    for (let b = 0; b < bars; b++) {
      const t = b * bar;
      if (intensity < 0.4) {
        events.push({ kind: "drums", role: "drum", drum: "tom", midi: 0, start: t, dur: 0.5, velocity: 0.5, pan: -0.1 });
        continue;
      }
      const kicks = intensity > 0.75 ? [0, 1.5, 2, 2.5] : [0, 2];
      for (const k of kicks) events.push({ kind: "drums", role: "drum", drum: "kick", midi: 0, start: t + k * beat, dur: 0.4, velocity: 0.9, pan: 0 });
      for (const s of [1, 3]) events.push({ kind: "drums", role: "drum", drum: "snare", midi: 0, start: t + s * beat, dur: 0.3, velocity: 0.45 + 0.35 * intensity, pan: 0.05 });
      const hatStep = intensity > 0.75 ? 0.25 : 0.5;
      for (let h = 0; h < 4; h += hatStep) events.push({ kind: "drums", role: "drum", drum: "hat", midi: 0, start: t + h * beat, dur: 0.1, velocity: (h % 1 === 0 ? 0.45 : 0.28) * (0.6 + 0.4 * intensity), pan: 0.3 });
    }
  }

  // Brass swells on chord changes when the scene pushes.
  if (hasBrass && chordKind !== "brass" && intensity >= 0.5) {
    for (let b = 0; b < bars; b += chordBars * 2) {
      const chord = chords[b];
      for (const midi of [chord.bass + 12, chord.bass + 19]) events.push({ kind: "brass", role: "swell", midi, start: b * bar, dur: bar * chordBars, velocity: 0.45 * intensity, pan: -0.15 });
    }
  }

  // Cuts: a low boom when the scene pushes, a soft bell note otherwise.
  for (const cut of spec.shotStarts) {
    if (cut <= 0.05 || cut >= duration - 0.2) continue;
    if (intensity >= 0.55) events.push({ kind: "drums", role: "hit", drum: "boom", midi: 0, start: cut, dur: 2, velocity: 0.5 + 0.5 * intensity, pan: 0 });
    else if (!overlapsSpeech(spec, cut, cut + 0.8)) {
      const chord = chords[Math.min(chords.length - 1, Math.floor(cut / bar))];
      events.push({ kind: "bell", role: "hit", midi: chord.notes[chord.notes.length - 1] + 12, start: cut, dur: 1, velocity: 0.25, pan: 0.2 });
    }
  }

  events.sort((a, b) => a.start - b.start || a.midi - b.midi);
  const space = /lonel|vast|epic|myster|dream|sad|awe|ethereal|haunt|melanch/i.test(spec.mood) ? 0.85 : 0.55;
  return { events: events.filter((e) => e.start < duration), beatSec: beat, space };
}

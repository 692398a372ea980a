import { BUILT_IN_VOICES } from "../speech/voices";
import type { Identity } from "../screenplay/schema";
import type { Gender, Voice } from "./types";

/** Two voices are told apart when the base voice differs, or pitch is >= 3 semitones apart, or rate differs by >= 0.12. */
export function voicesDiffer(a: Voice, b: Voice): boolean {
  return a.voiceId !== b.voiceId || Math.abs(a.pitch - b.pitch) >= 3 || Math.abs(a.rate - b.rate) >= 0.12 || a.timbre !== b.timbre;
}

function preferred(gender: Gender, age: number | undefined): { pitch: number; rate: number } {
  const a = age ?? 35;
  if (a < 13) return { pitch: gender === "male" ? 5 : 4, rate: 1.15 };
  if (a < 20) return { pitch: 2, rate: 1.1 };
  if (a < 30) return { pitch: 1, rate: 1.05 };
  if (a < 50) return { pitch: 0, rate: 1 };
  if (a < 65) return { pitch: -2, rate: 0.92 };
  return { pitch: -3, rate: 0.85 };
}

/**
 * Cast a locked voice for a character: a built-in voice that fits gender and age (older: lower and
 * slower; younger: higher and faster), moved in pitch or rate until it differs from every voice already
 * cast. Deterministic: the same cast in the same order gives the same voices.
 */
/** A robot's voice is its cast voice with the robot timbre. */
export function voiceFor(voice: Voice, identity: { body?: Identity["body"] }): Voice {
  return identity.body === "robot" ? { ...voice, timbre: "robot" } : voice;
}

export function castVoice(gender: Gender, age: number | undefined, taken: Voice[], seed: number): Voice {
  const pref = preferred(gender, age);
  const male = BUILT_IN_VOICES.filter((v) => v.gender === "male").map((v) => v.id);
  const female = BUILT_IN_VOICES.filter((v) => v.gender === "female").map((v) => v.id);
  const rotate = (ids: string[]) => ids.map((_, i) => ids[(i + seed) % ids.length]);
  const own = gender === "female" ? female : gender === "male" ? rotate(male) : rotate([...female, ...male]);
  const other = gender === "female" ? male : gender === "male" ? female : [];
  let best: { voice: Voice; cost: number } | undefined;
  const rates = [0, 0.12, -0.12, 0.24, -0.24, 0.36, -0.36];
  for (const [group, penalty] of [[own, 0], [other, 40]] as const) {
    group.forEach((voiceId, vi) => {
      for (let dp = -9; dp <= 9; dp++) {
        for (const dr of rates) {
          const pitch = Math.max(-12, Math.min(12, pref.pitch + dp));
          const rate = Math.round(Math.max(0.5, Math.min(2, pref.rate + dr)) * 100) / 100;
          const voice = { voiceId, pitch, rate };
          if (!taken.every((t) => voicesDiffer(t, voice))) continue;
          // Pitch far from natural sounds odd; other-gender base voices only as a last resort.
          const cost = penalty + vi * 0.5 + Math.abs(dp) * 1 + Math.abs(dr) * 12 + (other.includes(voiceId) && Math.abs(pitch) < 4 ? 10 : 0);
          if (!best || cost < best.cost) best = { voice, cost };
        }
      }
    });
  }
  return best?.voice ?? { voiceId: own[0], pitch: pref.pitch, rate: pref.rate };
}

/**
 * The built-in voices (Flite, offline). A character's locked voice is one of these plus a pitch shift
 * (semitones) and a rate, so a handful of base voices give many distinct characters.
 */
export interface BuiltInVoice {
  id: string;
  /** Flite's own name for the voice. */
  flite: string;
  gender: "female" | "male";
  /** Typical speaking pitch of the base voice, Hz. */
  baseF0: number;
  accent: string;
}

export const BUILT_IN_VOICES: readonly BuiltInVoice[] = [
  { id: "flite/slt", flite: "slt", gender: "female", baseF0: 175, accent: "American" },
  { id: "flite/rms", flite: "rms", gender: "male", baseF0: 105, accent: "American" },
  { id: "flite/awb", flite: "awb", gender: "male", baseF0: 115, accent: "Scottish" },
  { id: "flite/kal16", flite: "kal16", gender: "male", baseF0: 110, accent: "American (diphone)" },
];

export function builtInVoice(id: string): BuiltInVoice | undefined {
  return BUILT_IN_VOICES.find((v) => v.id === id);
}

import { LIMITS } from "../screenplay/limits";
import { buildIdentity } from "./build-identity";
import { castVoice, voiceFor } from "./cast-voices";
import { registerFor } from "./dialogue-bank";
import type { CharacterSketch } from "./find-characters";
import type { GenreProfile } from "./genres";
import { FEMALE_NAMES, MALE_NAMES } from "./lexicon";
import { createRng } from "./prng";
import type { Character, Role, Voice } from "./types";

const SURNAMES = ["Vale", "Okafor", "Reyes", "Hart", "Kowalski", "Lindqvist", "Moreau", "Tanaka", "Brandt", "Quinn", "Castillo", "Mercer", "Novak", "Achebe", "Sato", "Dunmore", "Holloway", "Park", "Ferreira", "Blackwood"];

export function slugId(name: string, taken: Set<string>, fallback: string): string {
  const base = name.normalize("NFKD").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 40) || fallback;
  let id = /^[a-z0-9]/.test(base) ? base : `c-${base}`;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

/** "an" before a vowel sound: "an old", "an 8-year-old", "an 11-year-old", "an 80-year-old". */
const an = (word: string) => (/^[aeiou]/i.test(word) || /^(8|11|18)(?!\d\d)/.test(word) ? "an" : "a");

function personWord(s: CharacterSketch): string {
  const child = s.age !== undefined && s.age < 13;
  if (s.gender === "female") return child ? "girl" : "woman";
  if (s.gender === "male") return child ? "boy" : "man";
  return child ? "child" : "person";
}

export function describeSketch(s: CharacterSketch): string {
  if (s.animal) {
    const text = [...s.traits.slice(0, 3), s.talks ? "talking" : "", s.animalWord ?? s.animal].filter(Boolean).join(" ");
    return `${an(text)} ${text}`.slice(0, 400);
  }
  const bits: string[] = [];
  // The age says "old" or "young" already: "a 63-year-old lighthouse keeper", not "63-year-old old".
  const ageWords = s.age ? /^(old|young|elderly|aging|ageing|youthful)$/ : /^$/;
  const who = [...s.traits.filter((t) => t !== s.job && !ageWords.test(t)).slice(0, 3), s.job ?? personWord(s)].join(" ");
  bits.push(`${s.age ? `${s.age}-year-old ` : ""}${who}`);
  if (s.hairStyle || s.hairColorWord) bits.push(`${s.hairColorWord ? `${s.hairColorWord} ` : ""}${s.hairStyle === "bald" ? "bald head" : s.hairStyle === "braid" ? "braid" : s.hairStyle === "curly" ? "curls" : `${s.hairStyle ?? ""} hair`}`.trim());
  if (s.marks.length) bits.push(s.marks.join(", "));
  if (s.wardrobe.length) bits.push(s.wardrobe.join(", "));
  const text = bits.join("; ");
  return `${an(text)} ${text}`.slice(0, 400);
}

/** Pick a name nobody in the cast has, from the seeded pools. */
function inventName(gender: "female" | "male", taken: Set<string>, rng: ReturnType<typeof createRng>): string {
  const pool = [...(gender === "female" ? FEMALE_NAMES : MALE_NAMES)].filter((n) => n.length > 2 && !n.includes("-"));
  for (let i = 0; i < 50; i++) {
    const first = rng.pick(pool);
    const name = `${first[0].toUpperCase()}${first.slice(1)}${rng.chance(0.5) ? ` ${rng.pick(SURNAMES)}` : ""}`;
    if (![...taken].some((t) => t.split(" ")[0] === name.split(" ")[0].toLowerCase())) {
      taken.add(name.toLowerCase());
      return name;
    }
  }
  return `Stranger ${taken.size}`;
}

export interface Cast {
  characters: Character[];
  notes: string[];
}

/**
 * The cast: everyone the idea named (with what it said about them), a protagonist, and invented people
 * where the story needs them (someone to talk to, someone in the way). Identities and voices locked.
 */
export function buildCast(sketches: CharacterSketch[], genre: GenreProfile, seedText: string): Cast {
  const rng = createRng("cast", seedText);
  const notes: string[] = [];
  let named = sketches.slice();
  if (named.length > LIMITS.maxCharacters - 2) {
    notes.push(`The idea names ${named.length} people; the film keeps the first ${LIMITS.maxCharacters - 2}.`);
    named = named.slice(0, LIMITS.maxCharacters - 2);
  }
  const entries: { sketch: CharacterSketch; role: Role; invented: boolean }[] = [];
  const heroIndex = Math.max(0, named.findIndex((s) => s.role !== "antagonist"));
  named.forEach((s, i) => entries.push({ sketch: s, role: i === heroIndex ? "protagonist" : s.role && s.role !== "protagonist" ? s.role : "supporting", invented: false }));
  const takenNames = new Set(named.map((s) => s.name.toLowerCase()));
  const invent = (role: Role) => {
    const template = genre.cast.find((c) => c.role === role) ?? genre.cast.find((c) => c.role !== "protagonist" && c.role !== "antagonist") ?? genre.cast[0];
    const sketch: CharacterSketch = { name: inventName(template.gender, takenNames, rng), firstIndex: Infinity, mentions: 0, gender: template.gender, age: template.age, job: template.job, traits: template.traits.slice(), marks: [], wardrobe: [], role };
    entries.push({ sketch, role, invented: true });
    return sketch;
  };
  if (!named.length) {
    for (const template of genre.cast) invent(template.role);
    notes.push(`No one was named, so the writer cast ${entries.map((e) => `${e.sketch.name} (${e.sketch.job})`).join(", ")}.`);
  } else {
    const added: CharacterSketch[] = [];
    // In a romance the second person the idea names is the one the hero falls for; no stranger is needed.
    const second = entries.find((e, i) => i !== heroIndex && e.role === "supporting" && !e.sketch.animal);
    if (genre.id === "romance" && second && !entries.some((e) => e.role === "love-interest")) second.role = "love-interest";
    if (!entries.some((e) => e.role === "antagonist") && genre.id !== "drama" && genre.id !== "romance") added.push(invent("antagonist"));
    const company = genre.id === "romance" ? entries.some((e) => e.role === "love-interest") : entries.length >= 3 && entries.some((e) => ["ally", "mentor", "love-interest", "supporting"].includes(e.role));
    if (!company) added.push(invent(genre.id === "romance" ? "love-interest" : genre.cast.some((c) => c.role === "ally") ? "ally" : "mentor"));
    if (added.length) notes.push(`Added ${added.map((s) => `${s.name} (${s.job})`).join(" and ")} to the cast so ${named[heroIndex]?.name ?? "the hero"} has someone to face.`);
  }
  const ids = new Set<string>();
  const voices: Voice[] = [];
  const characters = entries.map(({ sketch, role }, i): Character => {
    const id = slugId(sketch.name, ids, `character-${i + 1}`);
    const gender = sketch.gender ?? "unspecified";
    const register = registerFor(sketch.traits, sketch.job ?? "", role, sketch.age);
    const identity = buildIdentity({ ...sketch, role }, genre, seedText);
    const voice = voiceFor(castVoice(gender, sketch.age, voices, createRng("voice", seedText, sketch.name).int(16)), identity);
    voices.push(voice);
    return {
      id,
      name: sketch.name.slice(0, 60),
      role,
      ...(sketch.age ? { age: sketch.age } : {}),
      gender,
      description: describeSketch(sketch),
      traits: [...sketch.traits, ...(sketch.job ? [sketch.job] : []), ...(sketch.talks ? ["talking"] : [])].slice(0, 12).map((t) => t.slice(0, 60)),
      speech: register.speech,
      identity,
      voice,
    };
  });
  return { characters, notes };
}

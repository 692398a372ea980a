/**
 * A Character from what the model wrote about them: the words come from the model; the id, the locked
 * identity (seed, colours) and the locked voice are filled by deterministic code, reusing the offline
 * engine's identity builder and voice casting.
 */
import { seedFrom } from "../../plan/keys";
import { LIMITS } from "../../screenplay/limits";
import type { Character, Voice } from "../../screenplay/schema";
import { slugId } from "../build-cast";
import { buildIdentity } from "../build-identity";
import { castVoice, voiceFor } from "../cast-voices";
import { saysAnimal, saysRobot, type CharacterSketch } from "../find-characters";
import { genreById } from "../genres";
import { COLOR_WORDS } from "../lexicon";
import { clipText } from "./clip-text";
import type { ModelCharacter } from "./level-schemas";

const SKIN_HEX: Record<string, string> = {
  "very-fair": "#f6e0d0",
  fair: "#f3d9c4",
  light: "#e9c3a0",
  medium: "#d8a77f",
  olive: "#c69c6d",
  tan: "#c68b62",
  brown: "#8a5637",
  "dark-brown": "#6b4028",
  deep: "#4b2c1c",
};
const EYE_HEX: Record<string, string> = {
  brown: "#5a3a22", dark: "#3b2a1a", black: "#2a1d14", blue: "#4a7ab0", green: "#4f7a3a", grey: "#7d8a90", gray: "#7d8a90", hazel: "#7a6a4a", amber: "#b07a2a",
};
const HEIGHT: Record<string, number> = { short: 0.93, average: 1, tall: 1.08 };

/** The hex of the first colour word in `text`, or undefined. */
export function colorFromWords(text: string | null | undefined, table: Record<string, string> = COLOR_WORDS): string | undefined {
  const words = (text ?? "").toLowerCase().split(/[^a-z]+/);
  if (words.includes("white") && words.includes("hair")) return table.white;
  for (const w of words) if (table[w]) return table[w];
  if (table !== COLOR_WORDS) return colorFromWords(text, COLOR_WORDS);
  return undefined;
}

export interface CastingContext {
  /** The genre words the premise gave (matched to the offline engine's genre profiles). */
  genre: string;
  /** Stable text the seeds come from (the film's title). */
  seedText: string;
  /** Ids already used (characters); the new id is added. */
  takenIds: Set<string>;
  /** Voices already cast; the new voice differs from each of them. */
  takenVoices: Voice[];
}

function genreIdFrom(words: string): string {
  const w = words.toLowerCase();
  for (const id of ["cyberpunk", "western", "noir", "heist", "mystery", "romance", "horror", "fantasy", "comedy", "thriller", "adventure", "action"]) if (w.includes(id)) return id;
  if (/sci-?fi|science fiction|space/.test(w)) return "scifi";
  return "drama";
}

export function buildCharacter(mc: ModelCharacter, ctx: CastingContext): Character {
  const name = clipText(mc.name, 60, "Someone");
  const id = slugId(name, ctx.takenIds, "character");
  const age = Number.isFinite(mc.age) ? Math.min(150, Math.max(1, Math.round(mc.age))) : undefined;
  const look = mc.look;
  const [top, bottom, accent] = look.wardrobeColors ?? [];
  const sketch: CharacterSketch = {
    name,
    firstIndex: 0,
    mentions: 1,
    gender: mc.gender === "unspecified" ? undefined : mc.gender,
    age,
    traits: mc.traits,
    role: mc.role,
    hairColor: colorFromWords(look.hairColor),
    hairStyle: look.hairStyle,
    build: look.build,
    height: age !== undefined && age < 13 ? 0.72 : HEIGHT[look.height],
    marks: [...new Set(look.marks)].slice(0, 6),
    wardrobe: look.wardrobe ? [clipText(look.wardrobe, 160)] : [],
    wardrobeColor: colorFromWords(top),
    headwear: look.headwear,
    robot: saysRobot(`${mc.description} ${mc.traits.join(" ")}`.toLowerCase()) || undefined,
  };
  const animal = saysAnimal(mc.description);
  if (animal) Object.assign(sketch, { animal, coat: colorFromWords(look.hairColor), height: undefined });
  const genre = genreById(genreIdFrom(ctx.seedText + " " + ctx.genre));
  const identity = buildIdentity(sketch, genre, ctx.seedText);
  identity.face.shape = look.faceShape;
  // An animal's coat is its "hair" colour, already in the sketch; a skin tone is a person's.
  if (!animal) identity.face.skin = SKIN_HEX[look.skinTone] ?? identity.face.skin;
  identity.eyes.color = colorFromWords(look.eyeColor, EYE_HEX) ?? identity.eyes.color;
  identity.wardrobe.bottom = colorFromWords(bottom) ?? identity.wardrobe.bottom;
  identity.wardrobe.accent = colorFromWords(accent) ?? identity.wardrobe.accent;
  identity.wardrobe.description = clipText(look.wardrobe || identity.wardrobe.description, 200, "everyday clothes");
  const voice = voiceFor(castVoice(mc.gender, age, ctx.takenVoices, seedFrom("voice", ctx.seedText, name)), identity);
  ctx.takenVoices.push(voice);
  return {
    id,
    name,
    role: mc.role,
    ...(age !== undefined ? { age } : {}),
    gender: mc.gender,
    description: clipText(mc.description, 400, name),
    traits: mc.traits.map((t) => clipText(t, 60, "")).filter(Boolean).slice(0, 12),
    speech: clipText(mc.speech, 200, "plainly"),
    identity,
    voice,
  };
}

/** Characters from the premise, capped at LIMITS.maxCharacters; names that repeat are merged. */
export function buildCast(models: readonly ModelCharacter[], genre: string, seedText: string): { characters: Character[]; notes: string[] } {
  const notes: string[] = [];
  const seen = new Set<string>();
  const unique = models.filter((m) => {
    const key = m.name.trim().toLowerCase();
    if (!key || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  if (unique.length > LIMITS.maxCharacters) notes.push(`The story had ${unique.length} characters; a film has at most ${LIMITS.maxCharacters}, so the first ${LIMITS.maxCharacters} were kept.`);
  const ctx: CastingContext = { genre, seedText, takenIds: new Set(), takenVoices: [] };
  return { characters: unique.slice(0, LIMITS.maxCharacters).map((m) => buildCharacter(m, ctx)), notes };
}

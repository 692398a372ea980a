/**
 * The screenplay: the one shape the chat, the writer, the planner, the jobs and the workers share.
 * Words follow DESIGN.md: Screenplay -> acts -> scenes -> shots -> lines; characters carry a locked
 * identity (how they look) and a locked voice (how they sound).
 */
import { z } from "zod";
import { LIMITS } from "./limits";

const hex = z.string().regex(/^#[0-9a-f]{6}$/i, "a colour as #rrggbb");
const id = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9-]*$/, "lower-case letters, digits and dashes");

export const FRAMINGS = [
  "extreme-wide",
  "wide",
  "full",
  "medium",
  "two-shot",
  "over-the-shoulder",
  "medium-close-up",
  "close-up",
  "extreme-close-up",
  "insert",
] as const;
export type Framing = (typeof FRAMINGS)[number];

export const CAMERA_MOVES = [
  "static",
  "push-in",
  "pull-out",
  "pan-left",
  "pan-right",
  "tilt-up",
  "tilt-down",
  "tracking",
  "crane-up",
  "crane-down",
  "handheld",
] as const;
export type CameraMove = (typeof CAMERA_MOVES)[number];

export const TIMES_OF_DAY = [
  "dawn",
  "morning",
  "midday",
  "afternoon",
  "golden-hour",
  "dusk",
  "blue-hour",
  "night",
] as const;
export type TimeOfDay = (typeof TIMES_OF_DAY)[number];

export const WEATHERS = ["clear", "cloudy", "rain", "storm", "snow", "fog", "wind", "dust"] as const;
export type Weather = (typeof WEATHERS)[number];

/** Place archetypes the built-in renderer and the ambience know how to make. */
export const LOCATION_KINDS = [
  "city-street",
  "market",
  "neon-alley",
  "rooftop",
  "ruins",
  "forest",
  "desert",
  "sea",
  "beach",
  "snowfield",
  "mountain",
  "field",
  "river",
  "village",
  "road",
  "house",
  "room",
  "bar",
  "office",
  "lab",
  "warehouse",
  "church",
  "castle",
  "cave",
  "station",
  "train",
  "spaceship",
  "space",
] as const;
export type LocationKind = (typeof LOCATION_KINDS)[number];

export const DELIVERIES = [
  "neutral",
  "whispered",
  "shouted",
  "sarcastic",
  "scared",
  "tender",
  "angry",
  "sad",
  "excited",
  "weary",
  "cold",
  "amused",
] as const;
export type Delivery = (typeof DELIVERIES)[number];

export const SOUND_CUE_KINDS = [
  "footsteps",
  "door",
  "thunder",
  "explosion",
  "engine",
  "gunshot",
  "horse",
  "wind-gust",
  "bell",
  "glass",
  "crowd",
  "splash",
  "alarm",
  "heartbeat",
  "whoosh",
  "impact",
  "bark",
  "meow",
  "neigh",
  "roar",
] as const;
export type SoundCueKind = (typeof SOUND_CUE_KINDS)[number];

export const PALETTES = [
  "natural",
  "noir",
  "cyberpunk",
  "western",
  "horror",
  "romance",
  "scifi",
  "eighties",
  "fantasy",
  "bleach",
] as const;
export type Palette = (typeof PALETTES)[number];

export const ASPECTS = ["16:9", "1.85", "2.39"] as const;
export type Aspect = (typeof ASPECTS)[number];

export const TRANSITIONS_IN = ["cut", "fade-from-black", "dissolve"] as const;
export const TRANSITIONS_OUT = ["cut", "fade-to-black"] as const;

export const HAIR_STYLES = [
  "short",
  "long",
  "braid",
  "bun",
  "ponytail",
  "curly",
  "buzz",
  "bald",
  "mohawk",
  "bob",
] as const;
export const FACE_SHAPES = ["oval", "round", "square", "long", "heart"] as const;
export const BUILDS = ["slight", "average", "athletic", "broad", "heavy"] as const;
export const HEADWEAR = ["none", "cowboy-hat", "cap", "fedora", "hood", "helmet", "crown", "beanie"] as const;
export const MARKS = [
  "scar",
  "glasses",
  "beard",
  "mustache",
  "eyepatch",
  "freckles",
  "tattoo",
  "earring",
  "wrinkles",
] as const;
export const GENDERS = ["female", "male", "nonbinary", "unspecified"] as const;
/** What a character is made of: a person, a robot (metal head, lit eyes, a grille for a mouth) or an animal. */
export const BODIES = ["human", "robot", "animal"] as const;
/** The animals the renderer draws (an animal character's `identity.species`). */
export const SPECIES = ["dog", "cat", "fox", "wolf", "horse", "mule", "dragon"] as const;
export const ROLES = ["protagonist", "antagonist", "ally", "mentor", "love-interest", "supporting", "minor"] as const;

/** The locked look of a character: every renderer draws the character from this and nothing else. */
export const IdentitySchema = z.object({
  seed: z.number().int().nonnegative(),
  face: z.object({ shape: z.enum(FACE_SHAPES), skin: hex }),
  eyes: z.object({ color: hex }),
  hair: z.object({ style: z.enum(HAIR_STYLES), color: hex }),
  build: z.enum(BUILDS),
  /** Relative height, 1 = average adult (an animal's eye height against an adult's: a cat is about 0.3). */
  height: z.number().min(0.25).max(1.3),
  wardrobe: z.object({
    description: z.string().max(200),
    top: hex,
    bottom: hex,
    accent: hex,
    headwear: z.enum(HEADWEAR),
  }),
  marks: z.array(z.enum(MARKS)).max(6),
  /**
   * Absent means human; for a robot, face.skin is its plating and eyes.color its eyes' light; for an
   * animal, face.skin is its coat, hair.color its mane, markings or wings, wardrobe.accent its collar or tack.
   */
  body: z.enum(BODIES).optional(),
  /** Which animal, for body "animal". */
  species: z.enum(SPECIES).optional(),
  /** A provider's reference image (asset key), where one has been made or uploaded. */
  referenceImage: z.string().max(128).optional(),
});
export type Identity = z.infer<typeof IdentitySchema>;

/** The locked voice of a character. `voiceId` names a provider voice ("flite/slt"). */
export const VoiceSchema = z.object({
  voiceId: z.string().min(1).max(64),
  /** Pitch shift in semitones from the base voice. */
  pitch: z.number().min(-12).max(12),
  /** Speaking rate, 1 = the base voice's natural rate. */
  rate: z.number().min(0.5).max(2),
  /** A robot's voice: level in pitch, with a metallic ring. Absent for a person. */
  timbre: z.enum(["robot"]).optional(),
});
export type Voice = z.infer<typeof VoiceSchema>;

export const CharacterSchema = z.object({
  id,
  name: z.string().min(1).max(60),
  role: z.enum(ROLES),
  age: z.number().int().min(1).max(150).optional(),
  gender: z.enum(GENDERS),
  description: z.string().max(400),
  traits: z.array(z.string().min(1).max(60)).max(12),
  /** How this character talks: the writer keeps every line in this register. */
  speech: z.string().max(200),
  identity: IdentitySchema,
  voice: VoiceSchema,
});
export type Character = z.infer<typeof CharacterSchema>;

export const LineSchema = z.object({
  id,
  speaker: id,
  text: z.string().min(1).max(LIMITS.maxLineChars),
  delivery: z.enum(DELIVERIES),
});
export type Line = z.infer<typeof LineSchema>;

export const SoundCueSchema = z.object({
  kind: z.enum(SOUND_CUE_KINDS),
  /** Where in the shot, as a share of its length (0 = start, 1 = end). */
  at: z.number().min(0).max(1),
  gain: z.number().min(0).max(2).default(1),
});
export type SoundCue = z.infer<typeof SoundCueSchema>;

/** Colour and lens choices; the film's style has them all, a shot or scene may override some. */
export const LookSchema = z.object({
  palette: z.enum(PALETTES),
  aspect: z.enum(ASPECTS),
  /** -1 (much darker) .. 1 (much brighter). */
  brightness: z.number().min(-1).max(1),
  /** 0.5 (flat) .. 2 (hard). */
  contrast: z.number().min(0.5).max(2),
  /** 0 (grey) .. 2 (vivid). */
  saturation: z.number().min(0).max(2),
  grain: z.number().min(0).max(1),
  vignette: z.number().min(0).max(1),
  anamorphic: z.boolean(),
  blackAndWhite: z.boolean(),
});
export type Look = z.infer<typeof LookSchema>;
export const GradeSchema = LookSchema.omit({ aspect: true }).partial();
export type Grade = z.infer<typeof GradeSchema>;

export const MusicSchema = z.object({
  key: z.enum(["C", "C#", "D", "Eb", "E", "F", "F#", "G", "Ab", "A", "Bb", "B"]),
  mode: z.enum(["major", "minor"]),
  tempo: z.number().int().min(40).max(200),
  instruments: z.array(z.string().min(1).max(30)).min(1).max(6),
});
export type Music = z.infer<typeof MusicSchema>;

export const StyleSchema = z.object({
  genre: z.string().min(1).max(40),
  tone: z.string().min(1).max(60),
  references: z.array(z.string().min(1).max(80)).max(8),
  look: LookSchema,
  music: MusicSchema,
});
export type Style = z.infer<typeof StyleSchema>;

export const ShotSchema = z.object({
  id,
  framing: z.enum(FRAMINGS),
  camera: z.object({
    move: z.enum(CAMERA_MOVES),
    /** Focal length in mm (full-frame equivalent). */
    lens: z.number().int().min(12).max(300),
  }),
  action: z.string().min(1).max(400),
  /** Ids of the characters in frame. */
  characters: z.array(id).max(8),
  lines: z.array(LineSchema).max(LIMITS.maxLinesPerShot),
  sound: z.array(SoundCueSchema).max(8),
  grade: GradeSchema.optional(),
  transitionIn: z.enum(TRANSITIONS_IN).default("cut"),
  transitionOut: z.enum(TRANSITIONS_OUT).default("cut"),
  /** Planned length in seconds; the planner lengthens a shot whose lines need more. */
  duration: z.number().min(LIMITS.minShotSeconds).max(LIMITS.maxShotSeconds),
  /** Take number: a regeneration bumps it, which changes the seed and nothing else. */
  take: z.number().int().min(1).max(1000).default(1),
  /** Starts from the last frame of the shot before it (scene chain). */
  continues: z.boolean().default(false),
});
export type Shot = z.infer<typeof ShotSchema>;

export const SceneSchema = z.object({
  id,
  heading: z.string().min(1).max(120),
  location: z.object({
    name: z.string().min(1).max(80),
    kind: z.enum(LOCATION_KINDS),
    interior: z.boolean(),
  }),
  timeOfDay: z.enum(TIMES_OF_DAY),
  weather: z.enum(WEATHERS),
  mood: z.string().min(1).max(40),
  /** What happens and how the scene turns. */
  summary: z.string().min(1).max(600),
  /** The beat this scene plays (catalyst, midpoint, finale...). */
  beat: z.string().max(40).optional(),
  grade: GradeSchema.optional(),
  shots: z.array(ShotSchema).min(1).max(LIMITS.maxShotsPerScene),
});
export type Scene = z.infer<typeof SceneSchema>;

export const ActSchema = z.object({
  id,
  title: z.string().min(1).max(80),
  summary: z.string().max(600),
  scenes: z.array(SceneSchema).min(1),
});
export type Act = z.infer<typeof ActSchema>;

export const ScreenplaySchema = z
  .object({
    version: z.literal(1),
    title: z.string().min(1).max(120),
    logline: z.string().min(1).max(400),
    language: z.string().min(2).max(12),
    targetDurationSeconds: z.number().min(LIMITS.minFilmSeconds).max(LIMITS.maxFilmSeconds),
    style: StyleSchema,
    characters: z.array(CharacterSchema).min(1).max(LIMITS.maxCharacters),
    acts: z.array(ActSchema).min(1).max(LIMITS.maxActs),
    /** What the writer wants the person to know (limits applied, language, guesses made). */
    notes: z.array(z.string().max(400)).max(20).default([]),
  })
  .superRefine((sp, ctx) => {
    const charIds = new Set<string>();
    sp.characters.forEach((c, i) => {
      if (charIds.has(c.id)) ctx.addIssue({ code: "custom", path: ["characters", i, "id"], message: `duplicate character id "${c.id}"` });
      charIds.add(c.id);
    });
    const seen = new Set<string>();
    const unique = (value: string, path: (string | number)[]) => {
      if (seen.has(value)) ctx.addIssue({ code: "custom", path, message: `duplicate id "${value}"` });
      seen.add(value);
    };
    let shots = 0;
    sp.acts.forEach((act, a) => {
      unique(act.id, ["acts", a, "id"]);
      act.scenes.forEach((scene, s) => {
        unique(scene.id, ["acts", a, "scenes", s, "id"]);
        scene.shots.forEach((shot, h) => {
          shots++;
          const at = ["acts", a, "scenes", s, "shots", h];
          unique(shot.id, [...at, "id"]);
          shot.characters.forEach((c, k) => {
            if (!charIds.has(c)) ctx.addIssue({ code: "custom", path: [...at, "characters", k], message: `no character "${c}"` });
          });
          shot.lines.forEach((line, l) => {
            unique(line.id, [...at, "lines", l, "id"]);
            if (!charIds.has(line.speaker))
              ctx.addIssue({ code: "custom", path: [...at, "lines", l, "speaker"], message: `line given to "${line.speaker}", who is not a character` });
          });
        });
      });
    });
    if (shots > LIMITS.maxShots) ctx.addIssue({ code: "custom", path: ["acts"], message: `${shots} shots; the limit is ${LIMITS.maxShots}` });
  });
export type Screenplay = z.infer<typeof ScreenplaySchema>;
export type ScreenplayInput = z.input<typeof ScreenplaySchema>;

/**
 * The model-facing schemas, one per level of writing. They are simple on purpose: story content only
 * (names, words, choices from short lists), every field required (null where there is nothing to say),
 * no ids, seeds or colours as hex: deterministic code fills those. Lengths are not constrained here
 * (code trims); counts and references are checked per level and fed back to the model when wrong.
 */
import { z } from "zod";
import {
  BUILDS, CAMERA_MOVES, DELIVERIES, FACE_SHAPES, FRAMINGS, GENDERS, HAIR_STYLES, HEADWEAR, LOCATION_KINDS, MARKS, PALETTES, ROLES,
  SOUND_CUE_KINDS, TIMES_OF_DAY, WEATHERS,
} from "../../screenplay/schema";

export const SKIN_TONES = ["very-fair", "fair", "light", "medium", "olive", "tan", "brown", "dark-brown", "deep"] as const;
export const HEIGHTS = ["short", "average", "tall"] as const;
export const MUSIC_KEYS = ["C", "C#", "D", "Eb", "E", "F", "F#", "G", "Ab", "A", "Bb", "B"] as const;

export const ModelLookSchema = z.object({
  faceShape: z.enum(FACE_SHAPES),
  skinTone: z.enum(SKIN_TONES),
  eyeColor: z.string().describe("one colour word: brown, blue, green, grey, hazel, amber"),
  hairStyle: z.enum(HAIR_STYLES),
  hairColor: z.string().describe("one or two colour words: grey, black, red, blonde, auburn"),
  build: z.enum(BUILDS),
  height: z.enum(HEIGHTS),
  wardrobe: z.string().describe("what they wear, a few words"),
  wardrobeColors: z.array(z.string()).describe("colour words for top, bottom and accent"),
  headwear: z.enum(HEADWEAR),
  marks: z.array(z.enum(MARKS)),
});
export type ModelLook = z.infer<typeof ModelLookSchema>;

export const ModelCharacterSchema = z.object({
  name: z.string(),
  role: z.enum(ROLES),
  age: z.number(),
  gender: z.enum(GENDERS),
  description: z.string().describe("who they are in a few words: 'a retired sheriff'; an animal starts with what it is: 'a scruffy dog', 'a young red dragon' (its coat is hairColor)"),
  traits: z.array(z.string()),
  speech: z.string().describe("how this character talks: register, rhythm, favourite words"),
  look: ModelLookSchema,
});
export type ModelCharacter = z.infer<typeof ModelCharacterSchema>;

/** Level 1: logline, style and characters. */
export const PremiseSchema = z.object({
  title: z.string(),
  logline: z.string(),
  language: z.string().describe("BCP 47 code of the language the film is written in, e.g. en"),
  genre: z.string(),
  tone: z.string(),
  references: z.array(z.string()),
  palette: z.enum(PALETTES),
  music: z.object({
    key: z.enum(MUSIC_KEYS),
    mode: z.enum(["major", "minor"]),
    tempo: z.number(),
    instruments: z.array(z.string()),
  }),
  characters: z.array(ModelCharacterSchema),
});
export type Premise = z.infer<typeof PremiseSchema>;

/** Level 2: the act outline, with one short idea per scene. */
export const OutlineSchema = z.object({
  acts: z.array(
    z.object({
      title: z.string(),
      summary: z.string(),
      sceneIdeas: z.array(z.string()),
    }),
  ),
});
export type Outline = z.infer<typeof OutlineSchema>;

export const ModelSceneSchema = z.object({
  heading: z.string().describe("a slug line, e.g. EXT. DUSTY ROAD - DUSK"),
  locationName: z.string(),
  locationKind: z.enum(LOCATION_KINDS),
  interior: z.boolean(),
  timeOfDay: z.enum(TIMES_OF_DAY),
  weather: z.enum(WEATHERS),
  mood: z.string(),
  summary: z.string().describe("what happens and how the scene turns"),
  beat: z.string().describe("the story beat: catalyst, midpoint, finale..."),
  characters: z.array(z.string()).describe("names of the characters in the scene"),
});
export type ModelScene = z.infer<typeof ModelSceneSchema>;

/** Level 3: the scenes of one act. */
export const ActScenesSchema = z.object({ scenes: z.array(ModelSceneSchema) });
export type ActScenes = z.infer<typeof ActScenesSchema>;

export const ModelLineSchema = z.object({
  speaker: z.string().describe("the name of a character from the character bible"),
  text: z.string(),
  delivery: z.enum(DELIVERIES),
});
export type ModelLine = z.infer<typeof ModelLineSchema>;

export const ModelShotSchema = z.object({
  framing: z.enum(FRAMINGS),
  move: z.enum(CAMERA_MOVES),
  lens: z.number().describe("focal length in mm, 14 to 200"),
  action: z.string(),
  characters: z.array(z.string()).describe("names of the characters in frame"),
  lines: z.array(ModelLineSchema),
  sound: z.array(z.object({ kind: z.enum(SOUND_CUE_KINDS), at: z.number().describe("0 = start of shot, 1 = end") })),
  seconds: z.number().describe("how long the shot plays"),
});
export type ModelShot = z.infer<typeof ModelShotSchema>;

/** Level 4: the shots and dialogue of one scene. */
export const SceneShotsSchema = z.object({ shots: z.array(ModelShotSchema) });
export type SceneShots = z.infer<typeof SceneShotsSchema>;

/**
 * EditOps: the changes a follow-up chat message makes to a cut. The offline story engine and an LLM
 * writer both produce these; applyEdits (apply-edits.ts) turns a screenplay and ops into a new one.
 * Ids are stable: an op that changes a thing keeps its id.
 */
import { z } from "zod";
import {
  ActSchema, CAMERA_MOVES, CharacterSchema, FRAMINGS, GENDERS, GradeSchema, IdentitySchema, LineSchema, LookSchema, ROLES, SceneSchema,
  SoundCueSchema, TRANSITIONS_IN, TRANSITIONS_OUT, VoiceSchema, DELIVERIES,
} from "./schema";
import { LIMITS } from "./limits";

const id = z.string().min(1).max(64);

/** Shot fields an update-shot may set (everything but the id); no defaults, so absent stays absent. */
export const ShotPatchSchema = z
  .object({
    framing: z.enum(FRAMINGS),
    camera: z.object({ move: z.enum(CAMERA_MOVES), lens: z.number().int().min(12).max(300) }),
    action: z.string().min(1).max(400),
    characters: z.array(id).max(8),
    lines: z.array(LineSchema).max(LIMITS.maxLinesPerShot),
    sound: z.array(SoundCueSchema).max(8),
    grade: GradeSchema,
    transitionIn: z.enum(TRANSITIONS_IN),
    transitionOut: z.enum(TRANSITIONS_OUT),
    duration: z.number().min(LIMITS.minShotSeconds).max(LIMITS.maxShotSeconds),
    take: z.number().int().min(1).max(1000),
    continues: z.boolean(),
  })
  .partial()
  .strict();
export type ShotPatch = z.infer<typeof ShotPatchSchema>;

/** Character fields an update-character may set; identity and voice only with unlock: true. */
export const CharacterPatchSchema = z
  .object({
    name: z.string().min(1).max(60),
    role: z.enum(ROLES),
    age: z.number().int().min(1).max(150),
    gender: z.enum(GENDERS),
    description: z.string().max(400),
    traits: z.array(z.string().min(1).max(60)).max(12),
    speech: z.string().max(200),
    identity: z
      .object({
        seed: IdentitySchema.shape.seed,
        face: IdentitySchema.shape.face.partial(),
        eyes: IdentitySchema.shape.eyes.partial(),
        hair: IdentitySchema.shape.hair.partial(),
        build: IdentitySchema.shape.build,
        height: IdentitySchema.shape.height,
        wardrobe: IdentitySchema.shape.wardrobe.partial(),
        marks: IdentitySchema.shape.marks,
        referenceImage: z.string().max(128),
      })
      .partial(),
    voice: VoiceSchema.partial(),
  })
  .partial()
  .strict();
export type CharacterPatch = z.infer<typeof CharacterPatchSchema>;

export const RestyleScopeSchema = z.union([z.literal("film"), z.object({ sceneId: id }).strict(), z.object({ shotId: id }).strict()]);
export type RestyleScope = z.infer<typeof RestyleScopeSchema>;

export const EditOpSchema = z.discriminatedUnion("op", [
  z.object({ op: z.literal("replace-act"), actId: id, act: ActSchema }),
  z.object({ op: z.literal("replace-scene"), sceneId: id, scene: SceneSchema }),
  z.object({ op: z.literal("insert-scene"), actId: id, index: z.number().int().min(0), scene: SceneSchema }),
  z.object({ op: z.literal("remove-scene"), sceneId: id }),
  z.object({ op: z.literal("move-scene"), sceneId: id, toActId: id, index: z.number().int().min(0) }),
  z.object({ op: z.literal("update-shot"), shotId: id, patch: ShotPatchSchema }),
  z.object({ op: z.literal("update-line"), lineId: id, text: z.string().min(1).max(LIMITS.maxLineChars).optional(), delivery: z.enum(DELIVERIES).optional() }),
  z.object({
    op: z.literal("restyle"),
    scope: RestyleScopeSchema,
    grade: GradeSchema,
    /** Film scope only: look fields a grade cannot carry (aspect) or a whole-look change. */
    look: LookSchema.partial().optional(),
    references: z.array(z.string().min(1).max(80)).max(8).optional(),
  }),
  z.object({ op: z.literal("retake-shot"), shotId: id }),
  z.object({ op: z.literal("add-character"), character: CharacterSchema }),
  z.object({ op: z.literal("set-target-duration"), seconds: z.number().min(LIMITS.minFilmSeconds).max(LIMITS.maxFilmSeconds) }),
  z.object({ op: z.literal("update-character"), characterId: id, patch: CharacterPatchSchema, unlock: z.boolean() }),
]);
export type EditOp = z.infer<typeof EditOpSchema>;
export type EditOpKind = EditOp["op"];

/** Parse unknown data (an LLM's answer, a request body) as a list of ops. */
export function parseEditOps(data: unknown): EditOp[] {
  return z.array(EditOpSchema).max(200).parse(data);
}

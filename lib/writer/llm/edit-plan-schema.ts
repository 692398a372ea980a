/**
 * The model-facing shape of an edit: a summary and a list of simple edits that name things by id.
 * Code turns it into EditOps (convert-edit-plan.ts); edits that need new writing (regenerate, add a
 * scene) go through the same levels as a new film. Unions are plain (anyOf), one-value enums tag them,
 * every field is required and null means "leave as it is", so strict structured outputs accept it.
 */
import { z } from "zod";
import { CAMERA_MOVES, DELIVERIES, FRAMINGS, PALETTES } from "../../screenplay/schema";
import { ModelCharacterSchema, ModelLookSchema } from "./level-schemas";

const tag = <T extends string>(name: T) => z.enum([name]);

export const RegenerateEdit = z.object({ kind: tag("regenerate"), scope: z.enum(["act", "scene"]), id: z.string(), direction: z.string() });
export const AddSceneEdit = z.object({ kind: tag("add-scene"), actId: z.string(), index: z.number(), direction: z.string() });
export const RemoveSceneEdit = z.object({ kind: tag("remove-scene"), sceneId: z.string() });
export const MoveSceneEdit = z.object({ kind: tag("move-scene"), sceneId: z.string(), toActId: z.string(), index: z.number() });
export const RewriteLineEdit = z.object({ kind: tag("rewrite-line"), lineId: z.string(), text: z.string(), delivery: z.enum(DELIVERIES) });
export const UpdateShotEdit = z.object({
  kind: tag("update-shot"),
  shotId: z.string(),
  action: z.string().nullable(),
  framing: z.enum(FRAMINGS).nullable(),
  move: z.enum(CAMERA_MOVES).nullable(),
  lens: z.number().nullable(),
});
export const RetakeShotEdit = z.object({ kind: tag("retake-shot"), shotId: z.string() });
export const RestyleEdit = z.object({
  kind: tag("restyle"),
  scope: z.enum(["film", "scene", "shot"]),
  id: z.string().nullable().describe("the scene or shot id; null for the film"),
  palette: z.enum(PALETTES).nullable(),
  brightness: z.number().nullable(),
  contrast: z.number().nullable(),
  saturation: z.number().nullable(),
  grain: z.number().nullable(),
  vignette: z.number().nullable(),
  blackAndWhite: z.boolean().nullable(),
  anamorphic: z.boolean().nullable(),
});
export const SetLengthEdit = z.object({ kind: tag("set-length"), seconds: z.number() });
export const AddCharacterEdit = z.object({ kind: tag("add-character"), character: ModelCharacterSchema });
export const UpdateCharacterEdit = z.object({
  kind: tag("update-character"),
  characterId: z.string(),
  description: z.string().nullable(),
  traits: z.array(z.string()).nullable(),
  speech: z.string().nullable(),
  look: ModelLookSchema.nullable(),
  voice: z.object({ pitch: z.number().describe("semitones, -12..12"), rate: z.number().describe("0.5..2, 1 = natural") }).nullable(),
});

export const ModelEditSchema = z.union([
  RegenerateEdit,
  AddSceneEdit,
  RemoveSceneEdit,
  MoveSceneEdit,
  RewriteLineEdit,
  UpdateShotEdit,
  RetakeShotEdit,
  RestyleEdit,
  SetLengthEdit,
  AddCharacterEdit,
  UpdateCharacterEdit,
]);
export type ModelEdit = z.infer<typeof ModelEditSchema>;

export const EditPlanSchema = z.object({
  summary: z.string(),
  edits: z.array(ModelEditSchema),
});
export type EditPlan = z.infer<typeof EditPlanSchema>;

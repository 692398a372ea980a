/** Request bodies of the films API. */
import { z } from "zod";
import { LIMITS } from "../../../lib/screenplay/limits";

export const CreateFilmBody = z.object({
  idea: z
    .string({ error: "Type an idea for your film first." })
    .trim()
    .min(1, "Type an idea for your film first.")
    .max(LIMITS.maxIdeaChars, `An idea can be at most ${LIMITS.maxIdeaChars} characters.`),
});

export const SendMessageBody = z.object({
  message: z
    .string({ error: "Type a message first." })
    .trim()
    .min(1, "Type a message first.")
    .max(LIMITS.maxMessageChars, `A message can be at most ${LIMITS.maxMessageChars} characters.`),
  target: z
    .object({
      kind: z.enum(["shot", "scene", "line", "act"]),
      id: z.string().min(1).max(64),
    })
    .optional(),
  /** The client's id for this request: the same id again makes no second cut. */
  requestId: z.string().min(1).max(100).optional(),
  branchId: z.string().min(1).max(64).optional(),
});

export const CutQuery = z.object({ cutId: z.string().min(1).max(64).optional() });

const Id = z.string().min(1).max(64);

export const BranchQuery = z.object({ branchId: Id.optional() });

export const UndoBody = z.object({ branchId: Id.optional() });

export const CreateBranchBody = z.object({
  fromCutId: Id.optional(),
  name: z.string().trim().min(1, "A branch name cannot be empty.").max(40, "A branch name can be at most 40 characters.").optional(),
});

export const CheckoutBody = z.object({ cutId: Id, branchId: Id.optional() });

export const CompareQuery = z.object({
  a: z.string({ error: "Name two cuts to compare: ?a=<cutId>&b=<cutId>." }).min(1).max(64),
  b: z.string({ error: "Name two cuts to compare: ?a=<cutId>&b=<cutId>." }).min(1).max(64),
});

export const CreateShareBody = z.object({ cutId: Id.optional() });

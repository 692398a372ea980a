/**
 * The LLM editor: a follow-up message becomes EditOps on the current cut, not a rewrite. The model sees
 * the cut (ids in brackets), the character bible and the person's selection; it answers with an edit
 * plan; code turns the plan into EditOps (writing new scenes where asked), applies them with applyEdits
 * and checks the guardrails. A plan that fails goes back to the model with the reason, a bounded number
 * of times; the input screenplay is never changed, so a failure leaves the film as it was.
 */
import type { LanguageModel } from "ai";
import { characterBible, editPlanPrompt, SCREENWRITER_SYSTEM } from "../../ai/prompts";
import { streamJson, type CallPolicy } from "../../ai/stream-json";
import { AuteurError } from "../../errors";
import { applyEdits } from "../../screenplay/apply-edits";
import type { EditOp } from "../../screenplay/edit-ops";
import type { Screenplay } from "../../screenplay/schema";
import { plannedDuration } from "../../screenplay/validate";
import { findOverreach } from "../find-length";
import { clipText } from "./clip-text";
import { convertEditPlan } from "./convert-edit-plan";
import { EditPlanSchema } from "./edit-plan-schema";
import { checkEditPlan, lockedChanges } from "./guardrails";
import { describeTarget, screenplayForPrompt, type PromptTarget } from "./screenplay-for-prompt";

export interface ReviseWithModelOptions {
  signal?: AbortSignal;
  policy?: Partial<CallPolicy>;
  concurrency?: number;
  /** Whole rounds (plan, convert, apply, check) before giving up; default 3. */
  maxRounds?: number;
}

export interface ModelRevision {
  ops: EditOp[];
  screenplay: Screenplay;
  summary: string;
  notes: string[];
}

export async function reviseScreenplayWithModel(
  model: LanguageModel,
  sp: Screenplay,
  message: string,
  target?: PromptTarget,
  options: ReviseWithModelOptions = {},
): Promise<ModelRevision> {
  const basePrompt = editPlanPrompt({
    screenplay: screenplayForPrompt(sp, target),
    bible: characterBible(sp.characters),
    message,
    target: describeTarget(sp, target),
    lengthSeconds: plannedDuration(sp),
  });
  const overreach = findOverreach(message);
  const maxRounds = Math.max(1, options.maxRounds ?? 3);
  const failures: string[] = [];
  for (let round = 1; ; round++) {
    const prompt = failures.length
      ? `${basePrompt}\n\nEarlier edit plans for this message could not be applied:\n${failures.map((f) => `- ${f}`).join("\n")}\nWrite a plan that avoids these problems.`
      : basePrompt;
    const plan = await streamJson({
      model,
      name: "edit_plan",
      description: "The edits that carry out the person's message",
      schema: EditPlanSchema,
      system: SCREENWRITER_SYSTEM,
      prompt,
      check: (p) => checkEditPlan(p, sp),
      signal: options.signal,
      policy: options.policy,
    });
    const summary = clipText(plan.summary, 300, "Edited the film.");
    if (!plan.edits.length) return { ops: [], screenplay: sp, summary, notes: overreach };
    try {
      const converted = await convertEditPlan({ model, sp, message, signal: options.signal, policy: options.policy, concurrency: options.concurrency }, plan);
      const notes = [...overreach, ...converted.notes];
      if (!converted.ops.length) return { ops: [], screenplay: sp, summary: notes.length ? `Nothing changed: ${notes[0]}` : summary, notes };
      const screenplay = applyEdits(sp, converted.ops);
      const locked = lockedChanges(sp, screenplay, converted.unlocked);
      if (locked.length) throw new AuteurError("invalid_input", locked.join(" "));
      return { ops: converted.ops, screenplay, summary, notes };
    } catch (error) {
      // Model calls that failed for good (timeouts, provider errors) end here; edit problems go round again.
      if (!(error instanceof AuteurError) || (error.code !== "invalid_input" && error.code !== "invalid_screenplay")) throw error;
      failures.push(error.message.replace(/\s+/g, " ").slice(0, 600));
      if (round >= maxRounds)
        throw new AuteurError("provider_failed", `The text model could not make a valid edit for "${clipText(message, 80)}" in ${maxRounds} tries; the film is unchanged. Last problem: ${failures.at(-1)}`, {
          cause: error,
          details: { failures },
        });
    }
  }
}

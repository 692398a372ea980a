/**
 * The writer the service uses: the LLM screenwriter when a model is configured (OPENAI_API_KEY, or
 * LLM_BASE_URL + LLM_MODEL), else the offline story engine. Both are async and give the same shapes.
 */
import { selectTextModel, type TextModelEnv, type TextModelKind } from "../../ai/models";
import type { CallPolicy } from "../../ai/stream-json";
import { env as readEnv, type Env } from "../../env";
import type { EditOp } from "../../screenplay/edit-ops";
import type { Screenplay } from "../../screenplay/schema";
import { reviseScreenplay, writeScreenplay } from "../index";
import { reviseScreenplayWithModel } from "./revise-screenplay-with-model";
import type { PromptTarget } from "./screenplay-for-prompt";
import type { ScreenplayDraft } from "./screenplay-draft";
import { writeScreenplayWithModel } from "./write-screenplay-with-model";

export interface WriteOptions {
  /** The screenplay as it grows (LLM only; the offline engine calls it once, when done). */
  onPartial?(draft: ScreenplayDraft): void;
  signal?: AbortSignal;
}

export interface Writer {
  kind: TextModelKind;
  /** "openai/gpt-4.1-mini", "compatible/llama3.1 at http://...", "offline story engine". */
  name: string;
  write(idea: string, options?: WriteOptions): Promise<{ screenplay: Screenplay; notes: string[] }>;
  revise(sp: Screenplay, message: string, target?: PromptTarget, options?: { signal?: AbortSignal }): Promise<{ ops: EditOp[]; screenplay: Screenplay; summary: string; notes: string[] }>;
}

export type WriterEnv = TextModelEnv & Pick<Env, "llmTimeoutMs">;

export function getWriter(e: WriterEnv = readEnv(), policy: Partial<CallPolicy> = {}): Writer {
  const choice = selectTextModel(e);
  const model = choice.model;
  if (!model) {
    return {
      kind: "offline",
      name: choice.name,
      write: async (idea, options) => {
        const written = writeScreenplay(idea);
        options?.onPartial?.({
          level: "done",
          title: written.screenplay.title,
          logline: written.screenplay.logline,
          characters: written.screenplay.characters.map((c) => ({ name: c.name, role: c.role, description: c.description })),
          acts: written.screenplay.acts.map((a) => ({
            title: a.title,
            summary: a.summary,
            scenes: a.scenes.map((s) => ({ heading: s.heading, summary: s.summary, mood: s.mood, shots: s.shots.map((sh) => ({ framing: sh.framing, action: sh.action, lines: sh.lines.map((l) => ({ speaker: l.speaker, text: l.text })) })) })),
          })),
          calls: { done: 0, planned: 0 },
        });
        return written;
      },
      revise: async (sp, message, target) => reviseScreenplay(sp, message, target),
    };
  }
  const callPolicy: Partial<CallPolicy> = { timeoutMs: e.llmTimeoutMs, ...policy };
  return {
    kind: choice.kind,
    name: choice.name,
    write: (idea, options) => writeScreenplayWithModel(model, idea, { onPartial: options?.onPartial, signal: options?.signal, policy: callPolicy }),
    revise: (sp, message, target, options) => reviseScreenplayWithModel(model, sp, message, target, { signal: options?.signal, policy: callPolicy }),
  };
}

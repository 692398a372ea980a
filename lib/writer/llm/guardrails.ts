/**
 * Guardrails for edits: what a message may unlock, which ids an edit plan may name, and a last check
 * that a revised screenplay kept every locked identity and voice it was not asked to change.
 */
import { canonicalJson } from "../../plan/keys";
import type { Screenplay } from "../../screenplay/schema";
import type { EditPlan } from "./edit-plan-schema";

const LOOK_WORDS =
  /\b(looks?|appearance|hair(cut|style)?|haired|bald|braid|wardrobe|costume|outfit|clothes|clothing|dress(ed)?|wears?|wearing|coat|jacket|face|eyes|beard|mustache|moustache|scar|tattoo|glasses|eyepatch|hat|helmet|hood|taller|shorter|skin|redesign|recast)\b/i;
const VOICE_WORDS = /\b(voice|voiced|accent|pitch|deeper|higher[- ]pitched|speaks? (faster|slower|lower|higher)|sounds? (like|older|younger|deeper|higher)|recast)\b/i;

/** True where the message explicitly asks to change how someone looks. */
export function asksToChangeLook(message: string): boolean {
  return LOOK_WORDS.test(message);
}

/** True where the message explicitly asks to change how someone sounds. */
export function asksToChangeVoice(message: string): boolean {
  return VOICE_WORDS.test(message);
}

export const MAX_EDITS = 40;

/** Problems with an edit plan that the model can fix: unknown ids, wrong scopes, too many edits. */
export function checkEditPlan(plan: EditPlan, sp: Screenplay): string[] {
  const acts = new Set(sp.acts.map((a) => a.id));
  const scenes = new Set<string>();
  const shots = new Set<string>();
  const lines = new Set<string>();
  for (const act of sp.acts)
    for (const scene of act.scenes) {
      scenes.add(scene.id);
      for (const shot of scene.shots) {
        shots.add(shot.id);
        for (const line of shot.lines) lines.add(line.id);
      }
    }
  const characters = new Set(sp.characters.map((c) => c.id));
  const problems: string[] = [];
  const need = (set: Set<string>, id: string | null, what: string, i: number) => {
    if (id === null || !set.has(id)) problems.push(`edits.${i}: there is no ${what} "${id}". Use an id shown in brackets.`);
  };
  if (plan.edits.length > MAX_EDITS) problems.push(`${plan.edits.length} edits; at most ${MAX_EDITS}. Regenerate a scene or act instead of editing many shots.`);
  plan.edits.forEach((e, i) => {
    switch (e.kind) {
      case "regenerate":
        need(e.scope === "act" ? acts : scenes, e.id, e.scope, i);
        break;
      case "add-scene":
        need(acts, e.actId, "act", i);
        break;
      case "remove-scene":
        need(scenes, e.sceneId, "scene", i);
        break;
      case "move-scene":
        need(scenes, e.sceneId, "scene", i);
        need(acts, e.toActId, "act", i);
        break;
      case "rewrite-line":
        need(lines, e.lineId, "line", i);
        if (!e.text.trim()) problems.push(`edits.${i}: the new line text is empty.`);
        break;
      case "update-shot":
      case "retake-shot":
        need(shots, e.shotId, "shot", i);
        break;
      case "restyle":
        if (e.scope === "scene") need(scenes, e.id, "scene", i);
        if (e.scope === "shot") need(shots, e.id, "shot", i);
        break;
      case "update-character":
        need(characters, e.characterId, "character", i);
        break;
      case "add-character":
        if (sp.characters.some((c) => c.name.toLowerCase() === e.character.name.trim().toLowerCase()))
          problems.push(`edits.${i}: there is already a character named "${e.character.name}"; use update-character to change them.`);
        break;
    }
  });
  return problems;
}

/** Characters whose locked identity or voice differs between two cuts, other than those allowed. */
export function lockedChanges(before: Screenplay, after: Screenplay, allowed: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  for (const c of before.characters) {
    if (allowed.has(c.id)) continue;
    const now = after.characters.find((x) => x.id === c.id);
    if (!now) problems.push(`${c.name} (${c.id}) was removed; characters stay in the film.`);
    else {
      if (canonicalJson(now.identity) !== canonicalJson(c.identity)) problems.push(`${c.name}'s look is locked and was changed.`);
      if (canonicalJson(now.voice) !== canonicalJson(c.voice)) problems.push(`${c.name}'s voice is locked and was changed.`);
    }
  }
  return problems;
}

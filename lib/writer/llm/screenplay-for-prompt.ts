/**
 * The current cut as compact text for an edit prompt: ids in brackets so the model can name things.
 * Long films show every scene but only the shots of the scenes in focus (the selection's scene, or all
 * scenes when the film is short), so the prompt stays small enough for local models.
 */
import type { Screenplay } from "../../screenplay/schema";
import { countShots } from "../../screenplay/validate";

export interface PromptTarget {
  kind: "shot" | "scene" | "line" | "act";
  id: string;
}

const FULL_DETAIL_SHOTS = 160;

/** The scene holding the target (for a shot, a line or a scene); undefined for an act or nothing. */
export function sceneOfTarget(sp: Screenplay, target?: PromptTarget): string | undefined {
  if (!target) return undefined;
  for (const act of sp.acts)
    for (const scene of act.scenes) {
      if (target.kind === "scene" && scene.id === target.id) return scene.id;
      for (const shot of scene.shots) {
        if (target.kind === "shot" && shot.id === target.id) return scene.id;
        if (target.kind === "line" && shot.lines.some((l) => l.id === target.id)) return scene.id;
      }
    }
  return undefined;
}

export function screenplayForPrompt(sp: Screenplay, target?: PromptTarget): string {
  const focus = sceneOfTarget(sp, target);
  const full = countShots(sp) <= FULL_DETAIL_SHOTS;
  const names = new Map(sp.characters.map((c) => [c.id, c.name]));
  const out: string[] = [`"${sp.title}": ${sp.logline}`, `Style: ${sp.style.genre}, ${sp.style.tone}; palette ${sp.style.look.palette}${sp.style.look.blackAndWhite ? ", black and white" : ""}.`];
  for (const act of sp.acts) {
    out.push(`Act [${act.id}] "${act.title}": ${act.summary}`);
    for (const scene of act.scenes) {
      const seconds = scene.shots.reduce((s, sh) => s + sh.duration, 0);
      out.push(`  Scene [${scene.id}] ${scene.heading} (${Math.round(seconds)} s, ${scene.mood}): ${scene.summary}`);
      if (!full && scene.id !== focus) continue;
      for (const shot of scene.shots) {
        out.push(`    Shot [${shot.id}] ${shot.framing}, ${shot.camera.move}, ${shot.camera.lens}mm: ${shot.action}`);
        for (const line of shot.lines) out.push(`      Line [${line.id}] ${names.get(line.speaker) ?? line.speaker} (${line.delivery}): "${line.text}"`);
      }
    }
  }
  return out.join("\n");
}

/** The selection in words, with its content, so "this shot" and "that line" resolve. */
export function describeTarget(sp: Screenplay, target?: PromptTarget): string | undefined {
  if (!target) return undefined;
  const names = new Map(sp.characters.map((c) => [c.id, c.name]));
  for (const act of sp.acts) {
    if (target.kind === "act" && act.id === target.id) return `act [${act.id}] "${act.title}"`;
    for (const scene of act.scenes) {
      if (target.kind === "scene" && scene.id === target.id) return `scene [${scene.id}] ${scene.heading} in act [${act.id}]`;
      for (const shot of scene.shots) {
        if (target.kind === "shot" && shot.id === target.id) return `shot [${shot.id}] in scene [${scene.id}]: ${shot.action}`;
        for (const line of shot.lines)
          if (target.kind === "line" && line.id === target.id) return `line [${line.id}] in shot [${shot.id}], ${names.get(line.speaker) ?? line.speaker} (${line.delivery}): "${line.text}"`;
      }
    }
  }
  return `${target.kind} [${target.id}] (not found in this cut)`;
}

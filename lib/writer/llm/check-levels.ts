/**
 * Checks each level's answer beyond its schema. Problems go back to the model (with the reason) so it
 * can fix them; the text says exactly what is wrong and what is allowed.
 */
import { estimateSpeechSeconds } from "../../screenplay/apply-edits";
import { LIMITS } from "../../screenplay/limits";
import type { ActScenes, Outline, Premise, SceneShots } from "./level-schemas";

export function checkPremise(p: Premise): string[] {
  const problems: string[] = [];
  if (!p.title.trim()) problems.push("title is empty.");
  if (!p.characters.length) problems.push("characters is empty: the film needs at least one character.");
  p.characters.forEach((c, i) => {
    if (!c.name.trim()) problems.push(`characters.${i}.name is empty.`);
  });
  return problems;
}

export function checkOutline(o: Outline, sceneCounts: readonly number[]): string[] {
  const problems: string[] = [];
  if (o.acts.length !== sceneCounts.length) problems.push(`Write exactly ${sceneCounts.length} acts; the answer has ${o.acts.length}.`);
  o.acts.slice(0, sceneCounts.length).forEach((act, i) => {
    if (act.sceneIdeas.length !== sceneCounts[i]) problems.push(`Act ${i + 1} must have exactly ${sceneCounts[i]} scene ideas; the answer has ${act.sceneIdeas.length}.`);
  });
  return problems;
}

export function checkActScenes(a: ActScenes, count: number, resolve: (name: string) => string | undefined): string[] {
  const problems: string[] = [];
  if (a.scenes.length !== count) problems.push(`Write exactly ${count} scenes; the answer has ${a.scenes.length}.`);
  a.scenes.forEach((s, i) => {
    const unknown = s.characters.filter((n) => !resolve(n));
    if (unknown.length) problems.push(`scenes.${i}.characters names ${unknown.map((n) => `"${n}"`).join(", ")}, who ${unknown.length === 1 ? "is" : "are"} not in the character bible. Use only names from the bible.`);
  });
  return problems;
}

export function checkSceneShots(s: SceneShots, range: { min: number; max: number }, seconds: number, resolve: (name: string) => string | undefined): string[] {
  const problems: string[] = [];
  if (s.shots.length < range.min || s.shots.length > range.max) problems.push(`Write between ${range.min} and ${range.max} shots; the answer has ${s.shots.length}.`);
  let speech = 0;
  s.shots.forEach((shot, i) => {
    const unknown = [...new Set(shot.lines.map((l) => l.speaker).filter((n) => !resolve(n)))];
    if (unknown.length)
      problems.push(`shots.${i}.lines gives a line to ${unknown.map((n) => `"${n}"`).join(", ")}, who ${unknown.length === 1 ? "is" : "are"} not a character. Only characters in the bible speak.`);
    if (shot.lines.length > LIMITS.maxLinesPerShot) problems.push(`shots.${i} has ${shot.lines.length} lines; at most ${LIMITS.maxLinesPerShot} a shot.`);
    const need = estimateSpeechSeconds(shot.lines);
    if (need > LIMITS.maxShotSeconds) problems.push(`shots.${i} has too much dialogue for one shot (${Math.round(need)} s to say; a shot is at most ${LIMITS.maxShotSeconds} s). Split it.`);
    speech += need;
  });
  if (speech > seconds * 1.05) problems.push(`The dialogue takes about ${Math.round(speech)} s to say, but the scene plays ${Math.round(seconds)} s. Cut lines.`);
  return problems;
}

/**
 * applyEdits: screenplay + EditOps -> a new screenplay. Pure: the input is never changed, and every
 * part no op touches stays deep-equal (and canonical-JSON identical) to the input, so its content keys
 * and rendered assets are reused.
 */
import { AuteurError } from "../errors";
import { EditOpSchema, type EditOp } from "./edit-ops";
import { LIMITS } from "./limits";
import type { Act, Character, Line, Scene, Screenplay, Shot } from "./schema";
import { describeIssues, parseScreenplay } from "./validate";

/** Seconds a shot's lines need: ~14 characters a second, 0.35 s between lines, 0.8 s to breathe. */
export function estimateSpeechSeconds(lines: readonly Pick<Line, "text">[]): number {
  if (!lines.length) return 0;
  let s = 0.8 + 0.35 * (lines.length - 1);
  for (const line of lines) s += line.text.length / 14;
  return s;
}

/** The shortest a shot may be: its speech, and at least LIMITS.minShotSeconds. */
export function minimumShotSeconds(shot: Pick<Shot, "lines">): number {
  return Math.min(LIMITS.maxShotSeconds, Math.max(LIMITS.minShotSeconds, estimateSpeechSeconds(shot.lines)));
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * Durations for shots so they add up to `seconds`: scaled by one factor, each kept between its speech
 * need and LIMITS.maxShotSeconds. Where the target cannot be met (too few shots, too much speech), the
 * nearest reachable total. Pure; returns new durations in shot order.
 */
export function fitDurations(shots: readonly Pick<Shot, "duration" | "lines">[], seconds: number): number[] {
  const mins = shots.map((s) => minimumShotSeconds(s));
  const max = LIMITS.maxShotSeconds;
  const total = (f: number) => shots.reduce((sum, s, i) => sum + Math.min(max, Math.max(mins[i], s.duration * f)), 0);
  let lo = 0;
  let hi = 1;
  while (total(hi) < seconds && hi < 1e6) hi *= 2;
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (total(mid) < seconds) lo = mid;
    else hi = mid;
  }
  // Round to centiseconds, but never below a shot's speech need.
  return shots.map((s, i) => Math.min(max, Math.max(Math.ceil(mins[i] * 100) / 100, round2(Math.min(max, Math.max(mins[i], s.duration * hi))))));
}

function fail(message: string): never {
  throw new AuteurError("invalid_input", message);
}

interface Index {
  act(id: string): Act;
  sceneAt(id: string): { act: Act; scene: Scene; index: number };
  shotAt(id: string): { scene: Scene; shot: Shot; index: number };
  line(id: string): Line;
  character(id: string): Character;
}

function indexOf(sp: Screenplay): Index {
  return {
    act: (id) => sp.acts.find((a) => a.id === id) ?? fail(`There is no act "${id}" in this screenplay (acts: ${sp.acts.map((a) => a.id).join(", ")}).`),
    sceneAt: (id) => {
      for (const act of sp.acts) {
        const index = act.scenes.findIndex((s) => s.id === id);
        if (index >= 0) return { act, scene: act.scenes[index], index };
      }
      return fail(`There is no scene "${id}" in this screenplay.`);
    },
    shotAt: (id) => {
      for (const act of sp.acts)
        for (const scene of act.scenes) {
          const index = scene.shots.findIndex((s) => s.id === id);
          if (index >= 0) return { scene, shot: scene.shots[index], index };
        }
      return fail(`There is no shot "${id}" in this screenplay.`);
    },
    line: (id) => {
      for (const act of sp.acts) for (const scene of act.scenes) for (const shot of scene.shots) for (const line of shot.lines) if (line.id === id) return line;
      return fail(`There is no line "${id}" in this screenplay.`);
    },
    character: (id) => sp.characters.find((c) => c.id === id) ?? fail(`There is no character "${id}" in this screenplay (characters: ${sp.characters.map((c) => c.id).join(", ")}).`),
  };
}

function applyOne(sp: Screenplay, op: EditOp): void {
  const at = indexOf(sp);
  switch (op.op) {
    case "replace-act": {
      const i = sp.acts.indexOf(at.act(op.actId));
      sp.acts[i] = { ...structuredClone(op.act), id: op.actId };
      return;
    }
    case "replace-scene": {
      const { act, index } = at.sceneAt(op.sceneId);
      act.scenes[index] = { ...structuredClone(op.scene), id: op.sceneId };
      return;
    }
    case "insert-scene": {
      const act = at.act(op.actId);
      act.scenes.splice(Math.min(op.index, act.scenes.length), 0, structuredClone(op.scene));
      return;
    }
    case "remove-scene": {
      const { act, index } = at.sceneAt(op.sceneId);
      if (act.scenes.length === 1) fail(`Scene "${op.sceneId}" is the only scene of act "${act.id}"; an act needs at least one scene (replace the act instead).`);
      act.scenes.splice(index, 1);
      return;
    }
    case "move-scene": {
      const { act, scene, index } = at.sceneAt(op.sceneId);
      const to = at.act(op.toActId);
      if (act !== to && act.scenes.length === 1) fail(`Scene "${op.sceneId}" is the only scene of act "${act.id}"; moving it would leave the act empty.`);
      act.scenes.splice(index, 1);
      to.scenes.splice(Math.min(op.index, to.scenes.length), 0, scene);
      return;
    }
    case "update-shot": {
      const { scene, index } = at.shotAt(op.shotId);
      scene.shots[index] = { ...scene.shots[index], ...structuredClone(op.patch), id: op.shotId };
      return;
    }
    case "update-line": {
      const line = at.line(op.lineId);
      if (op.text !== undefined) line.text = op.text;
      if (op.delivery !== undefined) line.delivery = op.delivery;
      return;
    }
    case "restyle": {
      const grade = structuredClone(op.grade);
      if (op.scope === "film") {
        sp.style.look = { ...sp.style.look, ...grade, ...(op.look ?? {}) };
        if (op.references) sp.style.references = [...new Set(op.references)].slice(0, 8);
      } else if ("sceneId" in op.scope) {
        if (op.look || op.references) fail("A scene restyle takes a grade only; aspect, look and references belong to the whole film.");
        const { scene } = at.sceneAt(op.scope.sceneId);
        scene.grade = { ...(scene.grade ?? {}), ...grade };
      } else {
        if (op.look || op.references) fail("A shot restyle takes a grade only; aspect, look and references belong to the whole film.");
        const { shot } = at.shotAt(op.scope.shotId);
        shot.grade = { ...(shot.grade ?? {}), ...grade };
      }
      return;
    }
    case "retake-shot": {
      const { shot } = at.shotAt(op.shotId);
      if (shot.take >= 1000) fail(`Shot "${op.shotId}" is already at take 1000, the most a shot can have.`);
      shot.take += 1;
      return;
    }
    case "add-character": {
      if (sp.characters.some((c) => c.id === op.character.id)) fail(`There is already a character "${op.character.id}".`);
      if (sp.characters.length >= LIMITS.maxCharacters) fail(`A film has at most ${LIMITS.maxCharacters} characters.`);
      sp.characters.push(structuredClone(op.character));
      return;
    }
    case "set-target-duration": {
      const shots = sp.acts.flatMap((a) => a.scenes.flatMap((s) => s.shots));
      const durations = fitDurations(shots, op.seconds);
      shots.forEach((shot, i) => (shot.duration = durations[i]));
      sp.targetDurationSeconds = op.seconds;
      return;
    }
    case "update-character": {
      const c = at.character(op.characterId);
      const { identity, voice, ...rest } = structuredClone(op.patch);
      if ((identity || voice) && !op.unlock)
        fail(`${c.name}'s look and voice are locked; an edit changes them only when the person asks for it (unlock: true).`);
      Object.assign(c, rest);
      if (identity) {
        const { face, eyes, hair, wardrobe, ...flat } = identity;
        c.identity = {
          ...c.identity,
          ...flat,
          face: { ...c.identity.face, ...(face ?? {}) },
          eyes: { ...c.identity.eyes, ...(eyes ?? {}) },
          hair: { ...c.identity.hair, ...(hair ?? {}) },
          wardrobe: { ...c.identity.wardrobe, ...(wardrobe ?? {}) },
        };
      }
      if (voice) c.voice = { ...c.voice, ...voice };
      return;
    }
  }
}

/**
 * Apply ops in order to a copy of `sp` and validate the result. Throws AuteurError("invalid_input")
 * for a malformed op or one that names an unknown act, scene, shot, line or character, and
 * AuteurError("invalid_screenplay") when the result breaks a rule of the schema.
 */
export function applyEdits(sp: Screenplay, ops: readonly EditOp[]): Screenplay {
  const draft = structuredClone(sp);
  ops.forEach((raw, i) => {
    const parsed = EditOpSchema.safeParse(raw);
    if (!parsed.success) throw new AuteurError("invalid_input", `Edit ${i + 1} is not valid:\n${describeIssues(parsed.error).join("\n")}`);
    applyOne(draft, parsed.data);
  });
  return parseScreenplay(draft);
}

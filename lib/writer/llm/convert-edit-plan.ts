/**
 * Model edits -> EditOps. Simple edits map directly; regenerate and add-scene write new scenes through
 * levels 3 and 4 (scenes, then shots and dialogue) with the person's direction, keeping the ids and the
 * running time of what they replace. Locked looks and voices change only when the message asks.
 */
import type { LanguageModel } from "ai";
import type { CallPolicy } from "../../ai/stream-json";
import { seedFrom } from "../../plan/keys";
import type { EditOp } from "../../screenplay/edit-ops";
import { LIMITS } from "../../screenplay/limits";
import type { Act, Grade, Scene, Screenplay } from "../../screenplay/schema";
import { buildCharacter } from "./build-character";
import { clipText } from "./clip-text";
import type { EditPlan, ModelEdit } from "./edit-plan-schema";
import { asksToChangeLook, asksToChangeVoice } from "./guardrails";
import type { ModelCharacter } from "./level-schemas";
import { limitConcurrency } from "./limit-concurrency";
import { planStructure } from "./plan-structure";
import { writeActScenes, writeSceneShots } from "./write-screenplay-with-model";

export interface ConvertContext {
  model: LanguageModel;
  sp: Screenplay;
  message: string;
  signal?: AbortSignal;
  policy?: Partial<CallPolicy>;
  concurrency?: number;
}

export interface Converted {
  ops: EditOp[];
  notes: string[];
  /** Characters whose look or voice the message unlocked. */
  unlocked: Set<string>;
}

const clamp = (v: number | null, lo: number, hi: number) => (v === null || !Number.isFinite(v) ? undefined : Math.min(hi, Math.max(lo, v)));
const sceneSeconds = (s: Scene) => s.shots.reduce((t, sh) => t + sh.duration, 0);

function allIds(sp: Screenplay): Set<string> {
  const ids = new Set<string>(sp.characters.map((c) => c.id));
  for (const act of sp.acts) {
    ids.add(act.id);
    for (const scene of act.scenes) {
      ids.add(scene.id);
      for (const shot of scene.shots) {
        ids.add(shot.id);
        for (const line of shot.lines) ids.add(line.id);
      }
    }
  }
  return ids;
}

/** A scene id no existing id equals or starts with (shot and line ids are built from it). */
function freshSceneId(ids: Set<string>, seed: string): string {
  for (let n = 0; ; n++) {
    const id = `scene-${seedFrom("scene", seed, n).toString(36).slice(0, 6)}`;
    if (![...ids].some((x) => x === id || x.startsWith(`${id}-`))) {
      ids.add(id);
      return id;
    }
  }
}

function outlineOf(sp: Screenplay): string {
  return sp.acts.map((a, i) => `Act ${i + 1}, "${a.title}": ${a.summary}\n${a.scenes.map((s, j) => `  ${j + 1}. ${s.summary}`).join("\n")}`).join("\n");
}

function restyleOp(e: Extract<ModelEdit, { kind: "restyle" }>): EditOp | undefined {
  const grade: Grade = {};
  if (e.palette) grade.palette = e.palette;
  const b = clamp(e.brightness, -1, 1);
  const c = clamp(e.contrast, 0.5, 2);
  const s = clamp(e.saturation, 0, 2);
  const g = clamp(e.grain, 0, 1);
  const v = clamp(e.vignette, 0, 1);
  if (b !== undefined) grade.brightness = b;
  if (c !== undefined) grade.contrast = c;
  if (s !== undefined) grade.saturation = s;
  if (g !== undefined) grade.grain = g;
  if (v !== undefined) grade.vignette = v;
  if (e.blackAndWhite !== null) grade.blackAndWhite = e.blackAndWhite;
  if (e.scope === "film") {
    if (e.anamorphic !== null) grade.anamorphic = e.anamorphic;
    const look = e.anamorphic === null ? undefined : { aspect: e.anamorphic ? ("2.39" as const) : ("16:9" as const) };
    if (!Object.keys(grade).length) return undefined;
    return { op: "restyle", scope: "film", grade, ...(look ? { look } : {}) };
  }
  if (!Object.keys(grade).length) return undefined;
  return { op: "restyle", scope: e.scope === "scene" ? { sceneId: e.id! } : { shotId: e.id! }, grade };
}

export async function convertEditPlan(ctx: ConvertContext, plan: EditPlan): Promise<Converted> {
  const { sp, model, message } = ctx;
  const notes: string[] = [];
  const unlocked = new Set<string>();
  const ids = allIds(sp);
  const run = limitConcurrency(Math.max(1, ctx.concurrency ?? 4));
  const call = { signal: ctx.signal, policy: ctx.policy };
  const avgShotSeconds = planStructure(sp.targetDurationSeconds).avgShotSeconds;
  // New characters come first, so scenes written in the same edit can give them lines.
  const added: EditOp[] = [];
  const characters = [...sp.characters];
  for (const e of plan.edits) {
    if (e.kind !== "add-character") continue;
    if (characters.length >= LIMITS.maxCharacters) {
      notes.push(`A film has at most ${LIMITS.maxCharacters} characters, so ${e.character.name} was not added.`);
      continue;
    }
    const character = buildCharacter(e.character, { genre: sp.style.genre, seedText: sp.title, takenIds: new Set(ids), takenVoices: characters.map((c) => c.voice) });
    ids.add(character.id);
    characters.push(character);
    added.push({ op: "add-character", character });
  }
  const sceneCtx = { title: sp.title, characters, logline: sp.logline, outline: outlineOf(sp) };
  const firstSceneId = sp.acts[0].scenes[0].id;
  const lastActScenes = sp.acts[sp.acts.length - 1].scenes;
  const lastSceneId = lastActScenes[lastActScenes.length - 1].id;
  const findScene = (id: string) => {
    for (const [a, act] of sp.acts.entries()) {
      const i = act.scenes.findIndex((s) => s.id === id);
      if (i >= 0) return { act, a, i, scene: act.scenes[i] };
    }
    throw new Error(`no scene ${id}`);
  };
  const neighbours = (id: string) => {
    const all = sp.acts.flatMap((a) => a.scenes);
    const i = all.findIndex((s) => s.id === id);
    return { before: all[i - 1]?.summary, after: all[i + 1]?.summary };
  };

  /** Rewrite scenes (same ids, same running time each) with a direction. */
  const rewriteScenes = async (act: Act, actNumber: number, scenes: Scene[], direction: string): Promise<Scene[]> => {
    const ideas = scenes.map((s) => `${clipText(direction, 300)} (before this edit: ${s.summary})`);
    const seconds = scenes.reduce((t, s) => t + sceneSeconds(s), 0) / scenes.length;
    const written = await run(() => writeActScenes(model, sceneCtx, { actNumber, title: act.title, summary: act.summary, sceneIdeas: ideas, sceneSeconds: seconds }, call));
    return Promise.all(
      written.map((scene, i) =>
        run(() =>
          writeSceneShots(
            model,
            sceneCtx,
            {
              id: scenes[i].id,
              scene,
              seconds: sceneSeconds(scenes[i]),
              avgShotSeconds,
              ...neighbours(scenes[i].id),
              direction,
              fadeIn: scenes[i].id === firstSceneId,
              fadeOut: scenes[i].shots[scenes[i].shots.length - 1].transitionOut === "fade-to-black" || scenes[i].id === lastSceneId,
            },
            call,
          ),
        ),
      ),
    );
  };

  const convertOne = async (e: ModelEdit, n: number): Promise<EditOp[]> => {
    switch (e.kind) {
      case "regenerate": {
        if (e.scope === "act") {
          const a = sp.acts.findIndex((x) => x.id === e.id);
          const act = sp.acts[a];
          const scenes = await rewriteScenes(act, a + 1, act.scenes, e.direction);
          return [{ op: "replace-act", actId: act.id, act: { ...act, scenes } }];
        }
        const { act, a, scene } = findScene(e.id);
        const [written] = await rewriteScenes(act, a + 1, [scene], e.direction);
        return [{ op: "replace-scene", sceneId: scene.id, scene: written }];
      }
      case "add-scene": {
        const a = sp.acts.findIndex((x) => x.id === e.actId);
        const act = sp.acts[a];
        const index = Math.max(0, Math.min(act.scenes.length, Math.round(e.index) || 0));
        const seconds = act.scenes.reduce((t, s) => t + sceneSeconds(s), 0) / act.scenes.length;
        const [modelScene] = await run(() =>
          writeActScenes(model, sceneCtx, { actNumber: a + 1, title: act.title, summary: act.summary, sceneIdeas: [clipText(e.direction, 400)], sceneSeconds: seconds }, call),
        );
        const id = freshSceneId(ids, `${message}\u0000${n}`);
        const scene = await run(() =>
          writeSceneShots(model, sceneCtx, { id, scene: modelScene, seconds, avgShotSeconds, before: act.scenes[index - 1]?.summary, after: act.scenes[index]?.summary, direction: e.direction }, call),
        );
        return [{ op: "insert-scene", actId: act.id, index, scene }];
      }
      case "remove-scene":
        return [{ op: "remove-scene", sceneId: e.sceneId }];
      case "move-scene":
        return [{ op: "move-scene", sceneId: e.sceneId, toActId: e.toActId, index: Math.max(0, Math.round(e.index) || 0) }];
      case "rewrite-line":
        return [{ op: "update-line", lineId: e.lineId, text: clipText(e.text, LIMITS.maxLineChars), delivery: e.delivery }];
      case "update-shot": {
        const shot = sp.acts.flatMap((a) => a.scenes.flatMap((s) => s.shots)).find((s) => s.id === e.shotId)!;
        const patch: Extract<EditOp, { op: "update-shot" }>["patch"] = {};
        if (e.action?.trim()) patch.action = clipText(e.action, 400);
        if (e.framing) patch.framing = e.framing;
        if (e.move || e.lens !== null) patch.camera = { move: e.move ?? shot.camera.move, lens: Math.round(clamp(e.lens, 12, 300) ?? shot.camera.lens) };
        return Object.keys(patch).length ? [{ op: "update-shot", shotId: e.shotId, patch }] : [];
      }
      case "retake-shot":
        return [{ op: "retake-shot", shotId: e.shotId }];
      case "restyle": {
        const op = restyleOp(e);
        if (!op) notes.push("A restyle named no change to the look; it was left out.");
        return op ? [op] : [];
      }
      case "set-length": {
        const seconds = Math.round(Math.min(LIMITS.maxFilmSeconds, Math.max(LIMITS.minFilmSeconds, e.seconds)));
        if (seconds !== Math.round(e.seconds)) notes.push(`Films run between ${LIMITS.minFilmSeconds} s and ${LIMITS.maxFilmSeconds / 60} minutes, so this one now runs ${seconds} s.`);
        return [{ op: "set-target-duration", seconds }];
      }
      case "add-character":
        return []; // converted above
      case "update-character": {
        const c = sp.characters.find((x) => x.id === e.characterId)!;
        const patch: Extract<EditOp, { op: "update-character" }>["patch"] = {};
        if (e.description?.trim()) patch.description = clipText(e.description, 400);
        if (e.traits?.length) patch.traits = e.traits.map((t) => clipText(t, 60, "")).filter(Boolean).slice(0, 12);
        if (e.speech?.trim()) patch.speech = clipText(e.speech, 200);
        let unlock = false;
        if (e.look) {
          if (asksToChangeLook(message)) {
            const asModel: ModelCharacter = { name: c.name, role: c.role, age: c.age ?? 35, gender: c.gender, description: c.description, traits: c.traits, speech: c.speech, look: e.look };
            const rebuilt = buildCharacter(asModel, { genre: sp.style.genre, seedText: sp.title, takenIds: new Set(), takenVoices: [] });
            const { seed: _seed, referenceImage: _ref, ...look } = rebuilt.identity;
            patch.identity = look;
            unlock = true;
          } else notes.push(`${c.name}'s look is locked and stays as it is; ask for it explicitly to change it ("give ${c.name} short red hair").`);
        }
        if (e.voice) {
          if (asksToChangeVoice(message)) {
            patch.voice = { pitch: Math.round(clamp(e.voice.pitch, -12, 12) ?? c.voice.pitch), rate: Math.round((clamp(e.voice.rate, 0.5, 2) ?? c.voice.rate) * 100) / 100 };
            unlock = true;
          } else notes.push(`${c.name}'s voice is locked and stays as it is; ask for it explicitly to change it ("make ${c.name}'s voice deeper").`);
        }
        if (unlock) unlocked.add(c.id);
        return Object.keys(patch).length ? [{ op: "update-character", characterId: c.id, patch, unlock }] : [];
      }
    }
  };

  const converted = await Promise.all(plan.edits.map((e, n) => convertOne(e, n)));
  return { ops: [...added, ...converted.flat()], notes, unlocked };
}

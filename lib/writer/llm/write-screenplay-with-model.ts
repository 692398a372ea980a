/**
 * The LLM screenwriter. A long film cannot come from one model call, so it writes in levels:
 *   1. premise: title, logline, style, characters (one call)
 *   2. act outline: acts with one idea per scene (one call)
 *   3. scenes of each act (one call per act, in parallel)
 *   4. shots and dialogue of each scene (one call per scene, in parallel; a scene starts as soon as its act
 *      is written)
 * Each answer is validated before the next level uses it (bad answers go back to the model with the
 * reason). Code, not the model, decides the structure (acts, scenes, shot counts from the running time),
 * fills ids, locked identities and voices, and times the shots so the film plays the requested length.
 */
import type { LanguageModel } from "ai";
import { characterBible, actScenesPrompt, outlinePrompt, premisePrompt, sceneShotsPrompt, SCREENWRITER_SYSTEM } from "../../ai/prompts";
import { streamJson, type CallPolicy } from "../../ai/stream-json";
import { fitDurations } from "../../screenplay/apply-edits";
import { LIMITS } from "../../screenplay/limits";
import type { Act, Character, Scene, Screenplay } from "../../screenplay/schema";
import { iterateShots, parseScreenplay, plannedDuration } from "../../screenplay/validate";
import { findLength, findOverreach } from "../find-length";
import { buildCast } from "./build-character";
import { buildScene } from "./build-scene";
import { buildStyle } from "./build-style";
import { checkActScenes, checkOutline, checkPremise, checkSceneShots } from "./check-levels";
import { clipText } from "./clip-text";
import { ActScenesSchema, OutlineSchema, PremiseSchema, SceneShotsSchema, type ModelScene, type Outline } from "./level-schemas";
import { limitConcurrency } from "./limit-concurrency";
import { nameResolver } from "./name-resolver";
import { planStructure, shotRange, type StructurePlan } from "./plan-structure";
import { draftScenesFrom, draftShotsFrom, type ScreenplayDraft } from "./screenplay-draft";

export interface WriteWithModelOptions {
  /** Called as the screenplay grows (the same draft object, updated in place: copy it to keep it). */
  onPartial?(draft: ScreenplayDraft): void;
  signal?: AbortSignal;
  /** Timeouts, retries and repairs of each model call. */
  policy?: Partial<CallPolicy>;
  /** Model calls in flight at once (default 4). */
  concurrency?: number;
  /** Running time in seconds; by default what the idea asks for (clamped to LIMITS), else 3 minutes. */
  targetSeconds?: number;
}

export interface WrittenScreenplay {
  screenplay: Screenplay;
  notes: string[];
}

/** The context a scene's shots are written in; shared by writing and by edits that regenerate scenes. */
export interface SceneContext {
  title: string;
  characters: readonly Character[];
}

/** Level 4 for one scene: ask for shots and dialogue, validate, build the Scene with ids from `id`. */
export async function writeSceneShots(
  model: LanguageModel,
  ctx: SceneContext,
  input: { id: string; scene: ModelScene; seconds: number; avgShotSeconds: number; before?: string; after?: string; direction?: string; fadeIn?: boolean; fadeOut?: boolean },
  call: { signal?: AbortSignal; policy?: Partial<CallPolicy>; onPartial?: (partial: unknown) => void },
): Promise<Scene> {
  const resolve = nameResolver(ctx.characters);
  const range = shotRange(input.seconds, input.avgShotSeconds);
  const s = input.scene;
  const sceneText = `${s.heading} (${s.interior ? "interior" : "exterior"}, ${s.locationName}, ${s.timeOfDay}, ${s.weather}; mood: ${s.mood}; beat: ${s.beat}). ${s.summary} Characters: ${s.characters.join(", ") || "none named"}.`;
  const shots = await streamJson({
    model: model,
    name: "scene_shots",
    description: "The shots and dialogue of one scene",
    schema: SceneShotsSchema,
    system: SCREENWRITER_SYSTEM,
    prompt: sceneShotsPrompt({ title: ctx.title, bible: characterBible(ctx.characters), scene: sceneText, before: input.before, after: input.after, seconds: input.seconds, shots: range, direction: input.direction }),
    check: (v) => checkSceneShots(v, range, input.seconds, resolve),
    onPartial: call.onPartial,
    signal: call.signal,
    policy: call.policy,
  });
  return buildScene({ id: input.id, scene: input.scene, shots: shots.shots, seconds: input.seconds, resolve, fadeIn: input.fadeIn, fadeOut: input.fadeOut });
}

/** Level 3 for one act: its scenes from the outline's ideas. */
export async function writeActScenes(
  model: LanguageModel,
  ctx: SceneContext & { logline: string; outline: string },
  input: { actNumber: number; title: string; summary: string; sceneIdeas: string[]; sceneSeconds: number },
  call: { signal?: AbortSignal; policy?: Partial<CallPolicy>; onPartial?: (partial: unknown) => void },
): Promise<ModelScene[]> {
  const resolve = nameResolver(ctx.characters);
  const answer = await streamJson({
    model,
    name: "act_scenes",
    description: `The scenes of act ${input.actNumber}`,
    schema: ActScenesSchema,
    system: SCREENWRITER_SYSTEM,
    prompt: actScenesPrompt({ title: ctx.title, logline: ctx.logline, bible: characterBible(ctx.characters), outline: ctx.outline, actNumber: input.actNumber, actTitle: input.title, actSummary: input.summary, sceneIdeas: input.sceneIdeas, sceneSeconds: input.sceneSeconds }),
    check: (v) => checkActScenes(v, input.sceneIdeas.length, resolve),
    onPartial: call.onPartial,
    signal: call.signal,
    policy: call.policy,
  });
  return answer.scenes;
}

export function outlineText(outline: Outline): string {
  return outline.acts.map((a, i) => `Act ${i + 1}, "${a.title}": ${a.summary}\n${a.sceneIdeas.map((s, j) => `  ${j + 1}. ${s}`).join("\n")}`).join("\n");
}

/** Write a whole screenplay with a language model, level by level. Throws AuteurError on failure. */
export async function writeScreenplayWithModel(model: LanguageModel, idea: string, options: WriteWithModelOptions = {}): Promise<WrittenScreenplay> {
  const length = findLength(idea);
  const notes = [...length.notes, ...findOverreach(idea)];
  const plan: StructurePlan = planStructure(options.targetSeconds ?? length.seconds);
  const sceneCounts = plan.acts.map((a) => a.scenes);
  const totalScenes = sceneCounts.reduce((a, b) => a + b, 0);
  const draft: ScreenplayDraft = { level: "premise", characters: [], acts: [], calls: { done: 0, planned: 2 + plan.acts.length + totalScenes } };
  const emit = () => options.onPartial?.(draft);
  // One failure stops the calls still running.
  const stop = new AbortController();
  const signal = options.signal ? AbortSignal.any([options.signal, stop.signal]) : stop.signal;
  const run = limitConcurrency(Math.max(1, options.concurrency ?? 4));
  const call = { signal, policy: options.policy };
  const done = <T>(value: T): T => {
    draft.calls.done++;
    emit();
    return value;
  };

  try {
    emit();
    // Level 1: premise.
    const premise = await streamJson({
      model,
      name: "premise",
      description: "Title, logline, style and characters of the film",
      schema: PremiseSchema,
      system: SCREENWRITER_SYSTEM,
      prompt: premisePrompt({ idea, targetSeconds: plan.targetSeconds, maxCharacters: Math.min(8, LIMITS.maxCharacters) }),
      check: checkPremise,
      onPartial: (p: any) => {
        draft.title = typeof p.title === "string" ? p.title : draft.title;
        draft.logline = typeof p.logline === "string" ? p.logline : draft.logline;
        if (Array.isArray(p.characters)) draft.characters = p.characters.filter(Boolean).map((c: any) => ({ name: c.name, role: c.role, description: c.description }));
        emit();
      },
      ...call,
    }).then(done);
    const title = clipText(premise.title, 120, "Untitled");
    const cast = buildCast(premise.characters, premise.genre, title);
    notes.push(...cast.notes);
    const characters = cast.characters;
    const style = buildStyle(premise, idea);
    Object.assign(draft, { level: "outline", title, logline: premise.logline, characters: characters.map((c) => ({ name: c.name, role: c.role, description: c.description })) });
    emit();

    // Level 2: act outline.
    const outline = await streamJson({
      model,
      name: "act_outline",
      description: "The acts of the film with one idea per scene",
      schema: OutlineSchema,
      system: SCREENWRITER_SYSTEM,
      prompt: outlinePrompt({ title, logline: premise.logline, genre: premise.genre, tone: premise.tone, bible: characterBible(characters), targetSeconds: plan.targetSeconds, acts: plan.acts }),
      check: (o) => checkOutline(o, sceneCounts),
      onPartial: (p: any) => {
        if (Array.isArray(p.acts)) draft.acts = p.acts.filter(Boolean).map((a: any) => ({ title: a.title, summary: a.summary, scenes: [] }));
        emit();
      },
      ...call,
    }).then(done);
    draft.level = "scenes";
    draft.acts = outline.acts.map((a) => ({ title: a.title, summary: a.summary, scenes: a.sceneIdeas.map((idea) => ({ summary: idea, shots: [] })) }));
    emit();

    // Levels 3 and 4: each act's scenes, then each scene's shots, all through one concurrency limit.
    const ctx = { title, characters, logline: premise.logline, outline: outlineText(outline) };
    const ideas = outline.acts.flatMap((a) => a.sceneIdeas);
    let sceneNumber = 0;
    const acts = await Promise.all(
      outline.acts.map(async (act, a): Promise<Act> => {
        const firstScene = sceneNumber;
        sceneNumber += act.sceneIdeas.length;
        const sceneSeconds = plan.acts[a].seconds / act.sceneIdeas.length;
        const scenes = await run(() =>
          writeActScenes(model, ctx, { actNumber: a + 1, title: act.title, summary: act.summary, sceneIdeas: act.sceneIdeas, sceneSeconds }, {
            ...call,
            onPartial: (p) => {
              const written = draftScenesFrom(p);
              draft.acts[a].scenes = draft.acts[a].scenes.map((s, i) => ({ ...s, ...written[i], shots: s.shots }));
              emit();
            },
          }),
        ).then(done);
        draft.level = "shots";
        draft.acts[a].scenes = scenes.map((s) => ({ heading: s.heading, summary: s.summary, mood: s.mood, shots: [] }));
        emit();
        const built = await Promise.all(
          scenes.map((scene, i) => {
            const n = firstScene + i;
            return run(() =>
              writeSceneShots(
                model,
                ctx,
                {
                  id: `scene-${n + 1}`,
                  scene,
                  seconds: sceneSeconds,
                  avgShotSeconds: plan.avgShotSeconds,
                  before: ideas[n - 1],
                  after: ideas[n + 1],
                  fadeIn: n === 0,
                  fadeOut: i === scenes.length - 1,
                },
                {
                  ...call,
                  onPartial: (p) => {
                    draft.acts[a].scenes[i].shots = draftShotsFrom(p);
                    emit();
                  },
                },
              ),
            ).then((s) => {
              draft.acts[a].scenes[i].shots = s.shots.map((shot) => ({ framing: shot.framing, action: shot.action, lines: shot.lines.map((l) => ({ speaker: l.speaker, text: l.text })) }));
              return done(s);
            });
          }),
        );
        return { id: `act-${a + 1}`, title: clipText(act.title, 80, `Act ${a + 1}`), summary: clipText(act.summary, 600, ""), scenes: built };
      }),
    );

    const language = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/.test(premise.language.trim()) ? premise.language.trim() : "en";
    const screenplay: Screenplay = {
      version: 1,
      title,
      logline: clipText(premise.logline, 400, title),
      language,
      targetDurationSeconds: plan.targetSeconds,
      style,
      characters,
      acts,
      notes: [],
    };
    fitFilmLength(screenplay, plan.targetSeconds, notes);
    screenplay.notes = notes.map((n) => clipText(n, 400, "")).slice(0, 20);
    const valid = parseScreenplay(screenplay);
    draft.level = "done";
    emit();
    return { screenplay: valid, notes };
  } catch (error) {
    stop.abort(error);
    throw error;
  }
}

/** Where scenes could not be timed exactly (too much speech, too few shots), rescale the whole film once. */
function fitFilmLength(sp: Screenplay, target: number, notes: string[]): void {
  const total = plannedDuration(sp);
  if (Math.abs(total - target) / target > 0.02) {
    const shots = [...iterateShots(sp)].map((s) => s.shot);
    const durations = fitDurations(shots, target);
    shots.forEach((s, i) => (s.duration = durations[i]));
  }
  const after = plannedDuration(sp);
  if (Math.abs(after - target) / target > 0.05)
    notes.push(`The film runs ${Math.round(after)} s rather than the ${Math.round(target)} s asked for: the dialogue needs that time.`);
}

/**
 * plan: Cut (screenplay) -> RenderPlan. Pure: the same screenplay, speech measurements and failures
 * give the same specs and keys. Planning goes in two steps because a shot lasts as long as its lines
 * need: first the voices (from the screenplay alone), then, scene by scene once its speech is measured,
 * the shots, the scene's sound, the shot mixes; and the stitch once every scene is planned. A shot's
 * picture can go ahead of its scene (`RenderPlan.early`) when nothing else in the scene changes it.
 */
import type { Character, Look, Scene, Screenplay, Shot } from "../screenplay/schema";
import { contentKey, seedFrom } from "./keys";
import { BUILT_IN_PROVIDERS } from "./providers";
import type {
  CharacterLook,
  Chapter,
  MixSpec,
  PlaceSpec,
  PlacedLine,
  ShotSpec,
  SoundSpec,
  SpeechMeta,
  StitchSpec,
  SubtitleCue,
  VoiceSpec,
} from "./specs";
import { FILM_FORMAT, type ProviderRef } from "./specs";
import { cuesForLine } from "./subtitles";
import { DEFAULT_DUCK } from "../sound/duck";

/** Timing of lines inside a shot (seconds). */
export const SHOT_TIMING = { lead: 0.35, gap: 0.3, speakerChangeGap: 0.45, tail: 0.6 } as const;
export const FILM_LOUDNESS = { integrated: -16, truePeak: -1 } as const;

export interface PlanOptions {
  captions: boolean;
  /** The video provider (default: the built-in animatic). */
  video?: ProviderRef;
  /** The speech provider (default: the built-in Flite voices). */
  speech?: ProviderRef;
  /** The video provider accepts a first frame: a shot that `continues` starts from the last frame of the one before. */
  chainFirstFrames?: boolean;
}

export interface PlannedShot {
  shotId: string;
  sceneId: string;
  index: number;
  frames: number;
  render: ShotSpec;
  mix: MixSpec;
  /** Why this shot is degraded (a failed line, a failed render), if it is. */
  errors: string[];
}

export interface PlannedScene {
  sceneId: string;
  sound: SoundSpec | null;
  shots: PlannedShot[];
}

/** A shot's picture planned before its scene is: see `RenderPlan.early`. */
export interface EarlyRender {
  shotId: string;
  sceneId: string;
  index: number;
  frames: number;
  render: ShotSpec;
}

export interface RenderPlan {
  voices: VoiceSpec[];
  /** One entry per scene, in film order; null while the scene's speech is not all measured. */
  scenes: (PlannedScene | null)[];
  /**
   * Renders of shots in scenes not yet planned whose own lines are measured: the picture can start
   * while the rest of the scene is still being spoken. Only shots whose length the scene grid cannot
   * change (see `alignSceneFrames`): not the scene's last and, in a changed cut, timed as before; none
   * when first frames are chained. Each spec is the one the full scene plan gives the shot.
   */
  early: EarlyRender[];
  /** Present once every scene is planned. */
  stitch: StitchSpec | null;
}

/** What is known from work already done: speech measurements by key, failures by key. */
export interface PlanInputs {
  speech: ReadonlyMap<string, SpeechMeta>;
  failures: ReadonlyMap<string, string>;
  /** The cut this one was changed from, when it was finished first: see `PreviousShots`. */
  previous?: PreviousShots;
}

/**
 * How long each shot of the cut a change was made from lasted (on the scene grid) and what it was timed
 * from (its own length and fewest frames before the grid): a shot timed the same keeps its length, so
 * a change of length in a scene is taken up by a shot that changed (see `alignSceneFrames`).
 */
export type PreviousShots = ReadonlyMap<string, { frames: number; natural: number; minFrames: number }>;

/**
 * Each shot's own timing (frames before the scene grid, fewest frames) where its lines are all
 * measured (pure): what a later cut compares its shots with (`PreviousShots`).
 */
export function shotTimings(sp: Screenplay, inputs: Pick<PlanInputs, "speech" | "failures">, speech?: ProviderRef): Map<string, { natural: number; minFrames: number }> {
  const voicesByLine = new Map(planVoices(sp, speech).map((v) => [v.lineId, v]));
  const out = new Map<string, { natural: number; minFrames: number }>();
  for (const act of sp.acts)
    for (const scene of act.scenes)
      for (const shot of scene.shots) {
        const t = timeShot(shot, voicesByLine, inputs);
        if (t) out.set(shot.id, { natural: t.frames, minFrames: t.minFrames });
      }
  return out;
}

function withKey<T extends { key: string; stage: string; provider: { name: string; version: string } }>(
  spec: Omit<T, "key">,
  exclude: string[] = [],
): T {
  const inputs: Record<string, unknown> = { ...spec };
  delete inputs.stage;
  delete inputs.provider;
  for (const k of exclude) delete inputs[k];
  return { ...spec, key: contentKey(spec.stage, inputs, spec.provider) } as T;
}

export function planVoices(sp: Screenplay, speech: ProviderRef = BUILT_IN_PROVIDERS.speech): VoiceSpec[] {
  const byId = new Map(sp.characters.map((c) => [c.id, c]));
  const voices: VoiceSpec[] = [];
  for (const act of sp.acts)
    for (const scene of act.scenes)
      for (const shot of scene.shots)
        for (const line of shot.lines) {
          const speaker = byId.get(line.speaker)!;
          voices.push(
            withKey<VoiceSpec>(
              {
                stage: "speak-line",
                lineId: line.id,
                speaker: speaker.id,
                text: line.text,
                delivery: line.delivery,
                voice: speaker.voice,
                provider: speech,
              },
              // The line's id and speaker id do not change the sound: the same words in the same voice are one asset.
              ["lineId", "speaker"],
            ),
          );
        }
  return voices;
}

/** Speech time estimate for a line nobody could speak (a failed voice): keeps the shot's timing sane. */
export function estimateSpeechSeconds(text: string): number {
  return Math.max(0.6, text.length / 14);
}

export function mergeLook(base: Look, ...grades: (Partial<Look> | undefined)[]): Look {
  const look = { ...base };
  for (const g of grades) if (g) Object.assign(look, Object.fromEntries(Object.entries(g).filter(([, v]) => v !== undefined)));
  return look;
}

function placeOf(scene: Scene): PlaceSpec {
  return {
    name: scene.location.name,
    kind: scene.location.kind,
    interior: scene.location.interior,
    timeOfDay: scene.timeOfDay,
    weather: scene.weather,
    mood: scene.mood,
    seed: seedFrom("place", scene.location.kind, scene.location.name, scene.timeOfDay),
  };
}

/** The scene's cast in order of first appearance: slots follow it, so screen direction holds. */
function sceneCast(scene: Scene): string[] {
  const order: string[] = [];
  for (const shot of scene.shots) {
    for (const c of shot.characters) if (!order.includes(c)) order.push(c);
    for (const l of shot.lines) if (!order.includes(l.speaker)) order.push(l.speaker);
  }
  return order;
}

function intensityOf(mood: string, beat: string | undefined): number {
  const m = `${mood} ${beat ?? ""}`.toLowerCase();
  if (/(climax|finale|chase|fight|battle|action|panic|terror|all is lost|confrontation)/.test(m)) return 0.9;
  if (/(tense|danger|dread|suspense|urgent|angry|fear|escalat)/.test(m)) return 0.7;
  if (/(calm|quiet|tender|peace|melanchol|sad|reflect|intimate)/.test(m)) return 0.3;
  return 0.5;
}

interface ShotTiming {
  frames: number;
  /** The fewest frames the shot can have: its lines and their tail, and never under a second. */
  minFrames: number;
  lines: { lineId: string; speaker: string; startSec: number; endSec: number; voice: VoiceSpec; meta: SpeechMeta | null }[];
  errors: string[];
}

function timeShot(shot: Shot, voicesByLine: Map<string, VoiceSpec>, inputs: PlanInputs): ShotTiming | null {
  const lines: ShotTiming["lines"] = [];
  const errors: string[] = [];
  let t = SHOT_TIMING.lead;
  let previous: string | null = null;
  for (const line of shot.lines) {
    const voice = voicesByLine.get(line.id)!;
    const failed = inputs.failures.get(voice.key);
    const meta = inputs.speech.get(voice.key) ?? null;
    if (!meta && !failed) return null;
    if (failed) errors.push(`Line "${line.text.slice(0, 40)}" could not be spoken: ${failed}`);
    if (previous !== null) t += previous === line.speaker ? SHOT_TIMING.gap : SHOT_TIMING.speakerChangeGap;
    const duration = meta ? meta.durationSec : estimateSpeechSeconds(line.text);
    lines.push({ lineId: line.id, speaker: line.speaker, startSec: t, endSec: t + duration, voice, meta: failed ? null : meta });
    t += duration;
    previous = line.speaker;
  }
  const needed = lines.length ? t + SHOT_TIMING.tail : 0;
  const seconds = Math.max(shot.duration, needed);
  const frames = Math.max(1, Math.round(seconds * FILM_FORMAT.fps));
  return { frames, minFrames: Math.min(frames, Math.max(FILM_FORMAT.fps, Math.ceil(needed * FILM_FORMAT.fps))), lines, errors };
}

/**
 * Video frames in one scene grid step: 64 frames at 24 fps are 128,000 samples at 48 kHz, a whole
 * number of AAC frames (1024 samples). Every scene's length is a multiple of it, so every scene starts
 * on an AAC frame of the film's one track: a scene's encoded audio does not depend on where the scene
 * sits, and when an earlier scene changes length the later scenes' audio is joined as it was, by copy.
 */
export const SCENE_GRID_FRAMES = 64;

/**
 * Scene length on the grid (pure): the nearest multiple of SCENE_GRID_FRAMES, the difference taken from
 * or added to one shot only (its slack beyond its lines, or a longer held ending), rounding up when that
 * shot has too little slack. Returns each shot's frames.
 *
 * Which shot: with no earlier cut, the scene's last (the others' renders are planned before the scene
 * is, `RenderPlan.early`, and must not change when it is). When the cut was changed from an earlier one,
 * `kept[i]` holds shot i's length there if it is timed as it was there: those shots keep their length
 * (and their renders), and the last shot that changed takes the difference, so re-speaking a line
 * re-times that line's shot only. A scene whose shots all kept their timing keeps its lengths.
 */
export function alignSceneFrames(
  shots: readonly { frames: number; minFrames: number }[],
  grid = SCENE_GRID_FRAMES,
  kept?: readonly (number | undefined)[],
): number[] {
  const frames = shots.map((s, i) => kept?.[i] ?? s.frames);
  if (frames.length === 0) return frames;
  const total = frames.reduce((a, b) => a + b, 0);
  let absorber = frames.length - 1;
  if (kept) {
    const changed = shots.map((_, i) => i).filter((i) => kept[i] === undefined);
    if (changed.length === 0 && total % grid === 0) return frames;
    if (changed.length > 0) absorber = changed[changed.length - 1]!;
  }
  // The absorbing shot starts from its own timing.
  const own = shots[absorber]!;
  const base = total - frames[absorber]! + own.frames;
  frames[absorber] = own.frames;
  const slack = Math.max(0, own.frames - own.minFrames);
  const nearest = Math.max(grid, Math.round(base / grid) * grid);
  const target = nearest < base && base - nearest > slack ? Math.ceil(base / grid) * grid : nearest;
  frames[absorber]! += target - base;
  return frames;
}

/** Each shot's length in the earlier cut where it is timed as it was there (see `alignSceneFrames`). */
function keptFrames(scene: Scene, timings: readonly (ShotTiming | null)[], previous: PreviousShots): (number | undefined)[] {
  return scene.shots.map((shot, i) => {
    const before = previous.get(shot.id);
    const t = timings[i];
    return before && t && before.natural === t.frames && before.minFrames === t.minFrames ? before.frames : undefined;
  });
}

function placeLines(timing: ShotTiming, shot: Shot): PlacedLine[] {
  return timing.lines.map((l) => {
    const line = shot.lines.find((x) => x.id === l.lineId)!;
    return {
      lineId: l.lineId,
      speaker: l.speaker,
      text: line.text,
      delivery: line.delivery,
      startSec: round4(l.startSec),
      endSec: round4(l.endSec),
      onsetSec: round4(Math.max(0, l.meta?.onsetSec ?? l.meta?.words[0]?.start ?? 0)),
      envelope: l.meta?.envelope ?? [],
      speechKey: l.voice.key,
    };
  });
}

function round4(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}

function characterLooks(shot: Shot, cast: string[], byId: Map<string, Character>): CharacterLook[] {
  const present = [...shot.characters];
  for (const l of shot.lines) if (!present.includes(l.speaker)) present.push(l.speaker);
  present.sort((a, b) => cast.indexOf(a) - cast.indexOf(b));
  return present.map((id, slot) => {
    const c = byId.get(id)!;
    return { id: c.id, name: c.name, identity: c.identity, slot };
  });
}

/** What a shot's picture is planned from: its scene's parts that the screenplay alone fixes. */
interface SceneContext {
  scene: Scene;
  firstIndex: number;
  place: PlaceSpec;
  cast: string[];
}

/**
 * The render spec of one shot (the placeholder when its render failed for good). It reads the shot's
 * own timing and the screenplay only, nothing timed elsewhere in the scene, so a shot planned before its
 * scene gets the same spec (and key) as when the whole scene is planned.
 */
function planRender(
  sp: Screenplay,
  at: SceneContext,
  i: number,
  timing: ShotTiming,
  byId: Map<string, Character>,
  options: PlanOptions,
  failures: ReadonlyMap<string, string>,
  previousRenderKey: string | undefined,
): { render: ShotSpec; failed?: string } {
  const { scene } = at;
  const shot = scene.shots[i]!;
  const render = withKey<ShotSpec>(
    {
      stage: "render-shot",
      shotId: shot.id,
      sceneId: scene.id,
      index: at.firstIndex + i,
      seed: seedFrom("shot", shot.id, shot.take),
      take: shot.take,
      frames: timing.frames,
      fps: FILM_FORMAT.fps,
      width: FILM_FORMAT.width,
      height: FILM_FORMAT.height,
      framing: shot.framing,
      camera: shot.camera,
      action: shot.action,
      place: at.place,
      look: mergeLook(sp.style.look, scene.grade, shot.grade),
      characters: characterLooks(shot, at.cast, byId),
      lines: placeLines(timing, shot),
      transitionIn: shot.transitionIn,
      transitionOut: shot.transitionOut,
      captions: options.captions,
      continuesFrom: options.chainFirstFrames && shot.continues && previousRenderKey ? previousRenderKey : undefined,
      provider: options.video ?? BUILT_IN_PROVIDERS.video,
    },
    // Where the shot sits in the film does not change its picture.
    ["index", "sceneId"],
  );
  const failed = failures.get(render.key);
  return failed ? { render: placeholderOf(render, failed), failed } : { render };
}

/**
 * Plan every scene whose speech is measured, and the stitch once all are. `inputs.failures` holds keys
 * whose work failed for good: a failed render becomes a placeholder, a failed line a silent gap, a
 * failed score silence, a failed mix a placeholder with no sound.
 */
export function planCut(sp: Screenplay, inputs: PlanInputs, options: PlanOptions): RenderPlan {
  const voices = planVoices(sp, options.speech);
  const voicesByLine = new Map(voices.map((v) => [v.lineId, v]));
  const byId = new Map(sp.characters.map((c) => [c.id, c]));
  const scenes: (PlannedScene | null)[] = [];
  const early: EarlyRender[] = [];
  let index = 0;

  for (const act of sp.acts) {
    for (const scene of act.scenes) {
      const firstIndex = index;
      index += scene.shots.length;
      const timings = scene.shots.map((shot) => timeShot(shot, voicesByLine, inputs));
      const at: SceneContext = { scene, firstIndex, place: placeOf(scene), cast: sceneCast(scene) };
      const kept = inputs.previous ? keptFrames(scene, timings, inputs.previous) : undefined;
      if (timings.some((t) => t === null)) {
        scenes.push(null);
        // With chained first frames a shot starts from the last frame of the one before: all wait for the scene, as before.
        // A shot's length is known before its scene is planned when it is not the scene's last and, in a
        // changed cut, keeps its earlier length (a changed shot may take up the scene's grid).
        if (!options.chainFirstFrames)
          timings.forEach((t, i) => {
            const frames = i === timings.length - 1 ? undefined : kept ? kept[i] : t?.frames;
            if (!t || frames === undefined) return;
            const { render } = planRender(sp, at, i, { ...t, frames }, byId, options, inputs.failures, undefined);
            early.push({ shotId: render.shotId, sceneId: scene.id, index: render.index, frames, render });
          });
        continue;
      }
      const aligned = alignSceneFrames(timings.map((t) => t!), SCENE_GRID_FRAMES, kept);
      timings.forEach((t, i) => {
        t!.frames = aligned[i]!;
      });
      const shotStarts: number[] = [];
      const speech: { start: number; end: number }[] = [];
      let sceneFrames = 0;
      timings.forEach((t) => {
        shotStarts.push(round4(sceneFrames / FILM_FORMAT.fps));
        for (const l of t!.lines) speech.push({ start: round4(sceneFrames / FILM_FORMAT.fps + l.startSec), end: round4(sceneFrames / FILM_FORMAT.fps + l.endSec) });
        sceneFrames += t!.frames;
      });
      const sound = withKey<SoundSpec>({
        stage: "score-scene",
        sceneId: scene.id,
        durationSec: sceneFrames / FILM_FORMAT.fps,
        shotStarts,
        speech: dialogueBars(speech, sp.style.music.tempo),
        music: sp.style.music,
        mood: scene.mood,
        intensity: intensityOf(scene.mood, scene.beat),
        place: at.place,
        seed: seedFrom("score", scene.id),
        provider: BUILT_IN_PROVIDERS.sound,
      }, ["sceneId"]);
      const soundFailed = inputs.failures.get(sound.key);

      let previousRenderKey: string | undefined;
      const shots: PlannedShot[] = scene.shots.map((shot, i) => {
        const timing = timings[i]!;
        const errors = [...timing.errors];
        const planned = planRender(sp, at, i, timing, byId, options, inputs.failures, previousRenderKey);
        let render = planned.render;
        if (planned.failed) errors.push(`The shot could not be rendered: ${planned.failed}`);
        previousRenderKey = render.key;
        let mix = withKey<MixSpec>({
          stage: "mix-shot",
          shotId: shot.id,
          sceneId: scene.id,
          frames: timing.frames,
          fps: FILM_FORMAT.fps,
          sampleRate: FILM_FORMAT.sampleRate,
          videoKey: render.key,
          lines: timing.lines
            .filter((l) => l.meta)
            .map((l) => {
              const look = render.characters.find((c) => c.id === l.speaker);
              const count = render.characters.length;
              const pan = look && count > 1 ? round4((look.slot / (count - 1) - 0.5) * 0.5) : 0;
              return { speechKey: l.voice.key, startSec: round4(l.startSec), speaker: l.speaker, delivery: l.voice.delivery, pan };
            }),
          bed: { key: soundFailed ? "" : sound.key, offsetSec: shotStarts[i]! },
          duck: duckReaching(speech, shotStarts[i]!, timing.frames / FILM_FORMAT.fps),
          cues: shot.sound.map((c) => ({ kind: c.kind, atSec: round4((c.at * timing.frames) / FILM_FORMAT.fps), gain: c.gain })),
          fadeInSec: shot.transitionIn === "fade-from-black" ? 0.5 : 0,
          fadeOutSec: shot.transitionOut === "fade-to-black" ? 0.7 : 0,
          provider: BUILT_IN_PROVIDERS.mix,
        }, ["shotId", "sceneId"]);
        const mixFailed = inputs.failures.get(mix.key);
        if (mixFailed) {
          errors.push(`The shot's sound could not be mixed: ${mixFailed}`);
          if (!render.placeholder) render = placeholderOf(render, mixFailed);
          mix = withKey<MixSpec>({ ...mix, videoKey: render.key, lines: [], cues: [], bed: { key: "", offsetSec: 0 }, duck: [] }, ["shotId", "sceneId"]);
        }
        return { shotId: shot.id, sceneId: scene.id, index: firstIndex + i, frames: timing.frames, render, mix, errors };
      });
      scenes.push({ sceneId: scene.id, sound: soundFailed ? null : sound, shots });
    }
  }

  let stitch: StitchSpec | null = null;
  if (scenes.every((s) => s !== null)) {
    const segments: StitchSpec["segments"] = [];
    const chapters: Chapter[] = [];
    const subtitles: SubtitleCue[] = [];
    let frames = 0;
    let sceneIndex = 0;
    for (const act of sp.acts)
      for (const scene of act.scenes) {
        const planned = scenes[sceneIndex++]!;
        const start = frames / FILM_FORMAT.fps;
        for (const shot of planned.shots) {
          const shotStart = frames / FILM_FORMAT.fps;
          const shotEnd = (frames + shot.frames) / FILM_FORMAT.fps;
          shot.render.lines.forEach((line, i) => {
            const name = byId.get(line.speaker)?.name ?? line.speaker;
            // The cue appears when the voice starts (the speech file begins with a short pad) and is
            // gone before the next line's cue or the cut.
            const next = shot.render.lines[i + 1];
            const limit = next ? shotStart + next.startSec + (next.onsetSec ?? 0) : shotEnd;
            subtitles.push(...cuesForLine(line.text, name, shotStart + line.startSec + (line.onsetSec ?? 0), shotStart + line.endSec, limit));
          });
          segments.push({ shotId: shot.shotId, mixKey: shot.mix.key, frames: shot.frames });
          frames += shot.frames;
        }
        chapters.push({ title: scene.heading, startSec: round4(start), endSec: round4(frames / FILM_FORMAT.fps) });
      }
    stitch = withKey<StitchSpec>({
      stage: "stitch-cut",
      title: sp.title,
      segments,
      chapters,
      subtitles,
      fps: FILM_FORMAT.fps,
      sampleRate: FILM_FORMAT.sampleRate,
      loudness: FILM_LOUDNESS,
      provider: BUILT_IN_PROVIDERS.stitch,
    });
  }
  return { voices, scenes, early, stitch };
}

/**
 * The early render worth queueing (pure): the first shot of the first scene still waiting for its speech,
 * the next picture playback needs that nothing else is making yet. Not the scene's other shots, nor later
 * scenes': the CPU lanes take whatever waits, so a long render queued ahead would take the lane the
 * waiting scene's score needs the moment its last line is spoken (the score is queued only then), and
 * the first segment needs that score too. Those shots render with their scene, as before.
 */
export function nextEarlyRender(sp: Screenplay, plan: RenderPlan): EarlyRender | undefined {
  let firstIndex = 0;
  let sceneIndex = 0;
  for (const act of sp.acts)
    for (const scene of act.scenes) {
      if (plan.scenes[sceneIndex++] === null) return plan.early.find((e) => e.index === firstIndex);
      firstIndex += scene.shots.length;
    }
  return undefined;
}

/**
 * The bars holding dialogue (whole bars at the tempo, merged): what the score needs to keep its melody
 * out of the words. Coarse on purpose, so a line re-spoken at nearly the same length keeps the bed.
 */
export function dialogueBars(speech: { start: number; end: number }[], tempo: number): { start: number; end: number }[] {
  const bar = 240 / Math.max(20, tempo);
  const out: { start: number; end: number }[] = [];
  for (const s of speech) {
    const start = round4(Math.floor(s.start / bar) * bar);
    const end = round4(Math.max(start + bar, Math.ceil(s.end / bar) * bar));
    const last = out[out.length - 1];
    if (last && start <= last.end) last.end = Math.max(last.end, end);
    else out.push({ start, end });
  }
  return out;
}

/** The scene's dialogue (seconds from the shot's start) whose ducking ramps reach into [0, lengthSec). */
export function duckReaching(speech: { start: number; end: number }[], shotStartSec: number, lengthSec: number): { start: number; end: number }[] {
  return speech
    .map((s) => ({ start: round4(s.start - shotStartSec), end: round4(s.end - shotStartSec) }))
    .filter((s) => s.start - DEFAULT_DUCK.attackSec < lengthSec && s.end + DEFAULT_DUCK.releaseSec > 0);
}

function placeholderOf(spec: ShotSpec, reason: string): ShotSpec {
  const { key: _key, continuesFrom: _chain, ...rest } = spec;
  // A placeholder is drawn by the built-in renderer, whatever the provider.
  return withKey<ShotSpec>({ ...rest, provider: BUILT_IN_PROVIDERS.video, placeholder: { reason: reason.slice(0, 300) } }, ["index", "sceneId"]);
}

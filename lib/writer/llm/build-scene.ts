/**
 * A Scene from the model's scene and shots: ids filled in order, names resolved to character ids,
 * text trimmed to LIMITS, and shot durations fitted so the scene plays `seconds`.
 */
import { fitDurations } from "../../screenplay/apply-edits";
import { LIMITS } from "../../screenplay/limits";
import type { Line, Scene, Shot } from "../../screenplay/schema";
import { clipText } from "./clip-text";
import type { ModelScene, ModelShot } from "./level-schemas";

export interface BuildSceneInput {
  id: string;
  scene: ModelScene;
  shots: readonly ModelShot[];
  seconds: number;
  resolve: (name: string) => string | undefined;
  /** First shot of the film fades in; last shot of an act fades out. */
  fadeIn?: boolean;
  fadeOut?: boolean;
}

const clamp = (v: number, lo: number, hi: number, fallback: number) => (Number.isFinite(v) ? Math.min(hi, Math.max(lo, v)) : fallback);

export function buildScene(input: BuildSceneInput): Scene {
  const { id, scene, resolve } = input;
  const shots = input.shots.slice(0, LIMITS.maxShotsPerScene).map((ms, j): Shot => {
    const shotId = `${id}-shot-${j + 1}`;
    const lines: Line[] = [];
    for (const ml of ms.lines) {
      const speaker = resolve(ml.speaker);
      if (!speaker || lines.length >= LIMITS.maxLinesPerShot) continue;
      const text = clipText(ml.text, LIMITS.maxLineChars, "");
      if (text) lines.push({ id: `${shotId}-line-${lines.length + 1}`, speaker, text, delivery: ml.delivery });
    }
    const inFrame = [...new Set([...ms.characters.map(resolve).filter((c): c is string => !!c), ...lines.map((l) => l.speaker)])].slice(0, 8);
    return {
      id: shotId,
      framing: ms.framing,
      camera: { move: ms.move, lens: Math.round(clamp(ms.lens, 12, 300, 35)) },
      action: clipText(ms.action, 400, "The scene continues."),
      characters: inFrame,
      lines,
      sound: ms.sound.slice(0, 8).map((s) => ({ kind: s.kind, at: clamp(s.at, 0, 1, 0.5), gain: 1 })),
      transitionIn: "cut",
      transitionOut: "cut",
      duration: clamp(ms.seconds, LIMITS.minShotSeconds, LIMITS.maxShotSeconds, 4),
      take: 1,
      continues: false,
    };
  });
  const durations = fitDurations(shots, input.seconds);
  shots.forEach((s, i) => (s.duration = durations[i]));
  if (input.fadeIn && shots.length) shots[0].transitionIn = "fade-from-black";
  if (input.fadeOut && shots.length) shots[shots.length - 1].transitionOut = "fade-to-black";
  return {
    id,
    heading: clipText(scene.heading, 120, `${scene.interior ? "INT" : "EXT"}. ${scene.locationName}`),
    location: { name: clipText(scene.locationName, 80, "Somewhere"), kind: scene.locationKind, interior: scene.interior },
    timeOfDay: scene.timeOfDay,
    weather: scene.weather,
    mood: clipText(scene.mood, 40, "tense"),
    summary: clipText(scene.summary, 600, "Something changes."),
    ...(scene.beat?.trim() ? { beat: clipText(scene.beat, 40, "") } : {}),
    shots,
  };
}

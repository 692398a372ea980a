/** Hand-made ShotSpecs for the renderer's tests. */
import type { CharacterLook, PlacedLine, ShotSpec } from "../../../lib/plan/specs";
import type { Identity, Look } from "../../../lib/screenplay/schema";

export const ELARA: Identity = {
  seed: 11,
  face: { shape: "oval", skin: "#e0ac8a" },
  eyes: { color: "#3a7a4a" },
  hair: { style: "long", color: "#b8442a" },
  build: "slight",
  height: 0.96,
  wardrobe: { description: "green jacket", top: "#2f8f5a", bottom: "#2a2f4a", accent: "#e8c040", headwear: "none" },
  marks: ["freckles"],
};

export const BRANN: Identity = {
  seed: 12,
  face: { shape: "square", skin: "#8a5a3c" },
  eyes: { color: "#4a3020" },
  hair: { style: "short", color: "#1a1412" },
  build: "broad",
  height: 1.08,
  wardrobe: { description: "long duster coat", top: "#6a4a8a", bottom: "#3a3a3a", accent: "#c03030", headwear: "cowboy-hat" },
  marks: ["beard", "scar"],
};

export const NATURAL: Look = {
  palette: "natural",
  aspect: "16:9",
  brightness: 0,
  contrast: 1,
  saturation: 1,
  grain: 0,
  vignette: 0.3,
  anamorphic: false,
  blackAndWhite: false,
};

export function character(id: string, name: string, identity: Identity, slot: number): CharacterLook {
  return { id, name, identity, slot };
}

/** A line with a simple talking envelope. */
export function line(lineId: string, speaker: string, text: string, startSec: number, endSec: number, delivery: PlacedLine["delivery"] = "neutral"): PlacedLine {
  const n = Math.round((endSec - startSec) * 24);
  const envelope = Array.from({ length: n }, (_, i) => Math.round((0.5 + 0.5 * Math.sin(i * 0.9)) * Math.min(1, i / 3, (n - i) / 3) * 1000) / 1000);
  return { lineId, speaker, text, delivery, startSec, endSec, envelope, speechKey: "0".repeat(64) };
}

export function makeShotSpec(over: Partial<ShotSpec> & { seconds?: number } = {}): ShotSpec {
  const seconds = over.seconds ?? 2;
  const { seconds: _s, ...rest } = over;
  return {
    stage: "render-shot",
    key: "a".repeat(64),
    shotId: "shot-1",
    sceneId: "scene-1",
    index: 0,
    seed: 1234,
    take: 1,
    frames: Math.round(seconds * 24),
    fps: 24,
    width: 1280,
    height: 720,
    framing: "medium",
    camera: { move: "static", lens: 35 },
    action: "Elara faces Brann across the counter.",
    place: { name: "The Rusty Spur", kind: "bar", interior: true, timeOfDay: "night", weather: "clear", mood: "tense", seed: 77 },
    look: NATURAL,
    characters: [character("elara", "Elara", ELARA, 0), character("brann", "Brann", BRANN, 1)],
    lines: [],
    transitionIn: "cut",
    transitionOut: "cut",
    captions: false,
    provider: { name: "animatic", version: "1" },
    ...rest,
  };
}

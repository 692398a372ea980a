/** A ShotSpec for provider tests (two characters, one line). */
import type { ShotSpec } from "../../../lib/plan/specs";
import type { Identity } from "../../../lib/screenplay/schema";

export const MIRA: Identity = {
  seed: 11,
  face: { shape: "oval", skin: "#e0ac8a" },
  eyes: { color: "#3a7a4a" },
  hair: { style: "long", color: "#b8442a" },
  build: "slight",
  height: 0.96,
  wardrobe: { description: "green field jacket", top: "#2f8f5a", bottom: "#2a2f4a", accent: "#e8c040", headwear: "none" },
  marks: ["freckles"],
};

export const JONAS: Identity = {
  seed: 12,
  face: { shape: "square", skin: "#8a5a3c" },
  eyes: { color: "#4a3020" },
  hair: { style: "short", color: "#1a1412" },
  build: "broad",
  height: 1.08,
  wardrobe: { description: "long duster coat", top: "#6a4a8a", bottom: "#3a3a3a", accent: "#c03030", headwear: "cowboy-hat" },
  marks: ["beard", "scar"],
};

export function providerShotSpec(over: Partial<ShotSpec> = {}): ShotSpec {
  return {
    stage: "render-shot",
    key: "b".repeat(64),
    shotId: "shot-1",
    sceneId: "scene-1",
    index: 0,
    seed: 4242,
    take: 1,
    frames: 36,
    fps: 24,
    width: 1280,
    height: 720,
    framing: "medium",
    camera: { move: "push-in", lens: 50 },
    action: "Mira hands Jonas the map",
    place: { name: "the old harbour", kind: "sea", interior: false, timeOfDay: "dusk", weather: "fog", mood: "uneasy", seed: 5 },
    look: { palette: "noir", aspect: "16:9", brightness: -0.5, contrast: 1.5, saturation: 0.8, grain: 0.5, vignette: 0.3, anamorphic: false, blackAndWhite: false },
    characters: [
      { id: "mira", name: "Mira", identity: MIRA, slot: 0 },
      { id: "jonas", name: "Jonas", identity: JONAS, slot: 1 },
    ],
    lines: [{ lineId: "l1", speaker: "mira", text: "Take it.", delivery: "whispered", startSec: 0.3, endSec: 1, envelope: [], speechKey: "0".repeat(64) }],
    transitionIn: "cut",
    transitionOut: "cut",
    captions: false,
    provider: { name: "test-provider", version: "1" },
    ...over,
  };
}

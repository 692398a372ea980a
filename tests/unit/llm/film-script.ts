/**
 * A scripted screenwriter for the fake server: answers each level of writing (by the schema name the
 * provider sends) with plausible JSON sized from the prompt (act, scene and shot counts).
 */
import type { ModelLook, Premise } from "../../../lib/writer/llm/level-schemas";
import type { FakeReply, FakeRequest } from "./fake-openai-server";

export const LOOK: ModelLook = {
  faceShape: "long",
  skinTone: "tan",
  eyeColor: "grey",
  hairStyle: "braid",
  hairColor: "grey",
  build: "athletic",
  height: "tall",
  wardrobe: "dusty duster coat and a sheriff's star",
  wardrobeColors: ["brown", "khaki", "red"],
  headwear: "cowboy-hat",
  marks: ["scar", "wrinkles"],
};

export const PREMISE: Premise = {
  title: "The Last Ride",
  logline: "A retired sheriff rides out one last time to find her stolen mule.",
  language: "en",
  genre: "western",
  tone: "dry, elegiac",
  references: ["Unforgiven", "35mm"],
  palette: "western",
  music: { key: "D", mode: "minor", tempo: 72, instruments: ["guitar", "harmonica"] },
  characters: [
    { name: "Ada", role: "protagonist", age: 62, gender: "female", description: "A retired sheriff with a grey braid.", traits: ["stubborn", "dry"], speech: "Few words, dry humour.", look: LOOK },
    {
      name: "Marcus Vale",
      role: "antagonist",
      age: 40,
      gender: "male",
      description: "A horse thief with a silver tongue.",
      traits: ["charming", "greedy"],
      speech: "Smooth, flattering, too many words.",
      look: { ...LOOK, hairStyle: "short", hairColor: "black", headwear: "none", marks: ["mustache"], wardrobe: "black waistcoat" },
    },
  ],
};

export function countIn(text: string, re: RegExp, fallback = 1): number {
  const m = re.exec(text);
  return m ? Number(m[1]) : fallback;
}

export function outlineFor(req: FakeRequest) {
  const counts = [...req.firstUser.matchAll(/exactly (\d+) scene idea/g)].map((m) => Number(m[1]));
  return { acts: counts.map((n, a) => ({ title: `Act ${a + 1}`, summary: `Things get worse in act ${a + 1}.`, sceneIdeas: Array.from({ length: n }, (_, i) => `Idea ${a + 1}.${i + 1}`) })) };
}

export function scenesFor(req: FakeRequest, extra: Partial<Record<string, unknown>> = {}) {
  const n = countIn(req.firstUser, /Exactly (\d+) scenes?/);
  const ideas = [...req.firstUser.matchAll(/^\d+\. (.+)$/gm)].map((m) => m[1]);
  return {
    scenes: Array.from({ length: n }, (_, i) => ({
      heading: `EXT. DUSTY ROAD - DUSK ${i + 1}`,
      locationName: "Dusty road",
      locationKind: "road",
      interior: false,
      timeOfDay: "dusk",
      weather: "dust",
      mood: "tense",
      summary: `Ada follows the tracks: ${ideas[i] ?? `scene ${i + 1}`}.`,
      beat: "catalyst",
      characters: ["Ada", "Marcus Vale"],
      ...extra,
    })),
  };
}

export function shotsFor(req: FakeRequest, speaker = "Ada", text = "That mule is mine.") {
  const n = countIn(req.firstUser, /about (\d+) shots/, 3);
  return {
    shots: Array.from({ length: n }, (_, i) => ({
      framing: i === 0 ? "extreme-wide" : i % 3 === 0 ? "close-up" : "medium",
      move: i === 0 ? "crane-down" : "static",
      lens: i === 0 ? 24 : 50,
      action: `Ada rides on, shot ${i + 1}.`,
      characters: ["Ada"],
      lines: i % 2 === 1 ? [{ speaker, text, delivery: "cold" }] : [],
      sound: i === 0 ? [{ kind: "horse", at: 0.2 }] : [],
      seconds: 4,
    })),
  };
}

/** Answers every writing level; `override` may answer some requests differently (return undefined to pass). */
export function filmScript(override?: (req: FakeRequest) => FakeReply | undefined) {
  return (req: FakeRequest): FakeReply => {
    const special = override?.(req);
    if (special) return special;
    switch (req.schemaName) {
      case "premise":
        return { json: PREMISE };
      case "act_outline":
        return { json: outlineFor(req) };
      case "act_scenes":
        return { json: scenesFor(req) };
      case "scene_shots":
        return { json: shotsFor(req) };
      default:
        return { status: 400, body: JSON.stringify({ error: { message: `unexpected schema ${req.schemaName}` } }) };
    }
  };
}

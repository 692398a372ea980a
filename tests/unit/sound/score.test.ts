import { describe, expect, it } from "vitest";
import type { SoundSpec } from "../../../lib/plan/specs";
import { composeScore, instrumentKind } from "../../../lib/sound/music/compose-score";
import { scaleOf } from "../../../lib/sound/music/theory";
import { renderBed } from "../../../lib/sound/score-scene";
import { segmentArgs } from "../../../lib/sound/segment-args";
import { ambienceLayers } from "../../../lib/sound/ambience";

const spec: SoundSpec = {
  stage: "score-scene",
  key: "k",
  sceneId: "s1",
  durationSec: 6,
  shotStarts: [0, 3],
  speech: [{ start: 1, end: 2.5 }],
  music: { key: "E", mode: "minor", tempo: 100, instruments: ["strings", "piano", "flute", "drums"] },
  mood: "tense",
  intensity: 0.7,
  place: { name: "Dock", kind: "sea", interior: false, timeOfDay: "night", weather: "storm", mood: "tense", seed: 4 },
  seed: 99,
  provider: { name: "builtin", version: "1" },
};

describe("the built-in score", () => {
  it("reads instrument names", () => {
    expect(["Warm strings", "grand piano", "acoustic guitar", "analog synth", "French horn", "taiko drums", "upright bass", "flute", "celesta", "kazoo"].map(instrumentKind)).toEqual([
      "strings", "piano", "pluck", "synth", "brass", "drums", "bass", "lead", "bell", "pad",
    ]);
  });

  it("plays only notes of the scene's key and mode", () => {
    const scale = scaleOf(spec.music);
    const pitchClasses = new Set(scale.steps.map((s) => (scale.tonic + s) % 12));
    const notes = composeScore(spec).events.filter((e) => !e.drum);
    expect(notes.length).toBeGreaterThan(20);
    for (const e of notes) expect(pitchClasses.has(e.midi % 12)).toBe(true);
  });

  it("keeps the melody out of the dialogue and hits the cut", () => {
    const events = composeScore(spec).events;
    for (const e of events.filter((x) => x.role === "melody")) expect(e.start + e.dur <= 0.85 || e.start >= 2.65).toBe(true);
    expect(events.some((e) => e.role === "hit" && Math.abs(e.start - 3) < 1e-9)).toBe(true);
  });

  it("is deterministic for a seed and changes with it", () => {
    const a = renderBed({ ...spec, durationSec: 2 });
    const b = renderBed({ ...spec, durationSec: 2 });
    const c = renderBed({ ...spec, durationSec: 2, seed: 100 });
    expect(a).toHaveLength(4);
    expect(a[0].length).toBe(96000);
    expect(Buffer.from(a[0].buffer).equals(Buffer.from(b[0].buffer))).toBe(true);
    expect(Buffer.from(a[0].buffer).equals(Buffer.from(c[0].buffer))).toBe(false);
  });

  it("builds places from their sounds", () => {
    const names = (p: Partial<SoundSpec["place"]>) => ambienceLayers({ ...spec.place, ...p }).map(([, , n]) => n);
    expect(names({ kind: "sea", weather: "storm" })).toEqual(expect.arrayContaining(["waves", "rain", "thunder"]));
    expect(names({ kind: "forest", weather: "clear", timeOfDay: "morning" })).toContain("birds");
    expect(names({ kind: "forest", weather: "clear", timeOfDay: "night" })).toContain("crickets");
    expect(names({ kind: "city-street", weather: "clear" })).toEqual(expect.arrayContaining(["traffic", "crowd"]));
    expect(names({ kind: "room", interior: true, weather: "clear" })).toEqual(["room"]);
  });
});

describe("segment arguments", () => {
  it("copy the video, encode AAC, pin everything that could vary and never cut to the shortest stream", () => {
    const args = segmentArgs("in.mp4", "out.mp4", 48000);
    const at = (flag: string) => args[args.indexOf(flag) + 1];
    expect(at("-c:v")).toBe("copy");
    expect(at("-c:a")).toBe("aac");
    expect(at("-b:a")).toBe("160k");
    expect(args).not.toContain("-shortest");
    expect(at("-fflags")).toBe("+bitexact");
    expect(at("-map_metadata")).toBe("-1");
    expect(args[args.length - 1]).toBe("out.mp4");
  });
});

import { describe, expect, it } from "vitest";
import { alignSceneFrames, planCut, planVoices, SCENE_GRID_FRAMES, shotTimings } from "../../../lib/plan/plan-cut";
import { planFilmAudio } from "../../../lib/plan/film-audio-plan";
import { FILM_FORMAT, type MixMeta, type SpeechMeta } from "../../../lib/plan/specs";
import { writeScreenplay } from "../../../lib/writer/write-screenplay";

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe("alignSceneFrames", () => {
  it("puts the scene on the grid, which is a whole number of AAC frames", () => {
    expect((SCENE_GRID_FRAMES * FILM_FORMAT.sampleRate) / FILM_FORMAT.fps % 1024).toBe(0);
    expect(sum(alignSceneFrames([{ frames: 100, minFrames: 100 }, { frames: 50, minFrames: 50 }]))).toBe(192);
  });
  it("rounds to the nearest step, taking frames from the last shot's slack only, never from its lines", () => {
    expect(alignSceneFrames([{ frames: 80, minFrames: 40 }, { frames: 60, minFrames: 40 }])).toEqual([80, 48]);
  });
  it("rounds up, adding a held ending to the last shot, when the last shot has too little slack", () => {
    expect(alignSceneFrames([{ frames: 80, minFrames: 40 }, { frames: 60, minFrames: 55 }])).toEqual([80, 112]);
  });
  it("never makes a scene shorter than one step", () => {
    expect(alignSceneFrames([{ frames: 10, minFrames: 10 }])).toEqual([64]);
  });
  it("in a changed cut, shots timed as before keep their lengths and the last changed shot takes the grid", () => {
    const shots = [
      { frames: 80, minFrames: 40 },
      { frames: 130, minFrames: 120 },
      { frames: 60, minFrames: 40 },
    ];
    // Shot 1's line got longer; shots 0 and 2 kept their timing (2 had taken the grid before: 60 -> 68).
    const frames = alignSceneFrames(shots, 64, [80, undefined, 68]);
    expect(frames[0]).toBe(80);
    expect(frames[2]).toBe(68);
    expect(sum(frames) % 64).toBe(0);
    expect(frames[1]).toBe(172); // 130 rounded up: the shot has 10 frames of slack, 22 would be needed to round down
    // With slack enough it rounds down.
    expect(alignSceneFrames([{ frames: 80, minFrames: 40 }, { frames: 135, minFrames: 100 }, { frames: 60, minFrames: 40 }], 64, [80, undefined, 68])).toEqual([80, 108, 68]);
  });
  it("a scene whose shots all kept their timing keeps its lengths; one that lost a shot puts its last on the grid again", () => {
    const shots = [
      { frames: 80, minFrames: 40 },
      { frames: 60, minFrames: 40 },
    ];
    expect(alignSceneFrames(shots, 64, [80, 48])).toEqual([80, 48]);
    expect(alignSceneFrames([{ frames: 100, minFrames: 40 }, { frames: 60, minFrames: 40 }], 64, [100, 68])).toEqual([100, 92]);
  });
});

describe("scenes planned on the grid", () => {
  const sp = writeScreenplay("A 2-minute drama: Mara, a tired nurse, and Ben, her brother, argue in a hospital corridor, then make up on the roof at dawn.").screenplay;
  const speech = (rate: number) => {
    const m = new Map<string, SpeechMeta>();
    for (const v of planVoices(sp)) m.set(v.key, { durationSec: 0.4 + v.text.length * rate, sampleRate: 48_000, envelope: [], words: [] } as SpeechMeta);
    return m;
  };
  it("every scene starts on an AAC frame, and the film keeps about its length", () => {
    const plan = planCut(sp, { speech: speech(0.06), failures: new Map() }, { captions: false });
    let at = 0;
    for (const scene of plan.scenes) {
      expect((at * 2000) % 1024).toBe(0);
      const frames = sum(scene!.shots.map((s) => s.frames));
      expect(frames % SCENE_GRID_FRAMES).toBe(0);
      at += frames;
    }
    const written = sum(sp.acts.flatMap((a) => a.scenes.flatMap((s) => s.shots.map((sh) => sh.duration))));
    expect(Math.abs(at / FILM_FORMAT.fps - written)).toBeLessThan(plan.scenes.length * 1.4 + 10);
  });
  it("a line re-timed in a changed cut re-times its own shot only: the scene's other renders stay as they were", () => {
    const a = planCut(sp, { speech: speech(0.06), failures: new Map() }, { captions: false });
    const scene = a.scenes.find((s) => s!.shots.length >= 3 && s!.shots.slice(0, -1).some((sh) => sh.render.lines.length > 0))!;
    const changed = scene.shots.slice(0, -1).find((sh) => sh.render.lines.length > 0)!;
    const natural = (m: Map<string, SpeechMeta>) => shotTimings(sp, { speech: m, failures: new Map() });
    const before = natural(speech(0.06));
    const previous = new Map(a.scenes.flatMap((s) => s!.shots.map((sh) => [sh.shotId, { frames: sh.frames, ...before.get(sh.shotId)! }] as const)));
    // The changed shot's line spoken 1.5 s longer.
    const longer = speech(0.06);
    const line = changed.render.lines[0]!;
    longer.set(line.speechKey, { ...longer.get(line.speechKey)!, durationSec: longer.get(line.speechKey)!.durationSec + 1.5 });
    const b = planCut(sp, { speech: longer, failures: new Map(), previous }, { captions: false });
    const sceneB = b.scenes.find((s) => s!.sceneId === scene.sceneId)!;
    const renders = (s: typeof scene) => s.shots.map((sh) => sh.render.key);
    const differ = renders(sceneB).map((k, i) => k !== renders(scene)[i]);
    expect(differ).toEqual(scene.shots.map((sh) => sh.shotId === changed.shotId));
    expect(sum(sceneB.shots.map((sh) => sh.frames)) % SCENE_GRID_FRAMES).toBe(0);
    // Without the earlier cut, the scene's last shot takes the grid (and renders again).
    const c = planCut(sp, { speech: longer, failures: new Map() }, { captions: false });
    expect(c.scenes.find((s) => s!.sceneId === scene.sceneId)!.shots.at(-1)!.render.key).not.toBe(scene.shots.at(-1)!.render.key);
    // An unchanged film planned from its own shots is planned as it was.
    const same = planCut(sp, { speech: speech(0.06), failures: new Map(), previous }, { captions: false });
    expect(same.stitch!.key).toBe(a.stitch!.key);
  });
  it("a scene whose lines change length leaves the other scenes' shots exactly as they were", () => {
    const a = planCut(sp, { speech: speech(0.06), failures: new Map() }, { captions: false });
    // Slower speech in the first scene only.
    const firstLines = new Set(sp.acts[0]!.scenes[0]!.shots.flatMap((s) => s.lines.map((l) => l.id)));
    const slower = speech(0.06);
    for (const v of planVoices(sp)) if (firstLines.has(v.lineId)) slower.set(v.key, { ...slower.get(v.key)!, durationSec: slower.get(v.key)!.durationSec * 1.4 });
    const b = planCut(sp, { speech: slower, failures: new Map() }, { captions: false });
    const mixKeys = (p: typeof a) => p.scenes.slice(1).flatMap((s) => s!.shots.map((sh) => sh.mix.key));
    expect(mixKeys(b)).toEqual(mixKeys(a));
    // And the later scenes' encoded audio is reused: their film-audio keys do not move with them.
    const audioChunks = (p: typeof a) => {
      const metas = p.stitch!.segments.map((seg): MixMeta => {
        const samples = (seg.frames * FILM_FORMAT.sampleRate) / FILM_FORMAT.fps;
        return { durationSec: samples / FILM_FORMAT.sampleRate, peak: 0.5, stemsHash: seg.mixKey, samples, loudnessBlocks: Array(Math.ceil(samples / 4800)).fill(0.01), truePeak: 0.5 };
      });
      return planFilmAudio(p.stitch!, metas).chunks;
    };
    const [ca, cb] = [audioChunks(a), audioChunks(b)];
    // At least three stretches a scene: its run-in, its body (in pieces) and its run-out.
    expect(ca.length).toBeGreaterThanOrEqual(3 * a.scenes.length);
    // The stretches that read the changed scene (its own, and the next scene's run-in, which reads a
    // little of it for the encoder's and limiter's run-in) are new; every other stretch is as it was.
    const changedMixes = new Set(b.scenes[0]!.shots.map((s) => s.mix.key));
    const touches = (c: (typeof cb)[number]) => c.pieces.some((p) => changedMixes.has(p.mixKey));
    const before = new Set(ca.map((c) => c.key));
    expect(cb.filter(touches).length).toBeGreaterThanOrEqual(4);
    expect(cb.filter(touches).every((c) => !before.has(c.key))).toBe(true);
    expect(cb.filter((c) => !touches(c)).every((c) => before.has(c.key))).toBe(true);
    expect(cb.filter((c) => !touches(c)).length).toBeGreaterThan(3);
  });
});

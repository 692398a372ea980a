import { describe, expect, it } from "vitest";
import { nextEarlyRender, planCut, planVoices, type RenderPlan } from "../../../lib/plan/plan-cut";
import type { SpeechMeta } from "../../../lib/plan/specs";
import type { Screenplay } from "../../../lib/screenplay/schema";
import { writeScreenplay } from "../../../lib/writer/write-screenplay";

// Films of different genres and lengths, the benchmark's ten-minute heist among them.
const IDEAS = [
  "A 10-minute heist thriller: Juno, a sharp-tongued safecracker with red curls, and Okafor, a weary ex-cop with a scar, break into a neon-lit casino vault on a rainy night. Open on the rain-soaked city street. The climax: the vault alarm. End with them splitting the money on a rooftop at dawn.",
  "A 2-minute drama: Mara, a tired nurse, and Ben, her brother, argue in a hospital corridor, then make up on the roof at dawn.",
  "A 5-minute science fiction comedy: Pip, a nervous robot, and Captain Osei, a loud pilot, try to land a leaking spaceship on a frozen moon.",
  "A 1-minute horror film: Lena, a babysitter, hears footsteps in the attic of an old farmhouse during a thunderstorm.",
  "A 3-minute western: Ada, a retired sheriff with a grey braid, hunts Marcus Vale, who stole her mule.",
];
const films = IDEAS.map((idea) => writeScreenplay(idea).screenplay);

/** A small deterministic hash, so speech lengths vary line by line the same way in every run. */
function jitter(text: string): number {
  let h = 2166136261;
  for (const ch of text) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  return ((h >>> 0) % 1000) / 1000;
}

/** Every line measured, at a rate that varies by line (as real voices do). */
function measured(sp: Screenplay): Map<string, SpeechMeta> {
  const m = new Map<string, SpeechMeta>();
  for (const v of planVoices(sp)) {
    const durationSec = Math.round((0.35 + v.text.length * (0.045 + 0.03 * jitter(v.key))) * 48_000) / 48_000;
    m.set(v.key, { durationSec, sampleRate: 48_000, envelope: [0.1, 0.6, 0.3], onsetSec: 0.02 + 0.05 * jitter(v.text), words: [] });
  }
  return m;
}

const shotsOf = (sp: Screenplay) => sp.acts.flatMap((a) => a.scenes.flatMap((scene) => scene.shots.map((shot, i) => ({ scene, shot, last: i === scene.shots.length - 1 }))));
const lineKeys = (sp: Screenplay) => new Map(planVoices(sp).map((v) => [v.lineId, v.key]));

/** The speech of the lines `keep` chooses, out of a fully measured film. */
function partial(sp: Screenplay, all: Map<string, SpeechMeta>, keep: (lineIndex: number, shotIndex: number) => boolean): Map<string, SpeechMeta> {
  const keys = lineKeys(sp);
  const m = new Map<string, SpeechMeta>();
  let n = 0;
  shotsOf(sp).forEach(({ shot }, s) => {
    for (const line of shot.lines) if (keep(n++, s)) m.set(keys.get(line.id)!, all.get(keys.get(line.id)!)!);
  });
  return m;
}

/** Every early render is exactly (spec and key) the render the full scene plan gives that shot. */
function expectSameAsFull(early: RenderPlan, full: RenderPlan) {
  const fullShots = new Map(full.scenes.flatMap((s) => s!.shots).map((s) => [s.shotId, s]));
  for (const e of early.early) {
    const f = fullShots.get(e.shotId)!;
    expect(e.render.key).toBe(f.render.key);
    expect(JSON.stringify(e.render)).toBe(JSON.stringify(f.render));
    expect(e.frames).toBe(f.frames);
    expect(e.index).toBe(f.index);
  }
}

describe("a shot's render planned before its scene", () => {
  it("the films have scenes of several shots, with and without lines (or the checks below would be empty)", () => {
    for (const sp of films) {
      expect(sp.acts.flatMap((a) => a.scenes).some((s) => s.shots.length > 2)).toBe(true);
      expect(shotsOf(sp).some(({ shot, last }) => !last && shot.lines.length > 0)).toBe(true);
      expect(shotsOf(sp).some(({ shot, last }) => !last && shot.lines.length === 0)).toBe(true);
    }
  });

  it("gets the same spec and key as when the whole scene is planned, whichever lines are measured first", () => {
    let compared = 0;
    for (const sp of films) {
      const all = measured(sp);
      const full = planCut(sp, { speech: all, failures: new Map() }, { captions: true });
      expect(full.early).toEqual([]);
      const orders: ((line: number, shot: number) => boolean)[] = [
        () => false,
        (line) => line % 2 === 0,
        (line) => line % 3 !== 1,
        (line) => jitter(String(line)) < 0.7,
        (_line, shot) => shot < 6,
        (_line, shot) => shot % 4 !== 3,
      ];
      for (const keep of orders) {
        const plan = planCut(sp, { speech: partial(sp, all, keep), failures: new Map() }, { captions: true });
        expectSameAsFull(plan, full);
        compared += plan.early.length;
      }
    }
    expect(compared).toBeGreaterThan(200);
  });

  it("covers every shot that is not its scene's last and whose own lines are measured, in scenes still waiting", () => {
    for (const sp of films) {
      const all = measured(sp);
      const speech = partial(sp, all, (line) => line % 2 === 0);
      const plan = planCut(sp, { speech, failures: new Map() }, { captions: false });
      const keys = lineKeys(sp);
      const waiting = new Set(sp.acts.flatMap((a) => a.scenes).filter((_, i) => plan.scenes[i] === null).map((s) => s.id));
      const expected = shotsOf(sp)
        .filter(({ scene, shot, last }) => waiting.has(scene.id) && !last && shot.lines.every((l) => speech.has(keys.get(l.id)!)))
        .map(({ shot }) => shot.id);
      expect(plan.early.map((e) => e.shotId)).toEqual(expected);
      expect(expected.length).toBeGreaterThan(0);
    }
  });

  it("the opening shot of the ten-minute film can render before any line is spoken", () => {
    const sp = films[0]!;
    const plan = planCut(sp, { speech: new Map(), failures: new Map() }, { captions: false });
    expect(plan.scenes.every((s) => s === null)).toBe(true);
    expect(plan.early[0]?.index).toBe(0);
    expect(plan.early[0]?.render.lines).toEqual([]);
  });

  it("a failed line or a failed render gives the same spec early as in the full plan", () => {
    const sp = films[1]!;
    const all = measured(sp);
    const keys = lineKeys(sp);
    // A shot with lines in a scene with other lines: measuring its own leaves the scene waiting.
    const shots = shotsOf(sp);
    const t = shots.findIndex(({ scene, shot, last }) => !last && shot.lines.length > 0 && scene.shots.some((o) => o !== shot && o.lines.length > 0));
    const target = shots[t]!;
    // The line could not be spoken: timed by its estimate, early and late alike.
    const lineFailure = new Map([[keys.get(target.shot.lines[0]!.id)!, "the voice crashed"]]);
    const noLine = new Map(all);
    noLine.delete(keys.get(target.shot.lines[0]!.id)!);
    const fullA = planCut(sp, { speech: noLine, failures: lineFailure }, { captions: false });
    const ownLines = partial(sp, noLine, (_line, shot) => shot === t);
    const earlyA = planCut(sp, { speech: ownLines, failures: lineFailure }, { captions: false });
    expectSameAsFull(earlyA, fullA);
    expect(earlyA.early.some((e) => e.shotId === target.shot.id)).toBe(true);
    // The render failed for good: the placeholder, early and late alike.
    const renderKey = fullA.scenes.flatMap((s) => s!.shots).find((s) => s.shotId === target.shot.id)!.render.key;
    const renderFailure = new Map([...lineFailure, [renderKey, "the renderer crashed"]]);
    const fullB = planCut(sp, { speech: noLine, failures: renderFailure }, { captions: false });
    const earlyB = planCut(sp, { speech: ownLines, failures: renderFailure }, { captions: false });
    expectSameAsFull(earlyB, fullB);
    expect(earlyB.early.find((e) => e.shotId === target.shot.id)?.render.placeholder?.reason).toBe("the renderer crashed");
  });

  it("never for a scene's last shot (the scene grid re-times it), nor when first frames are chained", () => {
    for (const sp of films) {
      const last = new Set(sp.acts.flatMap((a) => a.scenes.map((s) => s.shots[s.shots.length - 1]!.id)));
      const plan = planCut(sp, { speech: new Map(), failures: new Map() }, { captions: false });
      expect(plan.early.length).toBeGreaterThan(0);
      for (const e of plan.early) expect(last.has(e.shotId)).toBe(false);
      const chained = planCut(sp, { speech: partial(sp, measured(sp), (line) => line % 2 === 0), failures: new Map() }, { captions: false, chainFirstFrames: true });
      expect(chained.early).toEqual([]);
    }
  });

  it("the one queued is the opening shot of the first scene still waiting, once its own lines are measured", () => {
    let found = 0;
    for (const sp of films) {
      const all = measured(sp);
      const sceneList = sp.acts.flatMap((a) => a.scenes);
      for (const keep of [() => false, (line: number) => line % 2 === 0, (_l: number, shot: number) => shot < 12, () => true]) {
        const plan = planCut(sp, { speech: partial(sp, all, keep), failures: new Map() }, { captions: false });
        const waiting = plan.scenes.findIndex((s) => s === null);
        const next = nextEarlyRender(sp, plan);
        if (waiting === -1) {
          expect(next).toBeUndefined();
          continue;
        }
        const opening = sceneList[waiting]!.shots[0]!;
        const expected = plan.early.find((e) => e.shotId === opening.id);
        expect(next).toBe(expected);
        if (next) found++;
        if (next) expect(next.index).toBe(sceneList.slice(0, waiting).reduce((n, s) => n + s.shots.length, 0));
      }
    }
    expect(found).toBeGreaterThan(5);
    // The ten-minute film's opening shot has no lines: it is queued with the screenplay.
    expect(nextEarlyRender(films[0]!, planCut(films[0]!, { speech: new Map(), failures: new Map() }, { captions: false }))?.index).toBe(0);
  });
});

import { describe, expect, it } from "vitest";
import { canonicalJson } from "../../../lib/plan/keys";
import type { Screenplay } from "../../../lib/screenplay/schema";
import { plannedDuration } from "../../../lib/screenplay/validate";
import { reviseScreenplay, voicesDiffer, writeScreenplay } from "../../../lib/writer";

const { screenplay: SP } = writeScreenplay("A 3-minute western: Ada, a retired sheriff with a grey braid, rides out to find her stolen mule. Marcus Vale stole it.");

const scenesOf = (sp: Screenplay) => sp.acts.flatMap((a) => a.scenes);
const sameScenes = (a: Screenplay, b: Screenplay, except: string[]) => {
  for (const scene of scenesOf(a)) {
    if (except.includes(scene.id)) continue;
    const other = scenesOf(b).find((s) => s.id === scene.id);
    expect(canonicalJson(other), scene.id).toBe(canonicalJson(scene));
  }
  expect(canonicalJson(b.characters.slice(0, a.characters.length))).toBe(canonicalJson(a.characters));
};

describe("reviseScreenplay", () => {
  it("rewrites the last two scenes for 'make the ending hopeful', keeping everything else", () => {
    const r = reviseScreenplay(SP, "make the ending hopeful");
    const last = SP.acts.at(-1)!.scenes.slice(-2).map((s) => s.id);
    expect(r.ops.map((o) => o.op)).toEqual(["replace-scene", "replace-scene"]);
    expect(r.summary).toMatch(/hopeful/);
    sameScenes(SP, r.screenplay, last);
    const rewritten = scenesOf(r.screenplay).filter((s) => last.includes(s.id));
    expect(rewritten.map((s) => s.mood)).toEqual(["triumphant", "hopeful"]);
    const oldIds = new Set(scenesOf(SP).flatMap((s) => s.shots.map((h) => h.id)));
    for (const s of rewritten) for (const h of s.shots) expect(oldIds.has(h.id)).toBe(false);
    expect(Math.abs(plannedDuration(r.screenplay) - 180)).toBeLessThan(9);
    expect(canonicalJson(reviseScreenplay(SP, "make the ending hopeful"))).toBe(canonicalJson(r));
  });

  it("regenerates the third act with the asked content", () => {
    const r = reviseScreenplay(SP, "regenerate the third act with a train robbery");
    expect(r.ops).toHaveLength(1);
    expect(r.ops[0]).toMatchObject({ op: "replace-act", actId: SP.acts[2].id });
    expect(scenesOf(r.screenplay).filter((s) => s.summary.includes("train robbery")).length).toBeGreaterThan(0);
    sameScenes(SP, r.screenplay, SP.acts[2].scenes.map((s) => s.id));
  });

  it("restyles the targeted shot, or the film when asked", () => {
    const shot = SP.acts[1].scenes[0].shots[1];
    const r = reviseScreenplay(SP, "this shot brighter", { kind: "shot", id: shot.id });
    expect(r.ops).toEqual([{ op: "restyle", scope: { shotId: shot.id }, grade: { brightness: expect.any(Number) } }]);
    const after = scenesOf(r.screenplay)[SP.acts[0].scenes.length].shots[1];
    expect(after.grade!.brightness!).toBeGreaterThan(SP.style.look.brightness);
    sameScenes(SP, r.screenplay, [SP.acts[1].scenes[0].id]);
    const film = reviseScreenplay(SP, "make the whole film black and white, anamorphic, 35mm grain");
    expect(film.screenplay.style.look).toMatchObject({ blackAndWhite: true, anamorphic: true, aspect: "2.39", grain: 0.35 });
    sameScenes(SP, film.screenplay, []);
  });

  it("changes a targeted or quoted line's delivery and words", () => {
    const line = SP.acts[1].scenes[0].shots.flatMap((s) => s.lines)[0];
    const r = reviseScreenplay(SP, "that line, more sarcastic", { kind: "line", id: line.id });
    expect(r.ops).toEqual([{ op: "update-line", lineId: line.id, delivery: "sarcastic", text: expect.stringContaining(line.text.replace(/[.!]$/, "")) }]);
    const again = reviseScreenplay(r.screenplay, "now angry", { kind: "line", id: line.id });
    const text = (again.ops[0] as { text: string }).text;
    expect(text).not.toMatch(/Oh, sure/);
    expect(text).toMatch(/^Enough!/);
    const quoted = reviseScreenplay(SP, `say "${line.text}" whispered`);
    expect(quoted.ops[0]).toMatchObject({ op: "update-line", lineId: line.id, delivery: "whispered" });
  });

  it("retakes a shot, removes and adds scenes, sets the length, adds a character", () => {
    const shot = SP.acts[1].scenes[0].shots[1];
    expect(reviseScreenplay(SP, "another take", { kind: "shot", id: shot.id }).ops).toEqual([{ op: "retake-shot", shotId: shot.id }]);
    const removed = reviseScreenplay(SP, "remove scene 3");
    expect(removed.ops).toEqual([{ op: "remove-scene", sceneId: scenesOf(SP)[2].id }]);
    const added = reviseScreenplay(SP, "add a scene where Ada buries her old badge");
    expect(added.ops[0].op).toBe("insert-scene");
    expect(scenesOf(added.screenplay).some((s) => s.summary.includes("buries her old badge"))).toBe(true);
    sameScenes(SP, added.screenplay, []);
    const five = reviseScreenplay(SP, "make it 5 minutes");
    expect(five.ops).toEqual([{ op: "set-target-duration", seconds: 300 }]);
    expect(Math.abs(plannedDuration(five.screenplay) - 300)).toBeLessThanOrEqual(15);
    const long = reviseScreenplay(SP, "make it 90 minutes");
    expect(long.screenplay.targetDurationSeconds).toBe(5400);
    expect(Math.abs(plannedDuration(long.screenplay) - 5400)).toBeLessThanOrEqual(270);
    expect(canonicalJson(long.screenplay.characters)).toBe(canonicalJson(SP.characters));
    const juno = reviseScreenplay(SP, "add a character named Juno, a young pilot with red curls");
    expect(juno.ops[0].op).toBe("add-character");
    const c = juno.screenplay.characters.at(-1)!;
    expect(c.name).toBe("Juno");
    expect(c.identity.hair.style).toBe("curly");
    for (const other of SP.characters) expect(voicesDiffer(other.voice, c.voice)).toBe(true);
    const rex = reviseScreenplay(SP, "add a dog named Rex").screenplay.characters.at(-1)!;
    expect(rex).toMatchObject({ name: "Rex", description: "a dog", identity: { body: "animal", species: "dog" } });
  });

  it("says what it could not do and makes no ops for unknown requests", () => {
    const r = reviseScreenplay(SP, "what's the weather like in Lisbon?");
    expect(r.ops).toEqual([]);
    expect(r.screenplay).toBe(SP);
    expect(r.summary).toMatch(/could not/);
    expect(reviseScreenplay(SP, "another take").summary).toMatch(/select a shot/);
  });

  it("rejects a target that is not in the cut", () => {
    expect(() => reviseScreenplay(SP, "brighter", { kind: "shot", id: "nope" })).toThrow(/not in this cut/);
  });
});

import { describe, expect, it } from "vitest";
import { AuteurError } from "../../../lib/errors";
import { canonicalJson } from "../../../lib/plan/keys";
import { applyEdits, estimateSpeechSeconds } from "../../../lib/screenplay/apply-edits";
import { EditOpSchema, type EditOp } from "../../../lib/screenplay/edit-ops";
import type { Screenplay } from "../../../lib/screenplay/schema";
import { plannedDuration } from "../../../lib/screenplay/validate";
import { writeScreenplay } from "../../../lib/writer";

const BASE = writeScreenplay("A 3-minute western: Ada, a retired sheriff with a grey braid, hunts Marcus Vale, who stole her mule.").screenplay;

/** Canonical JSON of every act, scene and character, by id. */
function parts(sp: Screenplay): Map<string, string> {
  const out = new Map<string, string>();
  out.set("style", canonicalJson(sp.style));
  for (const c of sp.characters) out.set(`char:${c.id}`, canonicalJson(c));
  for (const act of sp.acts) {
    out.set(`act:${act.id}`, canonicalJson({ ...act, scenes: act.scenes.map((s) => s.id) }));
    for (const scene of act.scenes) out.set(`scene:${scene.id}`, canonicalJson(scene));
  }
  return out;
}

/** The keys whose canonical JSON changed (or appeared, or went). */
function changed(before: Screenplay, after: Screenplay): string[] {
  const a = parts(before);
  const b = parts(after);
  return [...new Set([...a.keys(), ...b.keys()])].filter((k) => a.get(k) !== b.get(k)).sort();
}

const act2 = BASE.acts[1];
const scene = act2.scenes[0];
const shot = scene.shots[1];
const line = scene.shots.flatMap((s) => s.lines)[0];
const ada = BASE.characters.find((c) => c.name === "Ada")!;

describe("applyEdits", () => {
  it("never mutates its input and returns a valid screenplay", () => {
    const before = canonicalJson(BASE);
    const out = applyEdits(BASE, [{ op: "retake-shot", shotId: shot.id }]);
    expect(canonicalJson(BASE)).toBe(before);
    expect(out).not.toBe(BASE);
    expect(applyEdits(BASE, [])).toEqual(BASE);
  });

  const cases: [string, EditOp[], string[]][] = [
    ["replace-act", [{ op: "replace-act", actId: act2.id, act: { ...act2, title: "New middle" } }], [`act:${act2.id}`]],
    ["replace-scene", [{ op: "replace-scene", sceneId: scene.id, scene: { ...scene, mood: "furious" } }], [`scene:${scene.id}`]],
    ["insert-scene", [{ op: "insert-scene", actId: act2.id, index: 1, scene: { ...scene, id: "extra", shots: [{ ...shot, id: "extra-k1", lines: [] }] } }], [`act:${act2.id}`, "scene:extra"]],
    ["remove-scene", [{ op: "remove-scene", sceneId: scene.id }], [`act:${act2.id}`, `scene:${scene.id}`]],
    ["move-scene", [{ op: "move-scene", sceneId: scene.id, toActId: BASE.acts[2].id, index: 0 }], [`act:${act2.id}`, `act:${BASE.acts[2].id}`]],
    ["update-shot", [{ op: "update-shot", shotId: shot.id, patch: { framing: "close-up", camera: { move: "push-in", lens: 85 } } }], [`scene:${scene.id}`]],
    ["update-line", [{ op: "update-line", lineId: line.id, text: "Not today.", delivery: "cold" }], [`scene:${scene.id}`]],
    ["restyle shot", [{ op: "restyle", scope: { shotId: shot.id }, grade: { brightness: 0.4 } }], [`scene:${scene.id}`]],
    ["restyle scene", [{ op: "restyle", scope: { sceneId: scene.id }, grade: { blackAndWhite: true } }], [`scene:${scene.id}`]],
    ["restyle film", [{ op: "restyle", scope: "film", grade: { grain: 0.35 }, look: { aspect: "2.39" }, references: ["35mm film"] }], ["style"]],
    ["retake-shot", [{ op: "retake-shot", shotId: shot.id }], [`scene:${scene.id}`]],
    ["add-character", [{ op: "add-character", character: { ...ada, id: "ada-twin", name: "Ida" } }], ["char:ada-twin"]],
    ["update-character", [{ op: "update-character", characterId: ada.id, patch: { traits: ["stubborn"] }, unlock: false }], [`char:${ada.id}`]],
  ];
  for (const [name, ops, expected] of cases)
    it(`${name} changes only its scope`, () => {
      const after = applyEdits(BASE, ops);
      expect(changed(BASE, after)).toEqual([...expected].sort());
    });

  it("retake bumps the take and nothing else of the shot", () => {
    const after = applyEdits(BASE, [{ op: "retake-shot", shotId: shot.id }]);
    const again = after.acts[1].scenes[0].shots[1];
    expect(again.take).toBe(shot.take + 1);
    expect(canonicalJson({ ...again, take: 0 })).toBe(canonicalJson({ ...shot, take: 0 }));
  });

  it("keeps a locked identity and voice unless unlocked", () => {
    expect(() => applyEdits(BASE, [{ op: "update-character", characterId: ada.id, patch: { identity: { hair: { color: "#ff0000" } } }, unlock: false }])).toThrow(/locked/);
    const after = applyEdits(BASE, [{ op: "update-character", characterId: ada.id, patch: { identity: { hair: { color: "#ff0000" } }, voice: { pitch: 4 } }, unlock: true }]);
    const c = after.characters.find((x) => x.id === ada.id)!;
    expect(c.identity.hair).toEqual({ style: ada.identity.hair.style, color: "#ff0000" });
    expect(c.identity.face).toEqual(ada.identity.face);
    expect(c.voice).toEqual({ ...ada.voice, pitch: 4 });
  });

  it("set-target-duration rescales shots to the new length, never below their speech", () => {
    for (const seconds of [120, 300]) {
      const after = applyEdits(BASE, [{ op: "set-target-duration", seconds }]);
      expect(after.targetDurationSeconds).toBe(seconds);
      expect(Math.abs(plannedDuration(after) - seconds)).toBeLessThanOrEqual(seconds * 0.05);
      for (const act of after.acts) for (const s of act.scenes) for (const h of s.shots) expect(h.duration + 1e-6).toBeGreaterThanOrEqual(estimateSpeechSeconds(h.lines));
    }
  });

  it("throws invalid_input for unknown ids, naming the id", () => {
    const unknown: EditOp[] = [
      { op: "replace-act", actId: "act-9", act: act2 },
      { op: "replace-scene", sceneId: "nope", scene },
      { op: "insert-scene", actId: "act-9", index: 0, scene },
      { op: "remove-scene", sceneId: "nope" },
      { op: "move-scene", sceneId: scene.id, toActId: "act-9", index: 0 },
      { op: "update-shot", shotId: "nope", patch: { take: 2 } },
      { op: "update-line", lineId: "nope", text: "x" },
      { op: "restyle", scope: { shotId: "nope" }, grade: {} },
      { op: "retake-shot", shotId: "nope" },
      { op: "update-character", characterId: "nope", patch: { name: "X" }, unlock: false },
    ];
    for (const op of unknown) {
      let error: unknown;
      try {
        applyEdits(BASE, [op]);
      } catch (e) {
        error = e;
      }
      expect(error, op.op).toBeInstanceOf(AuteurError);
      expect((error as AuteurError).code).toBe("invalid_input");
      expect((error as AuteurError).message).toMatch(/"(act-9|nope)"/);
    }
  });

  it("rejects malformed ops and edits that break the screenplay", () => {
    expect(() => applyEdits(BASE, [{ op: "explode" } as unknown as EditOp])).toThrow(/Edit 1 is not valid/);
    expect(() => applyEdits(BASE, [{ op: "add-character", character: ada }])).toThrow(/already a character/);
    expect(() => applyEdits(BASE, [{ op: "update-shot", shotId: shot.id, patch: { characters: ["ghost"] } }])).toThrow(/no character "ghost"/);
    const single = applyEdits(BASE, BASE.acts[0].scenes.slice(1).map((s) => ({ op: "remove-scene" as const, sceneId: s.id })));
    expect(() => applyEdits(single, [{ op: "remove-scene", sceneId: single.acts[0].scenes[0].id }])).toThrow(/only scene/);
  });

  it("EditOpSchema parses every kind", () => {
    for (const [, ops] of cases) for (const op of ops) expect(EditOpSchema.parse(op).op).toBe(op.op);
  });
});

import { describe, expect, it } from "vitest";
import { layoutShot } from "../../../lib/render/shot-layout";
import { poseAt, poseKey, REST, walksIn } from "../../../lib/render/pose";
import { character, ELARA, BRANN, line, makeShotSpec } from "../../media/render/make-shot-spec";

const two = [character("elara", "Elara", ELARA, 0), character("brann", "Brann", BRANN, 1)];

describe("poses", () => {
  it("a speaker gestures with the line: up, held, down; the listener keeps still", () => {
    const spec = makeShotSpec({ framing: "two-shot", seconds: 3, characters: two, lines: [line("l1", "elara", "Listen to me, this is it.", 0.5, 2.5, "excited")] });
    const layout = layoutShot(spec);
    const elara = layout.figures.find((f) => f.id === "elara")!;
    const brann = layout.figures.find((f) => f.id === "brann")!;
    expect(poseAt(spec, elara, 6, false)).toBe(REST); // before the line
    const mid = poseAt(spec, elara, 36, false);
    // she stands on the left and faces Brann: the right arm (toward him) comes up, bent at the elbow
    expect(mid.arms[0]).toBeNull();
    expect(mid.arms[1]!.fore).toBeGreaterThan(2);
    expect(poseAt(spec, elara, 15, false).arms[1]!.fore).toBeLessThan(mid.arms[1]!.fore);
    expect(poseAt(spec, elara, 55, false).arms[1]!.fore).toBeLessThan(mid.arms[1]!.fore);
    expect(poseAt(spec, elara, 61, false)).toBe(REST); // after it
    for (let k = 0; k < spec.frames; k++) expect(poseAt(spec, brann, k, false)).toBe(REST);
    // an angry line throws the arm out toward the listener, a tender one opens both hands
    const angry = makeShotSpec({ ...spec, lines: [line("l1", "brann", "No. Absolutely not, never.", 0.5, 2.5, "angry")] });
    const thrown = poseAt(angry, layoutShot(angry).figures.find((f) => f.id === "brann")!, 36, false);
    expect(thrown.arms[0]!.fore).toBeGreaterThan(1);
    expect(thrown.arms[1]).toBeNull();
    const tender = makeShotSpec({ ...spec, lines: [line("l1", "elara", "I know. I know, it is all right.", 0.5, 2.5, "tender")] });
    const open = poseAt(tender, layoutShot(tender).figures.find((f) => f.id === "elara")!, 36, false);
    expect(open.arms[0]).not.toBeNull();
    expect(open.arms[1]).not.toBeNull();
  });

  it("people walk in a tracking shot: feet take turns off the ground, arms swing, the body bobs; a cycle of few poses", () => {
    const spec = makeShotSpec({ framing: "full", seconds: 2, camera: { move: "tracking", lens: 35 }, characters: two });
    expect(walksIn(spec)).toBe(true);
    expect(walksIn({ ...spec, framing: "close-up" })).toBe(false);
    expect(walksIn({ ...spec, camera: { move: "static", lens: 35 } })).toBe(false);
    const elara = layoutShot(spec).figures.find((f) => f.id === "elara")!;
    const poses = Array.from({ length: spec.frames }, (_, k) => poseAt(spec, elara, k, true));
    expect(poses.some((p) => p.lift[0] > 0.03 && p.lift[1] === 0)).toBe(true);
    expect(poses.some((p) => p.lift[1] > 0.03 && p.lift[0] === 0)).toBe(true);
    expect(new Set(poses.map((p) => p.bob)).size).toBeGreaterThan(1);
    expect(new Set(poses.map(poseKey)).size).toBeLessThanOrEqual(8);
    // the same inputs, the same poses
    expect(poses.map(poseKey)).toEqual(Array.from({ length: spec.frames }, (_, k) => poseKey(poseAt(spec, elara, k, true))));
  });
});

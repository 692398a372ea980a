import { describe, expect, it } from "vitest";
import { cutTree } from "../../../app/_lib/cut-tree";
import { takeNdjsonLines } from "../../../app/_lib/ndjson-lines";
import { nextDelivery, regenerateKey, regenerateRequest } from "../../../app/_lib/regenerate";
import { reviseScreenplay, writeScreenplay } from "../../../lib/writer";

const cut = (id: string, parentCutId: string | null, minute: number) => ({
  id,
  parentCutId,
  branchId: "b",
  status: "complete" as const,
  createdAt: `2026-01-01T00:${String(minute).padStart(2, "0")}:00.000Z`,
  message: `message ${id}`,
});

describe("cutTree", () => {
  const cuts = [cut("c3", "c2", 3), cut("c1", null, 1), cut("c4", "c2", 4), cut("c2", "c1", 2), cut("c5", "c1", 5)];
  const branches = [
    { id: "main", name: "main", headCutId: "c3" },
    { id: "alt", name: "alternate", headCutId: "c4" },
  ];

  it("puts every cut under its parent, children oldest first, numbered in order of making", () => {
    const rows = cutTree(cuts, branches, "c4");
    expect(rows.map((r) => [r.id, r.depth, r.number])).toEqual([
      ["c1", 0, 1],
      ["c2", 1, 2],
      ["c3", 2, 3],
      ["c4", 2, 4],
      ["c5", 1, 5],
    ]);
  });

  it("labels branch heads and marks the cut shown", () => {
    const rows = cutTree(cuts, branches, "c4");
    expect(rows.find((r) => r.id === "c3")!.heads).toEqual([{ id: "main", name: "main" }]);
    expect(rows.find((r) => r.id === "c4")!.heads).toEqual([{ id: "alt", name: "alternate" }]);
    expect(rows.filter((r) => r.shown).map((r) => r.id)).toEqual(["c4"]);
  });

  it("shows a cut whose parent was deleted as a root instead of losing it", () => {
    const rows = cutTree([cut("c9", "gone", 9)], [], null);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.depth).toBe(0);
  });
});

describe("regenerate buttons", () => {
  it("cycles a line through deliveries, never repeating the current one", () => {
    expect(nextDelivery("neutral")).toBe("tender");
    expect(nextDelivery("tender")).toBe("whispered");
    expect(nextDelivery("shouted")).toBe("tender");
  });

  it("targets the shot, scene or line it sits on", () => {
    expect(regenerateRequest("take", "s1").target).toEqual({ kind: "shot", id: "s1" });
    expect(regenerateRequest("scene", "sc1").target).toEqual({ kind: "scene", id: "sc1" });
    expect(regenerateRequest("line", "l1", "sad")).toEqual({ message: "Say this line differently: excited.", target: { kind: "line", id: "l1" } });
    expect(regenerateKey({ kind: "line", id: "l1" })).toBe("line:l1");
  });
});

describe("takeNdjsonLines", () => {
  it("returns whole lines and keeps the unfinished rest", () => {
    expect(takeNdjsonLines('{"a":1}\n\n{"b":2}\n{"c"')).toEqual({ values: [{ a: 1 }, { b: 2 }], rest: '{"c"' });
    expect(takeNdjsonLines("")).toEqual({ values: [], rest: "" });
  });
});

describe("the offline writer understands the buttons", () => {
  const sp = writeScreenplay("A 20-second scene: Ana, a baker, talks to Ben, a boy, at dawn.").screenplay;
  const scenes = sp.acts.flatMap((a) => a.scenes);
  const shot = scenes[0]!.shots[0]!;
  const line = scenes.flatMap((s) => s.shots.flatMap((h) => h.lines))[0]!;

  it("New take makes a retake of that shot only", () => {
    const { message, target } = regenerateRequest("take", shot.id);
    expect(reviseScreenplay(sp, message, target).ops).toEqual([{ op: "retake-shot", shotId: shot.id }]);
  });

  it("Say it differently changes that line's delivery", () => {
    const { message, target } = regenerateRequest("line", line.id, line.delivery);
    const ops = reviseScreenplay(sp, message, target).ops;
    expect(ops).toHaveLength(1);
    expect(ops[0]).toMatchObject({ op: "update-line", lineId: line.id, delivery: nextDelivery(line.delivery) });
  });
});

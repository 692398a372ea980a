import { describe, expect, it } from "vitest";
import { pickWaiter } from "../../../lib/jobs/cpu-pool";
import { priorityFor, QUEUES, type QueueName } from "../../../lib/jobs/queues";

describe("priorityFor", () => {
  it("puts every stage of an earlier shot before any stage of a later one", () => {
    const stages = Object.values(QUEUES).filter((q) => q !== QUEUES.stitchCut) as QueueName[];
    for (const early of stages) for (const late of stages) expect(priorityFor(3, early)).toBeGreaterThan(priorityFor(4, late));
    // The later shots' speech (the old rule put all speech first) waits for the opening shot's picture.
    expect(priorityFor(0, QUEUES.renderShot)).toBeGreaterThan(priorityFor(1, QUEUES.speakLine));
  });

  it("within one shot, the stage that finishes its segment first; the film's join above all", () => {
    expect(priorityFor(5, QUEUES.mixShot)).toBeGreaterThan(priorityFor(5, QUEUES.renderShot));
    expect(priorityFor(5, QUEUES.renderShot)).toBeGreaterThan(priorityFor(5, QUEUES.speakLine));
    expect(priorityFor(0, QUEUES.stitchCut)).toBeGreaterThan(priorityFor(0, QUEUES.mixShot));
  });

  it("stays a non-negative integer for any index", () => {
    for (const i of [-3, 0, 1.7, 99_999, 1e9]) {
      const p = priorityFor(i, QUEUES.renderShot);
      expect(Number.isInteger(p)).toBe(true);
      expect(p).toBeGreaterThanOrEqual(0);
    }
  });
});

describe("pickWaiter (which waiting stage gets the next free CPU child)", () => {
  const w = (priority: number, since: number, seq: number) => ({ priority, since, seq });

  it("takes the highest priority, the oldest among equals", () => {
    expect(pickWaiter([w(1, 0, 1), w(9, 0, 2), w(9, 0, 3), w(4, 0, 4)], 1000, 45_000)).toBe(1);
  });

  it("lets a stage that has waited too long go first, so no job passes its queue's time limit", () => {
    expect(pickWaiter([w(9, 50_000, 2), w(1, 0, 1)], 50_000, 45_000)).toBe(1);
    expect(pickWaiter([w(9, 0, 3), w(1, 0, 2), w(5, 0, 1)], 50_000, 45_000)).toBe(2);
  });

  it("answers -1 when nothing waits", () => {
    expect(pickWaiter([], 0, 45_000)).toBe(-1);
  });
});

import { describe, expect, test } from "vitest";
import { LIMITS } from "../../../lib/screenplay/limits";
import { asksToChangeLook, asksToChangeVoice } from "../../../lib/writer/llm/guardrails";
import { nameResolver } from "../../../lib/writer/llm/name-resolver";
import { planStructure, shotRange, splitCount } from "../../../lib/writer/llm/plan-structure";
import { clipText } from "../../../lib/writer/llm/clip-text";

describe("planStructure: the shape of a film before any model call", () => {
  test.each([30, 180, 1200, 5400, 9000])("%i s: scene budgets add up, shot counts fit the limits", (seconds) => {
    const plan = planStructure(seconds);
    const total = plan.acts.reduce((t, a) => t + a.seconds, 0);
    expect(total).toBeCloseTo(seconds, 6);
    let maxShots = 0;
    for (const act of plan.acts) {
      const range = shotRange(act.seconds / act.scenes, plan.avgShotSeconds);
      expect(range.ask).toBeGreaterThanOrEqual(range.min);
      expect(range.ask).toBeLessThanOrEqual(Math.min(range.max, LIMITS.maxShotsPerScene));
      // The asked shots can be timed to the scene (each between 1 and 30 s).
      expect(range.min * LIMITS.maxShotSeconds).toBeGreaterThanOrEqual(act.seconds / act.scenes);
      maxShots += range.ask * act.scenes;
    }
    expect(maxShots).toBeLessThanOrEqual(LIMITS.maxShots);
  });

  test("a 90-minute film: three acts 25/50/25 and feature-sized scenes", () => {
    const plan = planStructure(5400);
    expect(plan.acts.map((a) => a.share)).toEqual([0.25, 0.5, 0.25]);
    expect(plan.acts.reduce((n, a) => n + a.scenes, 0)).toBe(36);
  });

  test("splitCount keeps proportions and a minimum", () => {
    expect(splitCount(10, [0.25, 0.5, 0.25])).toEqual([3, 4, 3]);
    expect(splitCount(3, [0.25, 0.5, 0.25])).toEqual([1, 1, 1]);
  });
});

describe("guardrails", () => {
  test("a locked look or voice unlocks only when the message asks for it", () => {
    expect(asksToChangeLook("give Ada short red hair")).toBe(true);
    expect(asksToChangeLook("put Marcus in a black coat")).toBe(true);
    expect(asksToChangeLook("make Ada more sarcastic")).toBe(false);
    expect(asksToChangeLook("make the ending hopeful")).toBe(false);
    expect(asksToChangeVoice("give Marcus a deeper voice")).toBe(true);
    expect(asksToChangeVoice("make her lines sadder")).toBe(false);
  });

  test("names resolve to characters; strangers do not", () => {
    const resolve = nameResolver([
      { id: "ada", name: "Ada" },
      { id: "marcus-vale", name: "Marcus Vale" },
    ]);
    expect(resolve("Ada")).toBe("ada");
    expect(resolve("MARCUS")).toBe("marcus-vale");
    expect(resolve("Vale")).toBe("marcus-vale");
    expect(resolve("marcus-vale")).toBe("marcus-vale");
    expect(resolve("The Narrator")).toBeUndefined();
  });

  test("clipText trims model text to a limit at a word", () => {
    expect(clipText("  a   b  ", 10)).toBe("a b");
    expect(clipText("one two three four", 12)).toBe("one two");
    expect(clipText("", 10, "Untitled")).toBe("Untitled");
  });
});

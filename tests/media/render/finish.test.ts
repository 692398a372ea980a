import { describe, expect, it } from "vitest";
import { FINISH_PATTERNS, finishIndex, makeFinish, makeGrain, makeOverlay } from "../../../lib/render/overlays";
import { NATURAL } from "./make-shot-spec";

describe("the shot's finish (grain + vignette, made once)", () => {
  it("changes the grain every other frame and never shows one pattern for more than two frames", () => {
    const seen = new Set<number>();
    for (let f = 0; f < 480; f += 2) {
      const i = finishIndex(f, FINISH_PATTERNS);
      expect(finishIndex(f + 1, FINISH_PATTERNS)).toBe(i);
      expect(finishIndex(f + 2, FINISH_PATTERNS)).not.toBe(i);
      expect(i).toBeGreaterThanOrEqual(0);
      expect(i).toBeLessThan(FINISH_PATTERNS);
      seen.add(i);
    }
    expect(seen.size).toBe(FINISH_PATTERNS);
    expect(finishIndex(37, 1)).toBe(0);
  });

  it("is one overlay without grain, a set of grainy frames with it, nothing for a plain look", () => {
    const overlay = makeOverlay({ ...NATURAL, vignette: 0.4 }, 320, 180);
    expect(makeFinish(null, overlay, 320, 180)).toEqual([overlay]);
    expect(makeFinish(null, makeOverlay({ ...NATURAL, vignette: 0 }, 320, 180), 320, 180)).toEqual([]);
    const grainy = makeFinish(makeGrain(0.3, 5), overlay, 320, 180);
    expect(grainy).toHaveLength(FINISH_PATTERNS);
    // the patterns differ from each other, and the vignette darkens the corners of each
    expect(grainy[0]!.data().equals(grainy[1]!.data())).toBe(false);
    const alphaAt = (c: (typeof grainy)[number], x: number, y: number) => c.data()[(y * 320 + x) * 4 + 3]!;
    for (const c of grainy) expect(alphaAt(c, 2, 2)).toBeGreaterThan(alphaAt(c, 160, 90));
  });
});

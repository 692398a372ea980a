import { describe, expect, it } from "vitest";
import { duckGain } from "../../../lib/sound/duck";

describe("ducking under dialogue", () => {
  const sr = 1000;
  const gain = duckGain([{ start: 2, end: 4 }], 8 * sr, sr, { depthDb: -9, attackSec: 0.3, releaseSec: 0.7 });

  it("is unity away from speech and -9 dB under it", () => {
    expect(gain[0]).toBe(1);
    expect(gain[7.9 * sr]).toBe(1);
    expect(20 * Math.log10(gain[3 * sr])).toBeCloseTo(-9, 5);
  });

  it("ramps smoothly before the words and after them", () => {
    expect(gain[1.85 * sr]).toBeLessThan(1);
    expect(gain[1.85 * sr]).toBeGreaterThan(gain[2 * sr]);
    expect(gain[4.35 * sr]).toBeGreaterThan(gain[4 * sr]);
    let maxStep = 0;
    for (let i = 1; i < gain.length; i++) maxStep = Math.max(maxStep, Math.abs(gain[i] - gain[i - 1]));
    expect(maxStep).toBeLessThan(0.01);
  });
});

import { describe, expect, it } from "vitest";
import { shotAtTime } from "../../../app/_lib/shot-at-time";

const shots = [
  { shotId: "a", durationSec: 2 },
  { shotId: "b", durationSec: 3.5 },
  { shotId: "c", durationSec: 1 },
];

describe("shotAtTime", () => {
  it("finds the shot on screen by the shots' durations", () => {
    expect(shotAtTime(shots, 0)).toBe("a");
    expect(shotAtTime(shots, 1.99)).toBe("a");
    expect(shotAtTime(shots, 2)).toBe("b");
    expect(shotAtTime(shots, 5.49)).toBe("b");
    expect(shotAtTime(shots, 5.5)).toBe("c");
  });

  it("answers null before the start, after the end, and past a shot not yet timed", () => {
    expect(shotAtTime(shots, -1)).toBeNull();
    expect(shotAtTime(shots, Number.NaN)).toBeNull();
    expect(shotAtTime(shots, 6.5)).toBeNull();
    expect(shotAtTime([{ shotId: "a", durationSec: 2 }, { shotId: "b" }], 3)).toBeNull();
    expect(shotAtTime([{ shotId: "a", durationSec: 2 }, { shotId: "b" }], 1)).toBe("a");
  });
});

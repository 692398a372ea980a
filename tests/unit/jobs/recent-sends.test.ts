import { describe, expect, it } from "vitest";
import { RecentSends } from "../../../lib/jobs/recent-sends";

describe("recent sends", () => {
  it("sends a job once while it is in flight, again once it settles", () => {
    const sends = new RecentSends(60_000);
    expect(sends.claim("render-shot", "a", 0)).toBe(true);
    expect(sends.claim("render-shot", "a", 1_000)).toBe(false);
    // Another queue or key is another job.
    expect(sends.claim("mix-shot", "a", 1_000)).toBe(true);
    expect(sends.claim("render-shot", "b", 1_000)).toBe(true);
    sends.forget("render-shot", "a");
    expect(sends.claim("render-shot", "a", 2_000)).toBe(true);
  });

  it("sends again after the time limit, in case the job settled where this process cannot see", () => {
    const sends = new RecentSends(10_000);
    expect(sends.claim("q", "k", 0)).toBe(true);
    expect(sends.claim("q", "k", 9_999)).toBe(false);
    expect(sends.claim("q", "k", 10_000)).toBe(true);
  });
});

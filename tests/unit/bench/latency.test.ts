import { describe, expect, it } from "vitest";
import { formatTable, LatencyBook, p95ByWindow, percentile, summarize } from "../../../bench/latency";

describe("load bench figures", () => {
  it("takes nearest-rank percentiles", () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 95)).toBe(95);
    expect(percentile(values, 99)).toBe(99);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
  });

  it("counts errors by endpoint and reason, and summarizes a class", () => {
    const book = new LatencyBook(["playlist"]);
    book.record("playlist", 30);
    book.record("playlist", 10);
    book.record("playlist", 500, "HTTP 500");
    const row = summarize("playlist", book.samples("playlist"), 2);
    expect(row).toMatchObject({ count: 3, perSecond: 1.5, p50: 30, p95: 500, max: 500, errors: 1 });
    expect(book.errorReasons()).toEqual([{ name: "playlist", reason: "HTTP 500", count: 1 }]);
    expect(() => book.record("nope", 1)).toThrow(/unknown endpoint/);
    expect(formatTable([row]).split("\n")[2]).toMatch(/^playlist\s+3\s+1\.5\s+30\s+500\s+500\s+500\s+1$/);
  });

  it("groups requests by when they were sent, to show a burst of slow ones", () => {
    const book = new LatencyBook(["playlist"]);
    // Sent in the first second (ended at 1,000 ms after taking 900): slow; sent later: fast.
    for (let i = 0; i < 20; i++) book.record("playlist", 900, undefined, 1_000 + i);
    for (let i = 0; i < 20; i++) book.record("playlist", 10, undefined, 5_000 + i * 50);
    expect(p95ByWindow(book.samples("playlist"), 0, 2_000)).toEqual([
      { fromSec: 0, count: 20, p95: 900 },
      { fromSec: 4, count: 20, p95: 10 },
    ]);
  });
});

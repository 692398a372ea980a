import { describe, expect, it } from "vitest";
import { parseRange } from "../../../lib/http/parse-range";

describe("parseRange", () => {
  it("serves the whole file without a Range header", () => {
    expect(parseRange(null, 1000)).toEqual({ kind: "full" });
    expect(parseRange("", 1000)).toEqual({ kind: "full" });
  });

  it("reads a closed range, inclusive", () => {
    expect(parseRange("bytes=0-99", 1000)).toEqual({ kind: "partial", start: 0, end: 99 });
    expect(parseRange("bytes=500-500", 1000)).toEqual({ kind: "partial", start: 500, end: 500 });
  });

  it("reads an open range to the end, as <video> sends it", () => {
    expect(parseRange("bytes=0-", 1000)).toEqual({ kind: "partial", start: 0, end: 999 });
    expect(parseRange("bytes=900-", 1000)).toEqual({ kind: "partial", start: 900, end: 999 });
  });

  it("reads a suffix range (the last N bytes)", () => {
    expect(parseRange("bytes=-100", 1000)).toEqual({ kind: "partial", start: 900, end: 999 });
    expect(parseRange("bytes=-5000", 1000)).toEqual({ kind: "partial", start: 0, end: 999 });
  });

  it("clamps an end past the file to its last byte", () => {
    expect(parseRange("bytes=990-5000", 1000)).toEqual({ kind: "partial", start: 990, end: 999 });
  });

  it("says unsatisfiable for a start past the end, an empty suffix or an empty file", () => {
    expect(parseRange("bytes=1000-", 1000)).toEqual({ kind: "unsatisfiable" });
    expect(parseRange("bytes=2000-3000", 1000)).toEqual({ kind: "unsatisfiable" });
    expect(parseRange("bytes=-0", 1000)).toEqual({ kind: "unsatisfiable" });
    expect(parseRange("bytes=0-", 0)).toEqual({ kind: "unsatisfiable" });
  });

  it("ignores what it does not understand and serves the whole file", () => {
    expect(parseRange("items=0-10", 1000)).toEqual({ kind: "full" });
    expect(parseRange("bytes=0-10,20-30", 1000)).toEqual({ kind: "full" });
    expect(parseRange("bytes=50-10", 1000)).toEqual({ kind: "full" });
    expect(parseRange("bytes=-", 1000)).toEqual({ kind: "full" });
    expect(parseRange("bytes=abc-", 1000)).toEqual({ kind: "full" });
  });

  it("accepts spaces and any case", () => {
    expect(parseRange(" Bytes = 10 - 20 ", 1000)).toEqual({ kind: "partial", start: 10, end: 20 });
  });
});

import { describe, expect, it } from "vitest";
import { canonicalJson, contentKey, seedFrom } from "../../../lib/plan/keys";

describe("content keys", () => {
  it("canonical JSON ignores key order and undefined fields", () => {
    expect(canonicalJson({ b: 1, a: [1, { d: undefined, c: "x" }] })).toBe('{"a":[1,{"c":"x"}],"b":1}');
    expect(canonicalJson({ a: 1, b: 2 })).toBe(canonicalJson({ b: 2, a: 1 }));
  });
  it("writes numbers, strings and nested arrays as JSON does, and refuses numbers JSON cannot hold", () => {
    const value = { z: [0.25, -0, 1e21, 1.5e-7], y: ["\u2028\"é", null, true, [[]], {}], x: [undefined, 3] };
    expect(canonicalJson(value)).toBe('{"x":[null,3],"y":["\u2028\\"é",null,true,[[]],{}],"z":[0.25,0,1e+21,1.5e-7]}');
    expect(() => canonicalJson({ a: [1, NaN] })).toThrow(/non-finite/);
    expect(() => canonicalJson({ a: Infinity })).toThrow(/non-finite/);
  });
  it("the same inputs give the same key; any change, or another provider version, gives another", () => {
    const p = { name: "animatic", version: "1" };
    const k = contentKey("render-shot", { a: 1 }, p);
    expect(k).toMatch(/^[0-9a-f]{64}$/);
    expect(contentKey("render-shot", { a: 1 }, p)).toBe(k);
    expect(contentKey("render-shot", { a: 2 }, p)).not.toBe(k);
    expect(contentKey("render-shot", { a: 1 }, { ...p, version: "2" })).not.toBe(k);
    expect(contentKey("mix-shot", { a: 1 }, p)).not.toBe(k);
  });
  it("seeds are stable 32-bit numbers", () => {
    expect(seedFrom("shot", "s1-sh1", 1)).toBe(seedFrom("shot", "s1-sh1", 1));
    expect(seedFrom("shot", "s1-sh1", 2)).not.toBe(seedFrom("shot", "s1-sh1", 1));
    expect(seedFrom("x")).toBeLessThan(2 ** 32);
  });
});

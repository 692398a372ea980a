import { describe, expect, it } from "vitest";
import { FilmVersions, VersionedReads } from "../../../lib/film/film-changes";

describe("FilmVersions", () => {
  it("moves one film's version on its change, and every film's after a reconnect", () => {
    const v = new FilmVersions();
    const a0 = v.version("a");
    const b0 = v.version("b");
    v.changed("a");
    expect(v.version("a")).not.toBe(a0);
    expect(v.version("b")).toBe(b0);
    const a1 = v.version("a");
    v.reset();
    expect(v.version("a")).not.toBe(a1);
    expect(v.version("b")).not.toBe(b0);
    expect(new FilmVersions().version("b")).not.toBe(b0);
  });
});

describe("VersionedReads", () => {
  const counting = () => {
    let n = 0;
    return { load: async () => ({ read: ++n }), count: () => n };
  };

  it("shares a read between callers at the same version, and reads again when it moves", async () => {
    const reads = new VersionedReads<{ read: number }>(5000);
    const c = counting();
    const first = await Promise.all(Array.from({ length: 50 }, () => reads.get("film", "v1", 0, c.load)));
    expect(c.count()).toBe(1);
    expect(new Set(first).size).toBe(1);
    expect(await reads.get("film", "v1", 4999, c.load)).toBe(first[0]);
    expect(await reads.get("film", "v2", 5000 - 1, c.load)).toEqual({ read: 2 });
    expect(await reads.get("other", "v2", 0, c.load)).toEqual({ read: 3 });
  });

  it("reads again once a view is older than the bound, and always without a version", async () => {
    const reads = new VersionedReads<{ read: number }>(5000);
    const c = counting();
    await reads.get("film", "v1", 0, c.load);
    expect(await reads.get("film", "v1", 5000, c.load)).toEqual({ read: 2 });
    await reads.get("film", undefined, 5001, c.load);
    await reads.get("film", undefined, 5001, c.load);
    expect(c.count()).toBe(4);
  });

  it("does not share a failed read", async () => {
    const reads = new VersionedReads<number>(5000);
    await expect(reads.get("film", "v1", 0, () => Promise.reject(new Error("down")))).rejects.toThrow("down");
    expect(await reads.get("film", "v1", 1, async () => 7)).toBe(7);
  });

  it("keeps at most its bound of entries, dropping the oldest read", async () => {
    const reads = new VersionedReads<string>(5000, 2);
    const c = { n: 0 };
    const load = (s: string) => async () => (c.n++, s);
    await reads.get("a", "v", 0, load("a"));
    await reads.get("b", "v", 0, load("b"));
    await reads.get("c", "v", 0, load("c"));
    await reads.get("b", "v", 1, load("b2"));
    await reads.get("a", "v", 1, load("a2"));
    expect(c.n).toBe(4);
  });
});

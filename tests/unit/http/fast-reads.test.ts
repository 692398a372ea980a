import { describe, expect, it } from "vitest";
import { matchFastRead } from "../../../lib/http/fast-reads";

describe("matchFastRead", () => {
  it("takes GET and HEAD of a cut's playlist and segments, query strings aside", () => {
    expect(matchFastRead("GET", "/api/cuts/c1/playlist.m3u8")).toEqual({ kind: "playlist", target: { cutId: "c1" } });
    expect(matchFastRead("GET", "/api/cuts/c1/playlist.m3u8?_HLS_msn=3")).toEqual({ kind: "playlist", target: { cutId: "c1" } });
    expect(matchFastRead("HEAD", "/api/cuts/c1/segments/12.ts")).toEqual({ kind: "segment", target: { cutId: "c1" }, name: "12.ts" });
    expect(matchFastRead("GET", "/api/cuts/c%2D1/segments/0.mp4")).toEqual({ kind: "segment", target: { cutId: "c-1" }, name: "0.mp4" });
    // A share link's playlist and segments too.
    expect(matchFastRead("GET", "/api/s/tok/playlist.m3u8")).toEqual({ kind: "playlist", target: { token: "tok" } });
    expect(matchFastRead("GET", "/api/s/tok/segments/3.ts")).toEqual({ kind: "segment", target: { token: "tok" }, name: "3.ts" });
  });

  it("leaves everything else to Next.js", () => {
    expect(matchFastRead("POST", "/api/cuts/c1/playlist.m3u8")).toBeNull();
    expect(matchFastRead("GET", "/api/cuts/c1/film.mp4")).toBeNull();
    expect(matchFastRead("GET", "/api/cuts/c1/segments/0.ts/x")).toBeNull();
    expect(matchFastRead("GET", "/api/cuts//playlist.m3u8")).toBeNull();
    expect(matchFastRead("GET", "/api/s/tok/film.mp4")).toBeNull();
    expect(matchFastRead("GET", "/api/films/f1/playlist.m3u8")).toBeNull();
    expect(matchFastRead("GET", "/")).toBeNull();
    expect(matchFastRead("GET", undefined)).toBeNull();
    // A malformed escape: Next.js answers it.
    expect(matchFastRead("GET", "/api/cuts/%E0%A4%A/playlist.m3u8")).toBeNull();
  });
});

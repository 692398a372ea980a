import { describe, expect, it } from "vitest";
import { AuteurError } from "../../../lib/errors";
import { ndjsonLine, ndjsonResponse, wantsNdjson } from "../../../lib/http/ndjson-response";
import { parseSegmentName } from "../../../lib/http/parse-segment-name";
import { playlistResponse } from "../../../lib/http/playlist-response";

const lines = async (response: Response) =>
  (await response.text())
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l));

describe("ndjson answers", () => {
  it("writes one JSON value a line, even when it holds newlines", () => {
    expect(ndjsonLine({ a: "x\ny" })).toBe('{"a":"x\\ny"}\n');
  });

  it("streams what run sends, in order", async () => {
    const response = ndjsonResponse(async (send) => {
      send({ type: "draft", n: 1 });
      send({ type: "done", filmId: "f" });
    });
    expect(response.headers.get("content-type")).toMatch(/^application\/x-ndjson/);
    expect(await lines(response)).toEqual([{ type: "draft", n: 1 }, { type: "done", filmId: "f" }]);
  });

  it("ends a failed run with an error line in the API's error shape", async () => {
    const response = ndjsonResponse(async (send) => {
      send({ type: "draft" });
      throw new AuteurError("invalid_input", "That idea is too long.");
    });
    expect(await lines(response)).toEqual([{ type: "draft" }, { type: "error", error: { code: "invalid_input", message: "That idea is too long." } }]);
  });

  it("is chosen by the Accept header", () => {
    expect(wantsNdjson(new Request("http://x", { headers: { accept: "application/x-ndjson" } }))).toBe(true);
    expect(wantsNdjson(new Request("http://x", { headers: { accept: "application/json" } }))).toBe(false);
    expect(wantsNdjson(new Request("http://x"))).toBe(false);
  });
});

describe("segment names", () => {
  it("reads a segment index and refuses anything else", () => {
    expect(parseSegmentName("0.ts")).toEqual({ index: 0, format: "ts" });
    expect(parseSegmentName("17.ts")).toEqual({ index: 17, format: "ts" });
    expect(parseSegmentName("3.mp4")).toEqual({ index: 3, format: "mp4" });
    for (const bad of ["01.ts", "-1.ts", "1.m4s", "1", "../1.ts", "1.ts/x", "1e3.ts"]) expect(parseSegmentName(bad), bad).toBeNull();
  });

  it("does not let a growing playlist be cached, and lets a finished one", () => {
    expect(playlistResponse("#EXTM3U\n").headers.get("cache-control")).toBe("no-store");
    expect(playlistResponse("#EXTM3U\n#EXT-X-ENDLIST\n").headers.get("cache-control")).toMatch(/max-age/);
    expect(playlistResponse("#EXTM3U\n").headers.get("content-type")).toBe("application/vnd.apple.mpegurl");
  });
});

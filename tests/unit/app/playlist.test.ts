import { describe, expect, it } from "vitest";
import { buildPlaylist, buildRemuxArgs, readySegments } from "../../../lib/film/playlist";

const key = (c: string) => c.repeat(64);

describe("readySegments", () => {
  const rows = [
    { position: 2, frames: 72, mixKey: key("c") },
    { position: 0, frames: 48, mixKey: key("a") },
    { position: 1, frames: 60, mixKey: key("b") },
  ];

  it("lists segments in film order with their start frames", () => {
    expect(readySegments(rows, () => true)).toEqual([
      { index: 0, mixKey: key("a"), startFrame: 0, frames: 48 },
      { index: 1, mixKey: key("b"), startFrame: 48, frames: 60 },
      { index: 2, mixKey: key("c"), startFrame: 108, frames: 72 },
    ]);
  });

  it("stops at the first segment that is not there yet, even if later ones are", () => {
    expect(readySegments(rows, (k) => k !== key("b")).map((s) => s.index)).toEqual([0]);
    expect(readySegments(rows, (k) => k !== key("a"))).toEqual([]);
  });

  it("treats a shot not planned yet (no mix key or frames) as missing", () => {
    expect(readySegments([{ position: 0, frames: null, mixKey: key("a") }], () => true)).toEqual([]);
    expect(readySegments([{ position: 0, frames: 24, mixKey: null }], () => true)).toEqual([]);
  });
});

describe("buildPlaylist", () => {
  const segments = [{ frames: 48 }, { frames: 60 }];

  it("lists the segments so far as a growing (EVENT) playlist without an end", () => {
    const text = buildPlaylist({ segments, fps: 24, complete: false, segmentUrl: (i) => `segments/${i}.ts` });
    expect(text).toBe(
      [
        "#EXTM3U",
        "#EXT-X-VERSION:3",
        "#EXT-X-TARGETDURATION:3",
        "#EXT-X-MEDIA-SEQUENCE:0",
        "#EXT-X-PLAYLIST-TYPE:EVENT",
        "#EXT-X-INDEPENDENT-SEGMENTS",
        "#EXTINF:2.000000,",
        "segments/0.ts",
        "#EXTINF:2.500000,",
        "segments/1.ts",
        "",
      ].join("\n"),
    );
  });

  it("ends with #EXT-X-ENDLIST once the cut is complete", () => {
    const text = buildPlaylist({ segments, fps: 24, complete: true, segmentUrl: (i) => `/s/${i}.ts` });
    expect(text).toContain("#EXT-X-PLAYLIST-TYPE:VOD");
    expect(text.trimEnd().endsWith("#EXT-X-ENDLIST")).toBe(true);
  });

  it("is a valid empty playlist before any shot is done", () => {
    const text = buildPlaylist({ segments: [], fps: 24, complete: false, segmentUrl: String });
    expect(text).toContain("#EXT-X-TARGETDURATION:1");
    expect(text).not.toContain("#EXTINF");
  });
});

describe("buildRemuxArgs", () => {
  it("stream-copies to MPEG-TS at the shot's start time, never re-encoding", () => {
    const args = buildRemuxArgs({ source: "in.mp4", output: "out.ts", offsetSec: 4.5 });
    expect(args).toContain("copy");
    expect(args.join(" ")).toContain("-bsf:v h264_mp4toannexb");
    expect(args.join(" ")).toContain("-output_ts_offset 4.500000");
    expect(args.join(" ")).toContain("-f mpegts");
    expect(args).not.toContain("libx264");
    expect(args.at(-1)).toBe("out.ts");
  });
});

describe("parsePlaylist (the page's side)", () => {
  it("reads segment addresses against the playlist's and their durations, and the end", async () => {
    const { parsePlaylist, fragmentedUrl } = await import("../../../app/_lib/parse-playlist");
    const text = buildPlaylist({ segments: [{ frames: 48 }, { frames: 60 }], fps: 24, complete: true, segmentUrl: (i) => `segments/${i}.ts` });
    const read = parsePlaylist(text, "/api/cuts/c1/playlist.m3u8");
    expect(read).toEqual({
      segments: [
        { url: "/api/cuts/c1/segments/0.ts", duration: 2 },
        { url: "/api/cuts/c1/segments/1.ts", duration: 2.5 },
      ],
      ended: true,
    });
    expect(parsePlaylist(buildPlaylist({ segments: [], fps: 24, complete: false, segmentUrl: String }), "/p.m3u8")).toEqual({ segments: [], ended: false });
    expect(fragmentedUrl("/api/s/tok/segments/3.ts")).toBe("/api/s/tok/segments/3.mp4");
  });
});

describe("buildRemuxArgs for Media Source", () => {
  it("makes fragmented MP4 by stream copy", () => {
    const args = buildRemuxArgs({ source: "in.mp4", output: "out.mp4", offsetSec: 3, format: "mp4" }).join(" ");
    expect(args).toContain("-c copy");
    expect(args).toContain("frag_keyframe+empty_moov+default_base_moof");
    expect(args).not.toContain("output_ts_offset");
  });
});

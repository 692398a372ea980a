import { describe, expect, it } from "vitest";
import { h264LevelFor, rawVideoInputArgs, VIDEO_SIZES, videoEncodeArgs, videoFormatFilter, x264SpeedParams } from "../../../lib/media/video-format";

describe("videoEncodeArgs", () => {
  it("fixes everything that changes bytes or breaks stream-copy joins", () => {
    const args = videoEncodeArgs({ preset: "ultrafast" });
    const value = (flag: string) => args[args.indexOf(flag) + 1];
    expect(value("-c:v")).toBe("libx264");
    expect(value("-preset")).toBe("ultrafast");
    expect(value("-pix_fmt")).toBe("yuv420p");
    expect(value("-profile:v")).toBe("high");
    expect(value("-level:v")).toBe("4.0");
    expect(value("-r")).toBe("24");
    expect(value("-threads")).toBe("2");
    expect(value("-g")).toBe("48");
    expect(value("-fflags")).toBe("+bitexact");
    expect(value("-flags:v")).toBe("+bitexact");
    expect(value("-map_metadata")).toBe("-1");
    expect(args).toContain("-an");
  });

  it("takes the preset from the environment by default", () => {
    expect(videoEncodeArgs()).toContain("-preset");
    expect(videoFormatFilter()).toContain("format=yuv420p");
    expect(rawVideoInputArgs()).toEqual(["-f", "rawvideo", "-pix_fmt", "rgba", "-s", "1280x720", "-r", "24", "-i", "pipe:0"]);
  });
});

describe("x264 speed settings", () => {
  const params = (preset: string) => {
    const args = videoEncodeArgs({ preset });
    return args[args.indexOf("-x264-params") + 1]!.split(":");
  };

  it("drops sub-macroblock partitions and fine sub-pixel search for the fast presets only", () => {
    for (const preset of ["veryfast", "superfast"]) expect(params(preset)).toEqual(expect.arrayContaining(["partitions=none", "subme=1", "threads=2", "open-gop=0"]));
    // a person who asks for a slower preset asks for quality: x264 keeps its own choices
    for (const preset of ["ultrafast", "faster", "medium"]) expect(params(preset).some((p) => p.startsWith("partitions") || p.startsWith("subme"))).toBe(false);
    expect(x264SpeedParams("veryfast")).toEqual(["partitions=none", "subme=1", "me=dia", "b-adapt=0"]);
  });
});

describe("frame sizes", () => {
  it("keeps 720p the film format and picks the H.264 level that holds each size", () => {
    expect(VIDEO_SIZES["720p"]).toEqual({ width: 1280, height: 720 });
    expect(h264LevelFor(VIDEO_SIZES["720p"])).toBe("4.0");
    expect(h264LevelFor(VIDEO_SIZES["1080p"])).toBe("4.0");
    expect(h264LevelFor(VIDEO_SIZES["4k"])).toBe("5.1");
    const args = videoEncodeArgs({ preset: "veryfast", size: VIDEO_SIZES["4k"] });
    expect(args[args.indexOf("-level:v") + 1]).toBe("5.1");
    expect(rawVideoInputArgs(VIDEO_SIZES["1080p"])).toContain("1920x1080");
    expect(videoFormatFilter(VIDEO_SIZES["1080p"])).toMatch(/^scale=1920:1080:/);
  });
});

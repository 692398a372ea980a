import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ffmpegPath } from "../../../lib/media/ffmpeg";
import { probe } from "../../../lib/media/probe";
import { posterImage } from "../../../lib/render/render-poster";
import { renderShot } from "../../../lib/render/render-shot";
import { line, makeShotSpec } from "./make-shot-spec";

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "auteur-render-"));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Decode one frame of a video to raw RGB (ffmpeg), for looking at pixels. */
function frameRgb(file: string, frame: number): Buffer {
  return execFileSync(ffmpegPath(), ["-v", "error", "-i", file, "-vf", `select=eq(n\\,${frame})`, "-frames:v", "1", "-f", "rawvideo", "-pix_fmt", "rgb24", "pipe:1"], { maxBuffer: 64 << 20 });
}

describe("renderShot", () => {
  const spec = makeShotSpec({
    seconds: 2,
    camera: { move: "handheld", lens: 35 },
    lines: [line("l1", "elara", "We ride at dawn.", 0.2, 1.6, "angry")],
    captions: true,
    transitionIn: "fade-from-black",
    transitionOut: "fade-to-black",
    look: { ...makeShotSpec().look, grain: 0.4 },
  });

  it("writes H.264 1280x720 yuv420p at 24 fps with exactly spec.frames frames", async () => {
    const out = path.join(dir, "a.mp4");
    const result = await renderShot(spec, out);
    expect(result.frames).toBe(spec.frames);
    const info = await probe(out, { countFrames: true });
    const v = info.streams.filter((s) => s.codec_type === "video");
    expect(v).toHaveLength(1);
    expect(info.streams.some((s) => s.codec_type === "audio")).toBe(false);
    expect(v[0]!.codec_name).toBe("h264");
    expect(v[0]!.width).toBe(1280);
    expect(v[0]!.height).toBe(720);
    expect(v[0]!.pix_fmt).toBe("yuv420p");
    expect(v[0]!.r_frame_rate).toBe("24/1");
    expect(Number((v[0] as { nb_read_frames?: string }).nb_read_frames)).toBe(spec.frames);
  });

  it("gives byte-identical files for the same spec", async () => {
    const a = path.join(dir, "a.mp4");
    const b = path.join(dir, "b.mp4");
    if (!fs.existsSync(a)) await renderShot(spec, a);
    await renderShot(spec, b);
    expect(fs.readFileSync(b).equals(fs.readFileSync(a))).toBe(true);
  });

  it("writes the poster from the drawn frames, byte for byte what renderPoster makes", async () => {
    const out = path.join(dir, "with-poster.mp4");
    const posterFile = path.join(dir, "poster.jpg");
    await renderShot(spec, out, { posterFile });
    expect(fs.readFileSync(posterFile).equals(posterImage(spec))).toBe(true);
    // the video is the same as without the poster
    const a = path.join(dir, "a.mp4");
    if (!fs.existsSync(a)) await renderShot(spec, a);
    expect(fs.readFileSync(out).equals(fs.readFileSync(a))).toBe(true);
  });

  it("fades from black and to black", async () => {
    const a = path.join(dir, "a.mp4");
    if (!fs.existsSync(a)) await renderShot(spec, a);
    const mean = (buf: Buffer) => buf.reduce((s, v) => s + v, 0) / buf.length;
    expect(mean(frameRgb(a, 0))).toBeLessThan(20);
    expect(mean(frameRgb(a, spec.frames - 1))).toBeLessThan(20);
    expect(mean(frameRgb(a, Math.floor(spec.frames / 2)))).toBeGreaterThan(30);
  });

  it("renders a clearly marked placeholder card for the same number of frames", async () => {
    const out = path.join(dir, "placeholder.mp4");
    const p = makeShotSpec({ seconds: 1.5, index: 6, placeholder: { reason: "The video provider timed out." } });
    await renderShot(p, out);
    const info = await probe(out, { countFrames: true });
    expect(Number((info.streams[0] as { nb_read_frames?: string }).nb_read_frames)).toBe(p.frames);
    // the hazard stripes: yellow pixels along the top edge
    const rgb = frameRgb(out, 3);
    let yellow = 0;
    for (let x = 0; x < 1280; x++) {
      const i = (10 * 1280 + x) * 3;
      if (rgb[i]! > 170 && rgb[i + 1]! > 120 && rgb[i + 2]! < 80) yellow++;
    }
    expect(yellow).toBeGreaterThan(300);
  });

  it("renders 1080p as an option, and says which sizes it makes for any other", async () => {
    const out = path.join(dir, "hd.mp4");
    await renderShot(makeShotSpec({ seconds: 0.5, width: 1920, height: 1080 }), out);
    const v = (await probe(out, { countFrames: true })).streams[0]!;
    expect([v.width, v.height, v.pix_fmt]).toEqual([1920, 1080, "yuv420p"]);
    expect(Number((v as { nb_read_frames?: string }).nb_read_frames)).toBe(12);
    await expect(renderShot(makeShotSpec({ seconds: 0.5, width: 640, height: 480 }), path.join(dir, "odd.mp4"))).rejects.toThrow(/makes 1280x720, 1920x1080, 3840x2160 at 24 fps, not 640x480/);
  });

  it("stops when cancelled", async () => {
    const ctrl = new AbortController();
    const long = makeShotSpec({ seconds: 20 });
    const p = renderShot(long, path.join(dir, "cancel.mp4"), { signal: ctrl.signal });
    setTimeout(() => ctrl.abort(), 300);
    await expect(p).rejects.toThrow(/cancel/i);
  });
});

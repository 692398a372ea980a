import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { probe } from "../../../lib/media/probe";
import { runFfmpeg } from "../../../lib/media/ffmpeg";
import { conformClip, extractFrame, PROVIDER_AUDIO_FILE } from "../../../lib/providers/conform";
import { readWav } from "../../../lib/sound/wav";
import { makeClip } from "./make-clip";

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "auteur-conform-"));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function videoOf(file: string) {
  const info = await probe(file, { countFrames: true });
  const v = info.streams.find((s) => s.codec_type === "video")!;
  return { info, v, frames: Number((v as { nb_read_frames?: string }).nb_read_frames), audio: info.streams.some((s) => s.codec_type === "audio") };
}

describe("conformClip", () => {
  it("holds the last frame of a short, small, 30 fps clip with sound and keeps its sound as a wav", async () => {
    const input = await makeClip(path.join(dir, "short.mp4"), { width: 640, height: 360, fps: 30, seconds: 1, audio: true });
    const out = path.join(dir, "a", "video.mp4");
    await fs.mkdir(path.dirname(out));
    const result = await conformClip(input, { frames: 48 }, out);
    const { v, frames, audio } = await videoOf(out);
    expect([v.codec_name, v.width, v.height, v.r_frame_rate, v.pix_fmt]).toEqual(["h264", 1280, 720, "24/1", "yuv420p"]);
    expect(frames).toBe(48);
    expect(audio).toBe(false);
    expect(result.heldFrames).toBe(24);
    expect(result.source).toMatchObject({ width: 640, height: 360, fps: 30, hasAudio: true });
    expect(result.audioFile).toBe(path.join(dir, "a", PROVIDER_AUDIO_FILE));
    const wav = await readWav(result.audioFile!);
    expect(wav.sampleRate).toBe(48_000);
    expect(wav.channels.length).toBe(2);
    // Exactly the shot's length: the second of tone, then silence.
    expect(wav.channels[0]!.length).toBe(96_000);
    const peak = (a: Float32Array, from: number, to: number) => a.subarray(from, to).reduce((m, x) => Math.max(m, Math.abs(x)), 0);
    expect(peak(wav.channels[0]!, 10_000, 40_000)).toBeGreaterThan(0.05);
    expect(peak(wav.channels[0]!, 60_000, 96_000)).toBe(0);
  });

  it("trims a long, wide, 25 fps silent clip to the shot and fills the frame", async () => {
    const input = await makeClip(path.join(dir, "long.mp4"), { width: 1920, height: 1080, fps: 25, seconds: 3, source: "color=c=red" });
    const out = path.join(dir, "long-out.mp4");
    const result = await conformClip(input, { frames: 30 }, out);
    const { v, frames, audio } = await videoOf(out);
    expect([v.width, v.height, v.r_frame_rate]).toEqual([1280, 720, "24/1"]);
    expect(frames).toBe(30);
    expect(audio).toBe(false);
    expect(result.heldFrames).toBe(0);
    expect(result.audioFile).toBeUndefined();
    await expect(fs.stat(path.join(dir, PROVIDER_AUDIO_FILE))).rejects.toThrow();
  });

  it("letterboxes a vertical clip instead of cropping it away, and reads webm", async () => {
    const input = await makeClip(path.join(dir, "tall.webm"), { width: 360, height: 640, fps: 24, seconds: 1, source: "color=c=white", format: "webm" }).catch(async () => {
      // This ffmpeg build may lack a webm video encoder: fall back to mp4.
      return makeClip(path.join(dir, "tall.mp4"), { width: 360, height: 640, fps: 24, seconds: 1, source: "color=c=white" });
    });
    const out = path.join(dir, "tall-out.mp4");
    await conformClip(input, { frames: 24 }, out);
    const png = path.join(dir, "tall.png");
    await extractFrame(out, 12, png);
    const { loadImage, createCanvas } = await import("@napi-rs/canvas");
    const img = await loadImage(await fs.readFile(png));
    expect([img.width, img.height]).toEqual([1280, 720]);
    const ctx = createCanvas(1280, 720).getContext("2d");
    ctx.drawImage(img, 0, 0);
    const at = (x: number, y: number) => ctx.getImageData(x, y, 1, 1).data[0]!;
    expect(at(20, 360)).toBeLessThan(40); // black bar at the side
    expect(at(640, 360)).toBeGreaterThan(200); // the white picture in the middle
  });

  it("refuses what is not video, with a clear message", async () => {
    const text = path.join(dir, "oops.mp4");
    await fs.writeFile(text, "<html>rate limited</html>");
    await expect(conformClip(text, { frames: 24, shotId: "s1" }, path.join(dir, "x.mp4"))).rejects.toThrow(/clip for shot s1 is not a video/);
    const png = path.join(dir, "still.png");
    await runFfmpeg(["-loglevel", "error", "-f", "lavfi", "-i", "color=c=blue:s=64x64:d=1", "-frames:v", "1", png]);
    await expect(conformClip(png, { frames: 24 }, path.join(dir, "y.mp4"))).rejects.toThrow(/not a video \(a still png image\)/);
    const wav = path.join(dir, "sound.wav");
    await runFfmpeg(["-loglevel", "error", "-f", "lavfi", "-i", "sine=d=0.5", wav]);
    await expect(conformClip(wav, { frames: 24 }, path.join(dir, "z.mp4"))).rejects.toThrow(/not a video \(no picture/);
  });

  it("gives the same bytes for the same clip", async () => {
    const input = await makeClip(path.join(dir, "same.mp4"), { width: 320, height: 240, fps: 15, seconds: 1 });
    await conformClip(input, { frames: 20 }, path.join(dir, "same-1.mp4"));
    await conformClip(input, { frames: 20 }, path.join(dir, "same-2.mp4"));
    const [a, b] = await Promise.all([fs.readFile(path.join(dir, "same-1.mp4")), fs.readFile(path.join(dir, "same-2.mp4"))]);
    expect(a.equals(b)).toBe(true);
  });
});

/**
 * Moving an MPEG-TS segment in time without ffmpeg: the result must be what ffmpeg's own
 * -output_ts_offset remux gives, byte for byte (every PTS, DTS and PCR moved, nothing else touched).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runFfmpeg } from "../../../lib/media/ffmpeg";
import { shiftMpegTs } from "../../../lib/media/mpegts-shift";
import { buildRemuxArgs } from "../../../lib/film/playlist";

const FPS = 24;
let dir: string;
let base: Uint8Array;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "auteur-tsshift-"));
  // A shot's segment as mix-shot makes it: H.264 with one B-frame at the film's timescale, plus AAC.
  await runFfmpeg([
    "-f", "lavfi", "-i", `testsrc=s=160x90:r=${FPS}:d=3`,
    "-f", "lavfi", "-i", "sine=f=440:sample_rate=48000:d=3",
    "-c:v", "libx264", "-preset", "ultrafast", "-bf", "1", "-g", "48", "-pix_fmt", "yuv420p", "-video_track_timescale", "12288",
    "-c:a", "aac", "-fflags", "+bitexact", "-flags:v", "+bitexact", "-flags:a", "+bitexact",
    path.join(dir, "segment.mp4"),
  ]);
  await runFfmpeg(buildRemuxArgs({ source: path.join(dir, "segment.mp4"), output: path.join(dir, "base.ts"), offsetSec: 0 }));
  base = readFileSync(path.join(dir, "base.ts"));
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("shiftMpegTs", () => {
  it("gives ffmpeg's bytes for a segment remuxed at a later start", async () => {
    for (const startFrame of [1, 301, 28_800]) {
      const out = path.join(dir, `at-${startFrame}.ts`);
      await runFfmpeg(buildRemuxArgs({ source: path.join(dir, "segment.mp4"), output: out, offsetSec: startFrame / FPS }));
      // Remuxed from zero, ffmpeg moved the whole stream later by the B-frame delay (one frame) to
      // keep the first decoding time at zero; at a later start it had no need to.
      const shifted = shiftMpegTs(base, (startFrame - 1) * 3750);
      expect(Buffer.compare(Buffer.from(shifted), readFileSync(out)), `start frame ${startFrame}`).toBe(0);
    }
  });

  it("keeps every decoded picture and sound frame, ten seconds later", async () => {
    const file = path.join(dir, "shifted.ts");
    writeFileSync(file, shiftMpegTs(base, 240 * 3750));
    // Decoded frames with their times (the bundled ffprobe crashes on MPEG-TS; ffmpeg reads it), and
    // each stream's time base ("#tb 0: 1/90000").
    const frames = async (f: string) => {
      const lines = (await runFfmpeg(["-loglevel", "error", "-copyts", "-i", f, "-map", "0", "-f", "framemd5", "-"])).split("\n");
      const timeBase = new Map(lines.flatMap((l) => [...l.matchAll(/^#tb (\d+): (\d+)\/(\d+)/g)].map((m) => [m[1]!, Number(m[2]) / Number(m[3])] as const)));
      return lines.filter((l) => l && !l.startsWith("#")).map((l) => {
        const f = l.split(",").map((x) => x.trim());
        return { stream: f[0]!, seconds: Number(f[2]) * timeBase.get(f[0]!)!, size: f[4], hash: f[5] };
      });
    };
    const [before, after] = await Promise.all([frames(path.join(dir, "base.ts")), frames(file)]);
    expect(before.length).toBeGreaterThan(100);
    expect(new Set(before.map((f) => f.stream)).size).toBe(2);
    expect(after.map((f) => [f.stream, f.size, f.hash])).toEqual(before.map((f) => [f.stream, f.size, f.hash]));
    for (let i = 0; i < before.length; i++) expect(after[i]!.seconds - before[i]!.seconds).toBeCloseTo(10, 6);
  });

  it("refuses what is not whole MPEG-TS packets, and a fractional offset", () => {
    expect(() => shiftMpegTs(base.subarray(0, 100), 0)).toThrow(/188-byte packets/);
    expect(() => shiftMpegTs(new Uint8Array(188), 0)).toThrow(/sync byte/);
    expect(() => shiftMpegTs(base, 0.5)).toThrow(/whole number/);
  });
});

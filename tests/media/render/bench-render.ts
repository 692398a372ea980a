/**
 * Speed of the animatic renderer on a 10-second shot with two characters (not a test; run by hand):
 *  1. drawing alone: prepare + draw + read pixels, frames thrown away;
 *  2. encoding alone: ffmpeg encodes the same frames from a raw file (no drawing);
 *  3. both together: renderShot, frames streamed into ffmpeg.
 * Run: npx tsx tests/media/render/bench-render.ts [move] [preset] [grain 0..1]
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { runFfmpeg } from "../../../lib/media/ffmpeg";
import { videoEncodeArgs, videoFormatFilter } from "../../../lib/media/video-format";
import type { CameraMove } from "../../../lib/screenplay/schema";
import { makeCanvas } from "../../../lib/render/canvas-util";
import { drawFrame } from "../../../lib/render/draw-frame";
import { prepareShot } from "../../../lib/render/prepare-shot";
import { releaseFrameMemory } from "../../../lib/render/release-frame-memory";
import { renderShot } from "../../../lib/render/render-shot";
import { line, makeShotSpec } from "./make-shot-spec";

const move = (process.argv[2] ?? "static") as CameraMove;
const preset = process.argv[3] ?? "veryfast";
const grain = Number(process.argv[4] ?? 0);
const spec = makeShotSpec({
  seconds: 10,
  framing: "medium",
  camera: { move, lens: 35 },
  lines: [line("l1", "elara", "We ride at dawn, or we don't ride at all.", 0.5, 4, "angry"), line("l2", "brann", "Then we don't ride.", 5, 8, "cold")],
  captions: true,
  look: { ...makeShotSpec().look, grain, vignette: 0.4 },
});
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "auteur-bench-"));
const cpuMs = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1000;
const ffCpuMs = (log: string) => {
  const m = /utime=([\d.]+)s stime=([\d.]+)s/.exec(log);
  return m ? (Number(m[1]) + Number(m[2])) * 1000 : NaN;
};
const n = spec.frames;
const fps = (ms: number) => ((n / ms) * 1000).toFixed(1);

// 1. drawing alone (the raw file is written outside the timed part, for step 2)
const raw = path.join(dir, "frames.rgba");
const fd = fs.openSync(raw, "w");
let drawWall = 0;
let drawCpu = 0;
let t = performance.now();
let cpu = process.cpuUsage();
const shot = prepareShot(spec);
const { canvas, ctx } = makeCanvas(spec.width, spec.height);
drawWall += performance.now() - t;
drawCpu += cpuMs(process.cpuUsage(cpu));
for (let i = 0; i < n; i++) {
  t = performance.now();
  cpu = process.cpuUsage();
  drawFrame(ctx, shot, i);
  const px = canvas.data();
  drawWall += performance.now() - t;
  drawCpu += cpuMs(process.cpuUsage(cpu));
  fs.writeSync(fd, px);
  releaseFrameMemory();
  await new Promise<void>((resolve) => setImmediate(resolve));
}
fs.closeSync(fd);

// 2. encoding alone, from the raw frames
t = performance.now();
const log = await runFfmpeg(["-benchmark", "-f", "rawvideo", "-pix_fmt", "rgba", "-s", "1280x720", "-r", "24", "-i", raw, "-vf", videoFormatFilter(), ...videoEncodeArgs({ preset }), path.join(dir, "enc.mp4")]);
const encWall = performance.now() - t;
const encCpu = ffCpuMs(log);
fs.rmSync(raw);

// 3. both together
t = performance.now();
cpu = process.cpuUsage();
await renderShot(spec, path.join(dir, "both.mp4"), { preset });
const bothWall = performance.now() - t;
const bothNodeCpu = cpuMs(process.cpuUsage(cpu));

console.log(`move=${move} preset=${preset} grain=${grain} frames=${n} load(1 min)=${os.loadavg()[0]!.toFixed(1)} cores=${os.cpus().length}`);
console.log(`draw only:   ${fps(drawWall)} fps wall, CPU ${(drawCpu / n).toFixed(1)} ms/frame (prepare included)`);
console.log(`encode only: ${fps(encWall)} fps wall, ffmpeg CPU ${(encCpu / n).toFixed(1)} ms/frame`);
console.log(`both:        ${fps(bothWall)} fps wall = ${((n / 24) / (bothWall / 1000)).toFixed(2)} s of film per second; Node CPU ${(bothNodeCpu / n).toFixed(1)} ms/frame`);
console.log(`drawing adds ${(((bothWall - encWall) / encWall) * 100).toFixed(0)}% wall time over encode-only; Node CPU is ${((bothNodeCpu / encCpu) * 100).toFixed(0)}% of ffmpeg's encode CPU`);
fs.rmSync(dir, { recursive: true, force: true });

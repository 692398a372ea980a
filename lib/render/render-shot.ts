/**
 * render-shot with the built-in animatic renderer: one ShotSpec -> a video-only H.264 mp4 of exactly
 * spec.frames frames at FILM_FORMAT. Frames are drawn one at a time and streamed into ffmpeg (never a
 * whole shot in memory); the same spec gives the same bytes.
 */
import fs from "node:fs/promises";
import { AuteurError } from "../errors";
import { startFfmpeg, writeChunk, type FfmpegChild } from "../media/ffmpeg";
import type { ShotSpec } from "../plan/specs";
import { makeCanvas } from "./canvas-util";
import { drawFrame } from "./draw-frame";
import { drawPlaceholderCard } from "./placeholder";
import { prepareShot } from "./prepare-shot";
import { releaseFrameMemory } from "./release-frame-memory";
import { renderShotArgs } from "./render-shot-args";
import { assertRenderable } from "./assert-renderable";

export { renderPoster } from "./render-poster";
import { encodePoster } from "./render-poster";

export interface RenderShotResult {
  frames: number;
  /** Milliseconds spent drawing and reading pixels (Node's share of the work). */
  drawMs: number;
  totalMs: number;
}

export interface RenderShotOptions {
  signal?: AbortSignal;
  preset?: string;
  /**
   * Also write the shot's poster (its middle frame as JPEG, the same bytes as renderPoster) to this
   * file, from the frame drawn for the video: saves preparing and drawing the shot a second time.
   */
  posterFile?: string;
}

export async function renderShot(spec: ShotSpec, outFile: string, options: RenderShotOptions = {}): Promise<RenderShotResult> {
  assertRenderable(spec);
  const started = performance.now();
  options.signal?.throwIfAborted();
  const ff = startFfmpeg(renderShotArgs(spec, outFile, { preset: options.preset }), { signal: options.signal, stdin: true });
  // If ffmpeg dies early, stop drawing at once.
  let failed: unknown;
  ff.done.catch((e) => {
    failed = e;
  });
  let drawMs = 0;
  let poster: Buffer | undefined;
  const stopped = () => failed !== undefined || options.signal?.aborted === true;
  try {
    ({ drawMs, poster } = await streamFrames(spec, ff.child, stopped, options.posterFile !== undefined));
  } catch (e) {
    ff.child.kill("SIGKILL");
    await ff.done.catch(() => undefined);
    if (options.signal?.aborted) throw cancelled(spec);
    throw e;
  } finally {
    ff.child.stdin?.end();
  }
  if (options.signal?.aborted) {
    await ff.done.catch(() => undefined);
    throw cancelled(spec);
  }
  await ff.done;
  if (options.posterFile && poster) await fs.writeFile(options.posterFile, poster);
  return { frames: spec.frames, drawMs: Math.round(drawMs), totalMs: Math.round(performance.now() - started) };
}

/** Draw every frame of the shot (or its placeholder card) into ffmpeg's stdin; returns the drawing time and the poster. */
async function streamFrames(spec: ShotSpec, child: FfmpegChild, stopped: () => boolean, wantPoster: boolean): Promise<{ drawMs: number; poster?: Buffer }> {
  let drawMs = 0;
  let poster: Buffer | undefined;
  if (spec.placeholder) {
    const t = performance.now();
    const card = drawPlaceholderCard(spec, spec.placeholder.reason);
    const pixels = card.data();
    if (wantPoster) poster = encodePoster(card);
    drawMs += performance.now() - t;
    for (let i = 0; i < spec.frames && !stopped(); i++) await writeChunk(child, pixels);
    return { drawMs, poster };
  }
  const posterFrame = Math.floor(spec.frames / 2);
  let t = performance.now();
  const shot = prepareShot(spec);
  const { canvas, ctx } = makeCanvas(spec.width, spec.height);
  drawMs += performance.now() - t;
  for (let i = 0; i < spec.frames && !stopped(); i++) {
    t = performance.now();
    drawFrame(ctx, shot, i);
    const pixels = canvas.data();
    if (wantPoster && i === posterFrame) poster = encodePoster(canvas);
    drawMs += performance.now() - t;
    await writeChunk(child, pixels);
    releaseFrameMemory();
    // Let the event loop turn once per frame: V8 frees the released buffers on its own tasks.
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return { drawMs, poster };
}

function cancelled(spec: ShotSpec): AuteurError {
  return new AuteurError("render_failed", `Rendering shot ${spec.shotId} was cancelled.`);
}

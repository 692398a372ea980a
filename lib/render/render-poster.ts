/** A still of the middle frame of a shot, as PNG (for the storyboard). */
import fs from "node:fs/promises";
import type { ShotSpec } from "../plan/specs";
import { makeCanvas } from "./canvas-util";
import { drawFrame } from "./draw-frame";
import { drawPlaceholderCard } from "./placeholder";
import { prepareShot } from "./prepare-shot";
import { assertRenderable } from "./assert-renderable";

/** Draw one frame of a shot into PNG bytes (the middle frame unless told otherwise). */
export function posterPng(spec: ShotSpec, frame = Math.floor(spec.frames / 2)): Buffer {
  assertRenderable(spec);
  if (spec.placeholder) return drawPlaceholderCard(spec, spec.placeholder.reason).encodeSync("png");
  const shot = prepareShot(spec);
  const { canvas, ctx } = makeCanvas(spec.width, spec.height);
  drawFrame(ctx, shot, Math.min(spec.frames - 1, Math.max(0, frame)));
  return canvas.encodeSync("png");
}

export async function renderPoster(spec: ShotSpec, outFile: string): Promise<void> {
  await fs.writeFile(outFile, posterPng(spec));
}

/** Draw single frames of a spec in memory and look at their pixels (no encoding). */
import { makeCanvas } from "../../../lib/render/canvas-util";
import { drawFrame } from "../../../lib/render/draw-frame";
import { prepareShot } from "../../../lib/render/prepare-shot";
import type { ShotSpec } from "../../../lib/plan/specs";

export interface Pixels {
  width: number;
  height: number;
  data: Uint8ClampedArray;
}

export function drawPixels(spec: ShotSpec, frame = Math.floor(spec.frames / 2)): Pixels {
  const shot = prepareShot(spec);
  const { ctx } = makeCanvas(spec.width, spec.height);
  drawFrame(ctx, shot, frame);
  return { width: spec.width, height: spec.height, data: ctx.getImageData(0, 0, spec.width, spec.height).data };
}

export interface Region {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export function meanLuma(p: Pixels, r: Region = { x0: 0, y0: 0, x1: p.width, y1: p.height }): number {
  let sum = 0;
  let n = 0;
  for (let y = Math.max(0, Math.floor(r.y0)); y < Math.min(p.height, r.y1); y++) {
    for (let x = Math.max(0, Math.floor(r.x0)); x < Math.min(p.width, r.x1); x++) {
      const i = (y * p.width + x) * 4;
      sum += 0.2126 * p.data[i]! + 0.7152 * p.data[i + 1]! + 0.0722 * p.data[i + 2]!;
      n++;
    }
  }
  return n ? sum / n : 0;
}

/** Largest difference between the colour channels of any pixel (0 for a grey picture). */
export function maxChroma(p: Pixels): number {
  let max = 0;
  for (let i = 0; i < p.data.length; i += 4) {
    const r = p.data[i]!;
    const g = p.data[i + 1]!;
    const b = p.data[i + 2]!;
    const c = Math.max(r, g, b) - Math.min(r, g, b);
    if (c > max) max = c;
  }
  return max;
}

/** A coarse colour histogram (4 levels per channel, 64 bins), normalised to sum 1. */
export function histogram(p: Pixels, r: Region): number[] {
  const bins = new Array<number>(64).fill(0);
  let n = 0;
  for (let y = Math.max(0, Math.floor(r.y0)); y < Math.min(p.height, r.y1); y++) {
    for (let x = Math.max(0, Math.floor(r.x0)); x < Math.min(p.width, r.x1); x++) {
      const i = (y * p.width + x) * 4;
      bins[(p.data[i]! >> 6) * 16 + (p.data[i + 1]! >> 6) * 4 + (p.data[i + 2]! >> 6)]!++;
      n++;
    }
  }
  return bins.map((b) => b / Math.max(1, n));
}

/** Share of a region's pixels within `tolerance` of a colour. */
export function shareNear(p: Pixels, r: Region, rgb: readonly [number, number, number], tolerance: number): number {
  let hit = 0;
  let n = 0;
  for (let y = Math.max(0, Math.floor(r.y0)); y < Math.min(p.height, r.y1); y++) {
    for (let x = Math.max(0, Math.floor(r.x0)); x < Math.min(p.width, r.x1); x++) {
      const i = (y * p.width + x) * 4;
      const d = Math.abs(p.data[i]! - rgb[0]) + Math.abs(p.data[i + 1]! - rgb[1]) + Math.abs(p.data[i + 2]! - rgb[2]);
      if (d <= tolerance) hit++;
      n++;
    }
  }
  return n ? hit / n : 0;
}

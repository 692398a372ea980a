/** Offscreen canvases: make one, crop one to what was drawn on it. */
import { createCanvas, type Canvas } from "@napi-rs/canvas";
import type { Ctx } from "./places/place-context";

export function makeCanvas(width: number, height: number): { canvas: Canvas; ctx: Ctx } {
  const canvas = createCanvas(Math.max(1, Math.ceil(width)), Math.max(1, Math.ceil(height)));
  return { canvas, ctx: canvas.getContext("2d") };
}

/**
 * Crop a canvas to the box of its non-transparent pixels (one pass over the alpha channel, once per
 * shot). Returns null when nothing was drawn. `ox, oy` is where the crop's top-left was.
 */
export function cropToContent(canvas: Canvas): { canvas: Canvas; x: number; y: number } | null {
  const w = canvas.width;
  const h = canvas.height;
  const data = canvas.getContext("2d").getImageData(0, 0, w, h).data;
  let x0 = w;
  let y0 = h;
  let x1 = -1;
  let y1 = -1;
  for (let y = 0; y < h; y++) {
    const row = y * w * 4;
    let first = -1;
    for (let x = 0; x < w; x++) {
      if (data[row + x * 4 + 3] !== 0) {
        first = x;
        break;
      }
    }
    if (first < 0) continue;
    let last = first;
    for (let x = w - 1; x > first; x--) {
      if (data[row + x * 4 + 3] !== 0) {
        last = x;
        break;
      }
    }
    if (first < x0) x0 = first;
    if (last > x1) x1 = last;
    if (y < y0) y0 = y;
    y1 = y;
  }
  if (x1 < 0) return null;
  if (x0 === 0 && y0 === 0 && x1 === w - 1 && y1 === h - 1) return { canvas, x: 0, y: 0 };
  const { canvas: out, ctx } = makeCanvas(x1 - x0 + 1, y1 - y0 + 1);
  ctx.drawImage(canvas, -x0, -y0);
  return { canvas: out, x: x0, y: y0 };
}

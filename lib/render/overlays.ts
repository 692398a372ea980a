/**
 * Screen-space finishing, made once per shot and composed per frame: vignette and letterbox bars in one
 * overlay, film grain from a few pre-made noise tiles drawn at an offset, anamorphic flares, fades.
 */
import type { Canvas } from "@napi-rs/canvas";
import type { Look } from "../screenplay/schema";
import type { Grade } from "./grade";
import { letterboxBar } from "./letterbox";

export { letterboxBar };
import { makeCanvas } from "./canvas-util";
import type { Ctx, Light } from "./places/place-context";
import { makeRng, type Rng } from "./rng";

/** Vignette + letterbox in one picture (null when the look has neither). */
export function makeOverlay(look: Look, width: number, height: number): Canvas | null {
  const bar = letterboxBar(look.aspect, width, height);
  if (look.vignette <= 0.01 && bar === 0) return null;
  const { canvas, ctx } = makeCanvas(width, height);
  if (look.vignette > 0.01) {
    const r = Math.hypot(width, height) / 2;
    const g = ctx.createRadialGradient(width / 2, height / 2, r * 0.35, width / 2, height / 2, r);
    g.addColorStop(0, "rgba(0,0,0,0)");
    g.addColorStop(0.6, `rgba(0,0,0,${(0.35 * look.vignette).toFixed(3)})`);
    g.addColorStop(1, `rgba(0,0,0,${(0.85 * look.vignette).toFixed(3)})`);
    ctx.fillStyle = g;
    ctx.fillRect(0, 0, width, height);
  }
  if (bar > 0) {
    ctx.fillStyle = "#000000";
    ctx.fillRect(0, 0, width, bar);
    ctx.fillRect(0, height - bar, width, bar);
  }
  return canvas;
}

export interface Grain {
  tiles: Canvas[];
  alpha: number;
  rng: Rng;
}

const TILE = 256;

/** A few noise tiles: specks of white and black with random alpha (source-over, so cheap to draw). */
export function makeGrain(amount: number, seed: number): Grain | null {
  if (amount <= 0.01) return null;
  const rng = makeRng(seed ^ 0x9a1);
  const tiles: Canvas[] = [];
  for (let t = 0; t < 3; t++) {
    const { canvas, ctx } = makeCanvas(TILE, TILE);
    const img = ctx.createImageData(TILE, TILE);
    const d = img.data;
    // 2x2-pixel grains: closer to film grain at 720p, and far cheaper for x264 than per-pixel noise
    for (let y = 0; y < TILE; y += 2) {
      for (let x = 0; x < TILE; x += 2) {
        const v = rng.next() - 0.5;
        const a = Math.min(255, Math.round(Math.abs(v) * 2 * 255 * 0.5));
        const c = v > 0 ? 255 : 0;
        for (const i of [y * TILE + x, y * TILE + x + 1, (y + 1) * TILE + x, (y + 1) * TILE + x + 1]) {
          d[i * 4] = c;
          d[i * 4 + 1] = c;
          d[i * 4 + 2] = c;
          d[i * 4 + 3] = a;
        }
      }
    }
    ctx.putImageData(img, 0, 0);
    tiles.push(canvas);
  }
  return { tiles, alpha: Math.min(0.4, amount * 0.3), rng };
}

export function drawGrain(ctx: Ctx, grain: Grain, frame: number, width: number, height: number): void {
  // The grain changes every other frame (12 times a second): it still reads as film grain, and x264
  // codes the repeated frame almost for free (fresh noise on every frame is what makes grain expensive).
  const step = Math.floor(frame / 2);
  const r = makeRng((step * 2654435761) >>> 0);
  const tile = grain.tiles[step % grain.tiles.length]!;
  const ox = Math.floor(r.next() * TILE);
  const oy = Math.floor(r.next() * TILE);
  ctx.globalAlpha = grain.alpha;
  // whole-pixel blits of the tile (skia's fastest path), shifted by a random offset each frame
  for (let y = -oy; y < height; y += TILE) for (let x = -ox; x < width; x += TILE) ctx.drawImage(tile, x, y);
  ctx.globalAlpha = 1;
}

/** Horizontal anamorphic streaks through light sources (drawn into a layer once). */
export function drawFlares(ctx: Ctx, lights: Light[], width: number, grade: Grade): void {
  ctx.save();
  ctx.globalCompositeOperation = "lighter";
  const edge = grade.emit("#3c78ff", 0);
  const mid = grade.emit("#78aaff", 0.55);
  const core = grade.emit("#c8dcff", 0.35);
  for (const l of [...lights].sort((a, b) => b.size - a.size).slice(0, 4)) {
    const len = Math.min(width * 0.7, l.size * 6);
    const h = Math.max(2, l.size * 0.06);
    const g = ctx.createLinearGradient(l.x - len, 0, l.x + len, 0);
    g.addColorStop(0, edge);
    g.addColorStop(0.5, mid);
    g.addColorStop(1, edge);
    ctx.fillStyle = g;
    ctx.fillRect(l.x - len, l.y - h / 2, len * 2, h);
    ctx.fillStyle = core;
    ctx.fillRect(l.x - len * 0.3, l.y - h * 0.25, len * 0.6, h * 0.5);
  }
  ctx.restore();
}

/** Black over the picture for fades: alpha by frame for the shot's transitions. */
export function fadeAlpha(frame: number, frames: number, fps: number, transitionIn: string, transitionOut: string): number {
  let a = 0;
  if (transitionIn === "fade-from-black" || transitionIn === "dissolve") {
    const n = Math.max(1, Math.round((transitionIn === "dissolve" ? 0.4 : 0.5) * fps));
    if (frame < n) a = Math.max(a, 1 - frame / n);
  }
  if (transitionOut === "fade-to-black") {
    const n = Math.max(1, Math.round(0.7 * fps));
    const k = frames - 1 - frame;
    if (k < n) a = Math.max(a, 1 - k / n);
  }
  return Math.min(1, a);
}

/** How many grain patterns a shot's finish cycles through (two sets of three: consecutive steps never repeat). */
export const FINISH_PATTERNS = 6;

/**
 * The screen-space finish of a shot, made once: grain (drawn over transparency) with the vignette and
 * letterbox over it, as whole frames. Each frame then blends one picture instead of a dozen grain tiles
 * plus the overlay: one full-frame blend saved per frame. Source-over is associative, so
 * picture + (grain + overlay) is picture + grain + overlay. Empty when the look has neither.
 */
export function makeFinish(grain: Grain | null, overlay: Canvas | null, width: number, height: number): Canvas[] {
  if (!grain) return overlay ? [overlay] : [];
  const out: Canvas[] = [];
  for (let k = 0; k < FINISH_PATTERNS; k++) {
    const { canvas, ctx } = makeCanvas(width, height);
    drawGrain(ctx, grain, 2 * k, width, height);
    if (overlay) ctx.drawImage(overlay, 0, 0);
    out.push(canvas);
  }
  return out;
}

/**
 * Which finish picture a frame shows. The grain changes every other frame (12 times a second), picked
 * at random from one half of the set on even steps and from the other half on odd ones, so it never
 * holds still for more than two frames. Pure: depends on the frame only.
 */
export function finishIndex(frame: number, count: number): number {
  if (count <= 1) return 0;
  const step = Math.floor(frame / 2);
  const half = Math.floor(count / 2);
  const r = makeRng(((step + 1) * 2654435761) >>> 0).next();
  return (step % 2) * half + Math.floor(r * half);
}

/** Shared drawing pieces for places: skies, hills, buildings, trees, lamps, windows. */
import { mix, shade, tint, type Color, type RGB } from "../color";
import type { Ctx, PlaceContext } from "./place-context";
import type { Rng } from "../rng";
import type { TimeOfDay } from "../../screenplay/schema";
import { outdoorDarkness } from "../grade";

export const SKY: Record<TimeOfDay, { top: string; horizon: string; sun?: string }> = {
  dawn: { top: "#34406e", horizon: "#f0a27a", sun: "#ffd7a8" },
  morning: { top: "#5d94d6", horizon: "#cfe3f2", sun: "#fffbe8" },
  midday: { top: "#3f7fd0", horizon: "#b9d9f2", sun: "#ffffff" },
  afternoon: { top: "#4f86c9", horizon: "#e4d7b8", sun: "#fff3d0" },
  "golden-hour": { top: "#5a6fa8", horizon: "#ffb45a", sun: "#fff0b0" },
  dusk: { top: "#2a2850", horizon: "#e07a5f", sun: "#ffb070" },
  "blue-hour": { top: "#0f1c45", horizon: "#3d5f9a" },
  night: { top: "#05070f", horizon: "#17213a" },
};

export function skyColors(pc: Pick<PlaceContext, "place">): { top: RGB; horizon: RGB } {
  const s = SKY[pc.place.timeOfDay];
  // The sky outside: as dark as the time of day, also seen through an interior's window (whose grade is lighter).
  const dark = outdoorDarkness(pc.place.timeOfDay);
  let top: RGB = mix(s.top, s.top, 0);
  let horizon: RGB = mix(s.horizon, s.horizon, 0);
  const w = pc.place.weather;
  if (w === "cloudy" || w === "rain" || w === "snow" || w === "fog") {
    const grey = dark > 0.6 ? "#1a1d24" : "#9aa3ad";
    top = mix(top, grey, 0.65);
    horizon = mix(horizon, grey, 0.55);
  } else if (w === "storm") {
    top = mix(top, dark > 0.6 ? "#0b0d12" : "#3b4350", 0.8);
    horizon = mix(horizon, "#59606b", 0.7);
  } else if (w === "dust") {
    top = mix(top, "#c49a64", 0.5);
    horizon = mix(horizon, "#e0b27a", 0.7);
  }
  return { top, horizon };
}

/** The sky: gradient, sun or moon, stars at night, clouds by weather. Sky colours are emitted light. */
export function paintSky(ctx: Ctx, pc: PlaceContext, opts: { sunX?: number } = {}): void {
  const { top, horizon } = skyColors(pc);
  const g = ctx.createLinearGradient(0, pc.top, 0, pc.horizonY + 40);
  g.addColorStop(0, pc.grade.emit(top));
  g.addColorStop(1, pc.grade.emit(horizon));
  ctx.fillStyle = g;
  ctx.fillRect(pc.x0, pc.y0, pc.x1 - pc.x0, pc.y1 - pc.y0);
  const rng = pc.rng.fork("sky");
  const clear = pc.place.weather === "clear" || pc.place.weather === "wind" || pc.place.weather === "dust";
  if (pc.darkness > 0.6 && clear) {
    for (let i = 0; i < 260; i++) {
      const x = rng.range(pc.x0, pc.x1);
      const y = rng.range(pc.y0, pc.horizonY - 10);
      const r = rng.range(0.5, 1.6);
      ctx.fillStyle = pc.grade.emit("#ffffff", rng.range(0.3, 0.95) * Math.max(0.2, 1 - (y - pc.top) / (pc.horizonY - pc.top + 1)) );
      ctx.fillRect(x, y, r, r);
    }
  }
  const sunX = opts.sunX ?? pc.W * rng.range(0.2, 0.8);
  const s = SKY[pc.place.timeOfDay];
  if (clear) {
    if (pc.darkness > 0.6) {
      const mx = sunX;
      const my = pc.top + (pc.horizonY - pc.top) * 0.25;
      glow(ctx, mx, my, 70, pc.grade.emit("#c8d4ff", 0.25));
      ctx.fillStyle = pc.grade.emit("#e8ecf5");
      ctx.beginPath();
      ctx.arc(mx, my, 16, 0, Math.PI * 2);
      ctx.fill();
      pc.lights.push({ x: mx, y: my, color: pc.grade.emit("#c8d4ff"), size: 60 });
    } else if (s.sun) {
      const low = pc.place.timeOfDay === "dawn" || pc.place.timeOfDay === "golden-hour" || pc.place.timeOfDay === "dusk";
      const sy = low ? pc.horizonY - 30 : pc.top + (pc.horizonY - pc.top) * 0.2;
      glow(ctx, sunX, sy, low ? 260 : 180, pc.grade.emit(s.sun, 0.55));
      ctx.fillStyle = pc.grade.emit(s.sun);
      ctx.beginPath();
      ctx.arc(sunX, sy, low ? 34 : 26, 0, Math.PI * 2);
      ctx.fill();
      pc.lights.push({ x: sunX, y: sy, color: pc.grade.emit(s.sun), size: 140 });
    }
  }
  // clouds
  const cloudy = { clear: 3, wind: 5, dust: 0, cloudy: 14, rain: 18, storm: 22, snow: 14, fog: 6 }[pc.place.weather];
  const cloudCol: RGB = pc.darkness > 0.6 ? [40, 46, 60] : pc.place.weather === "storm" ? [70, 74, 82] : tint(horizon, 0.45);
  for (let i = 0; i < cloudy; i++) {
    const cx = rng.range(pc.x0, pc.x1);
    const cy = rng.range(pc.top + 10, Math.max(pc.top + 20, pc.horizonY - 60));
    const w = rng.range(120, 340);
    cloud(ctx, rng, cx, cy, w, pc.grade.emit(shade(cloudCol, rng.range(0.85, 1.1)), rng.range(0.55, 0.9)));
  }
}

export function cloud(ctx: Ctx, rng: Rng, cx: number, cy: number, w: number, fill: string): void {
  ctx.fillStyle = fill;
  ctx.beginPath();
  const n = 6;
  for (let i = 0; i < n; i++) {
    const x = cx - w / 2 + (w * i) / (n - 1);
    const r = (w / n) * rng.range(0.7, 1.3) * (1 - Math.abs(i - (n - 1) / 2) / n);
    ctx.moveTo(x + r, cy);
    ctx.arc(x, cy - r * 0.3, r, 0, Math.PI * 2);
  }
  ctx.ellipse(cx, cy + w * 0.04, w / 2, w * 0.07, 0, 0, Math.PI * 2);
  ctx.fill();
}

/** Same colour with alpha 0 (fading to transparent black would darken the edge). */
export function transparent(color: string): string {
  const m = /rgba?\((\d+),(\d+),(\d+)/.exec(color);
  return m ? `rgba(${m[1]},${m[2]},${m[3]},0)` : "rgba(0,0,0,0)";
}

export function glow(ctx: Ctx, x: number, y: number, r: number, color: string): void {
  const g = ctx.createRadialGradient(x, y, 0, x, y, r);
  g.addColorStop(0, color);
  g.addColorStop(0.4, color.startsWith("rgba(") ? color.replace(/,([\d.]+)\)$/, (_, a) => `,${(Number(a) * 0.35).toFixed(3)})`) : color.replace("rgb(", "rgba(").replace(")", ",0.35)"));
  g.addColorStop(1, transparent(color));
  ctx.fillStyle = g;
  ctx.fillRect(x - r, y - r, r * 2, r * 2);
}

/** A band of hills/dunes/mountains: a ridge line from baseY with bumps, filled down to bottom. */
export function ridge(
  ctx: Ctx,
  pc: PlaceContext,
  rng: Rng,
  opts: { baseY: number; amp: number; step: number; sharp?: number; fill: string | CanvasGradientLike; bottom?: number },
): number[] {
  const pts: number[] = [];
  const bottom = opts.bottom ?? pc.y1;
  ctx.beginPath();
  ctx.moveTo(pc.x0 - 10, bottom);
  let phase = rng.range(0, 10);
  const xs: number[] = [];
  for (let x = pc.x0 - 10; x <= pc.x1 + opts.step; x += opts.step) xs.push(x);
  for (const x of xs) {
    phase += rng.range(0.3, 1.1);
    const v = Math.sin(phase) * 0.6 + Math.sin(phase * 0.37 + 1) * 0.4;
    const sharp = opts.sharp ?? 0;
    const y = opts.baseY - opts.amp * (sharp ? Math.pow(Math.abs(v), 1 - sharp * 0.6) * Math.sign(v) : v);
    pts.push(y);
    ctx.lineTo(x, y);
  }
  ctx.lineTo(pc.x1 + opts.step, bottom);
  ctx.closePath();
  ctx.fillStyle = opts.fill as string;
  ctx.fill();
  return pts;
}
type CanvasGradientLike = ReturnType<Ctx["createLinearGradient"]>;

export function vgrad(ctx: Ctx, y0: number, y1: number, stops: [number, string][]): CanvasGradientLike {
  const g = ctx.createLinearGradient(0, y0, 0, y1);
  for (const [o, c] of stops) g.addColorStop(o, c);
  return g;
}

/** Ground plane from the horizon down. */
export function ground(ctx: Ctx, pc: PlaceContext, far: Color, near: Color, fromY = pc.horizonY): void {
  ctx.fillStyle = vgrad(ctx, fromY, pc.y1, [
    [0, pc.grade.lit(far)],
    [1, pc.grade.lit(near)],
  ]);
  ctx.fillRect(pc.x0, fromY, pc.x1 - pc.x0, pc.y1 - fromY);
}

/** A building front with a window grid; windows light up at night. */
export function building(
  ctx: Ctx,
  pc: PlaceContext,
  rng: Rng,
  x: number,
  w: number,
  topY: number,
  baseY: number,
  wall: Color,
  opts: { windowLit?: number; windowColor?: string; cols?: number } = {},
): void {
  ctx.fillStyle = pc.grade.lit(wall);
  ctx.fillRect(x, topY, w, baseY - topY);
  ctx.fillStyle = pc.grade.lit(shade(wall, 0.75));
  ctx.fillRect(x, topY, w, Math.max(3, (baseY - topY) * 0.015));
  const cols = opts.cols ?? Math.max(2, Math.round(w / 34));
  const cw = w / cols;
  const rows = Math.max(1, Math.floor((baseY - topY - 20) / (cw * 1.3)));
  const lit = opts.windowLit ?? (pc.darkness > 0.4 ? 0.45 : 0);
  const winCol = opts.windowColor ?? "#ffcf7a";
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const wx = x + c * cw + cw * 0.22;
      const wy = topY + 14 + r * cw * 1.3;
      const ww = cw * 0.56;
      const wh = cw * 0.75;
      if (wy + wh > baseY - 6) continue;
      if (rng.chance(lit)) {
        ctx.fillStyle = pc.grade.emit(mix(winCol, "#ffffff", rng.range(0, 0.3)), rng.range(0.7, 1));
      } else {
        ctx.fillStyle = pc.grade.lit(mix(shade(wall, 0.45), "#4a5a70", 0.4));
      }
      ctx.fillRect(wx, wy, ww, wh);
    }
  }
}

/** A tree: trunk and a round crown (or a pine). */
/** A pitched roof (or any gable): a triangle from a base line centred on cx up to its apex, in the current fill. */
export function gable(ctx: Ctx, cx: number, baseY: number, halfWidth: number, apexY: number): void {
  ctx.beginPath();
  ctx.moveTo(cx - halfWidth, baseY);
  ctx.lineTo(cx, apexY);
  ctx.lineTo(cx + halfWidth, baseY);
  ctx.fill();
}

export function tree(ctx: Ctx, pc: PlaceContext, rng: Rng, x: number, baseY: number, h: number, kind: "round" | "pine", leaf: Color, trunk: Color = "#4a3526"): void {
  ctx.fillStyle = pc.grade.lit(trunk);
  ctx.fillRect(x - h * 0.035, baseY - h * 0.45, h * 0.07, h * 0.45);
  if (kind === "pine") {
    for (let i = 0; i < 3; i++) {
      const y = baseY - h * (0.3 + i * 0.22);
      const w = h * (0.36 - i * 0.09);
      ctx.fillStyle = pc.grade.lit(shade(leaf, 0.85 + i * 0.1));
      ctx.beginPath();
      ctx.moveTo(x - w, y + h * 0.12);
      ctx.lineTo(x, y - h * 0.28);
      ctx.lineTo(x + w, y + h * 0.12);
      ctx.fill();
    }
  } else {
    for (let i = 0; i < 5; i++) {
      ctx.fillStyle = pc.grade.lit(shade(leaf, rng.range(0.8, 1.15)));
      ctx.beginPath();
      ctx.arc(x + rng.range(-0.18, 0.18) * h, baseY - h * rng.range(0.55, 0.8), h * rng.range(0.16, 0.26), 0, Math.PI * 2);
      ctx.fill();
    }
  }
}

/** A hanging or standing lamp that glows (an emitted light). */
export function lamp(ctx: Ctx, pc: PlaceContext, x: number, y: number, r: number, color: string, strength = 1): void {
  glow(ctx, x, y, r * 6, pc.grade.emit(color, 0.35 * strength));
  ctx.fillStyle = pc.grade.emit(tint(color, 0.5));
  ctx.beginPath();
  ctx.arc(x, y, r, 0, Math.PI * 2);
  ctx.fill();
  pc.lights.push({ x, y, color: pc.grade.emit(color), size: r * 4 });
}

/** A window in an interior wall showing the outside (sky by time of day). */
export function windowOut(ctx: Ctx, pc: PlaceContext, x: number, y: number, w: number, h: number, frame: Color, opts: { blinds?: boolean } = {}): void {
  const { top, horizon } = skyColors(pc);
  ctx.fillStyle = vgrad(ctx, y, y + h, [
    [0, pc.grade.emit(top)],
    [1, pc.grade.emit(horizon)],
  ]);
  ctx.fillRect(x, y, w, h);
  // Night outside (the time of day's darkness, not the lit room's): dark buildings with lit windows.
  if (outdoorDarkness(pc.place.timeOfDay) > 0.5) {
    const rng = pc.rng.fork(`win${Math.round(x)}`);
    for (let i = 0; i < 6; i++) {
      const bw = w * rng.range(0.1, 0.25);
      const bh = h * rng.range(0.2, 0.6);
      const bx = x + rng.range(0, w - bw);
      ctx.fillStyle = pc.grade.lit("#0c1018");
      ctx.fillRect(bx, y + h - bh, bw, bh);
      ctx.fillStyle = pc.grade.emit("#ffd27a", 0.8);
      for (let k = 0; k < 3; k++) ctx.fillRect(bx + rng.range(2, bw - 5), y + h - bh + rng.range(3, bh - 5), 3, 3);
    }
  } else {
    ctx.fillStyle = pc.grade.lit("#6f8a6a", 0.8);
    ctx.fillRect(x, y + h * 0.78, w, h * 0.22);
  }
  if (opts.blinds) {
    ctx.fillStyle = pc.grade.lit(shade(frame, 0.9), 0.85);
    for (let by = y; by < y + h; by += 14) ctx.fillRect(x, by, w, 7);
  }
  ctx.strokeStyle = pc.grade.lit(frame);
  ctx.lineWidth = Math.max(4, w * 0.04);
  ctx.strokeRect(x, y, w, h);
  ctx.beginPath();
  ctx.moveTo(x + w / 2, y);
  ctx.lineTo(x + w / 2, y + h);
  ctx.moveTo(x, y + h / 2);
  ctx.lineTo(x + w, y + h / 2);
  ctx.stroke();
}

/** Light falling from windows onto the floor (daylight interiors), as soft translucent shapes. */
export function lightShaft(ctx: Ctx, pc: PlaceContext, x: number, y: number, w: number, h: number, color: string, alpha: number): void {
  const g = ctx.createLinearGradient(x, y, x + w * 0.4, y + h);
  g.addColorStop(0, pc.grade.emit(color, alpha));
  g.addColorStop(1, pc.grade.emit(color, 0));
  ctx.fillStyle = g;
  ctx.beginPath();
  ctx.moveTo(x, y);
  ctx.lineTo(x + w, y);
  ctx.lineTo(x + w * 1.6, y + h);
  ctx.lineTo(x + w * 0.4, y + h);
  ctx.fill();
}

/** Wall with a subtle vertical pattern (wallpaper, planks, panels). */
export function wall(ctx: Ctx, pc: PlaceContext, color: Color, pattern: "plain" | "planks" | "stripes" | "panels" | "stone" | "brick", toY: number): void {
  ctx.fillStyle = pc.grade.lit(color);
  ctx.fillRect(pc.x0, pc.y0, pc.x1 - pc.x0, toY - pc.y0);
  const rng = pc.rng.fork("wall");
  const dark = pc.grade.lit(shade(color, 0.8), 0.6);
  const light = pc.grade.lit(tint(color, 0.12), 0.5);
  if (pattern === "planks" || pattern === "stripes") {
    const step = pattern === "planks" ? 46 : 30;
    for (let x = pc.x0; x < pc.x1; x += step) {
      ctx.fillStyle = pattern === "planks" ? (rng.chance(0.5) ? dark : light) : dark;
      ctx.fillRect(x, pc.y0, pattern === "planks" ? 3 : 12, toY - pc.y0);
    }
  } else if (pattern === "panels") {
    for (let x = pc.x0; x < pc.x1; x += 160) {
      ctx.strokeStyle = dark;
      ctx.lineWidth = 4;
      ctx.strokeRect(x + 12, pc.top + 40, 136, toY - pc.top - 80);
    }
  } else if (pattern === "stone" || pattern === "brick") {
    const bh = pattern === "brick" ? 22 : 48;
    const bw = pattern === "brick" ? 56 : 90;
    for (let y = pc.y0, row = 0; y < toY; y += bh, row++) {
      for (let x = pc.x0 - (row % 2) * (bw / 2); x < pc.x1; x += bw) {
        ctx.fillStyle = pc.grade.lit(shade(color, rng.range(0.82, 1.08)));
        ctx.fillRect(x + 2, y + 2, bw - 4, bh - 4);
      }
    }
  }
  // shading toward the ceiling
  ctx.fillStyle = vgrad(ctx, pc.top, toY, [
    [0, pc.grade.lit("#000000", 0.35)],
    [0.5, pc.grade.lit("#000000", 0)],
  ]);
  ctx.fillRect(pc.x0, pc.y0, pc.x1 - pc.x0, toY - pc.y0);
}

/** Floor from the wall's base to the bottom. */
export function floor(ctx: Ctx, pc: PlaceContext, y: number, color: Color, boards = true): void {
  ctx.fillStyle = vgrad(ctx, y, pc.y1, [
    [0, pc.grade.lit(shade(color, 0.7))],
    [1, pc.grade.lit(color)],
  ]);
  ctx.fillRect(pc.x0, y, pc.x1 - pc.x0, pc.y1 - y);
  if (boards) {
    ctx.strokeStyle = pc.grade.lit(shade(color, 0.6), 0.5);
    ctx.lineWidth = 2;
    const vx = pc.W / 2;
    for (let i = -14; i <= 14; i++) {
      ctx.beginPath();
      ctx.moveTo(vx + i * 40, y);
      ctx.lineTo(vx + i * 190, pc.y1);
      ctx.stroke();
    }
  }
  ctx.fillStyle = pc.grade.lit("#000000", 0.35);
  ctx.fillRect(pc.x0, y, pc.x1 - pc.x0, 4);
}

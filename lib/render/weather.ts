/**
 * Weather in front of the scene. Particles (rain streaks, snow flakes, dust, wind streaks) are a fixed
 * seeded set that moves with time and wraps around the frame; each kind is stroked or filled as one
 * path per frame, which only touches the pixels it covers (much cheaper than a full-frame pattern).
 * Fog is a soft picture made once that drifts; storms add lightning on seeded frames.
 * Indoors only dust motes and fog remain.
 */
import type { Canvas } from "@napi-rs/canvas";
import type { Weather } from "../screenplay/schema";
import { makeCanvas } from "./canvas-util";
import type { Grade } from "./grade";
import type { Ctx } from "./places/place-context";
import { makeRng } from "./rng";

interface Particle {
  x: number;
  y: number;
  /** speed in pixels per frame */
  vx: number;
  vy: number;
  size: number;
  phase: number;
}

interface ParticleSet {
  kind: "streak" | "dot";
  color: string;
  alpha: number;
  /** stroke width (streaks) */
  width: number;
  /** streak length as a multiple of its velocity per frame */
  trail: number;
  /** sideways sway amplitude in pixels */
  sway: number;
  points: Particle[];
}

export interface WeatherFx {
  sets: ParticleSet[];
  fog?: { canvas: Canvas; alpha: number; speed: number };
  flashes: Map<number, number>;
  flashColor: string;
}

function particles(seed: number, n: number, width: number, height: number, vx: [number, number], vy: [number, number], size: [number, number]): Particle[] {
  const r = makeRng(seed);
  return Array.from({ length: n }, () => ({
    x: r.range(0, width),
    y: r.range(0, height),
    vx: r.range(vx[0], vx[1]),
    vy: r.range(vy[0], vy[1]),
    size: r.range(size[0], size[1]),
    phase: r.range(0, Math.PI * 2),
  }));
}

export function makeWeather(weather: Weather, inside: boolean, grade: Grade, seed: number, frames: number, width: number, height: number): WeatherFx | null {
  const fx: WeatherFx = { sets: [], flashes: new Map(), flashColor: grade.emit("#e8eeff") };
  const rainColor = grade.emit("#c8d8f0");
  if (!inside && (weather === "rain" || weather === "storm")) {
    const heavy = weather === "storm";
    fx.sets.push({ kind: "streak", color: rainColor, alpha: 0.35, width: 1, trail: 0.7, sway: 0, points: particles(seed + 1, heavy ? 260 : 170, width, height, [-4, -3], [30, 38], [1, 1]) });
    fx.sets.push({ kind: "streak", color: rainColor, alpha: 0.45, width: 2, trail: 0.9, sway: 0, points: particles(seed + 2, heavy ? 70 : 45, width, height, [-8, -6], [55, 66], [1, 1]) });
    if (heavy) {
      const r = makeRng(seed ^ 0x11);
      for (let f = r.int(24, 60); f < frames; f += r.int(50, 130)) {
        fx.flashes.set(f, 0.55);
        fx.flashes.set(f + 1, 0.15);
        fx.flashes.set(f + 2, 0.4);
        fx.flashes.set(f + 3, 0.12);
      }
    }
  } else if (!inside && weather === "snow") {
    const white = grade.emit("#ffffff");
    fx.sets.push({ kind: "dot", color: white, alpha: 0.75, width: 0, trail: 0, sway: 10, points: particles(seed + 3, 260, width, height, [-0.2, 0.8], [1.2, 2.2], [1.2, 2.6]) });
    fx.sets.push({ kind: "dot", color: white, alpha: 0.9, width: 0, trail: 0, sway: 22, points: particles(seed + 4, 60, width, height, [0.2, 1.4], [2.8, 4], [3, 5]) });
  } else if (!inside && weather === "dust") {
    fx.sets.push({ kind: "dot", color: grade.emit("#e8c890"), alpha: 0.6, width: 0, trail: 0, sway: 4, points: particles(seed + 5, 220, width, height, [4, 7], [-0.2, 0.8], [0.8, 1.8]) });
  } else if (!inside && weather === "wind") {
    fx.sets.push({ kind: "streak", color: grade.emit("#e8e8e0"), alpha: 0.22, width: 1.2, trail: 4, sway: 0, points: particles(seed + 6, 40, width, height, [-26, -18], [-0.5, 0.8], [1, 1]) });
  } else if (inside && weather !== "fog") {
    // dust motes floating in the light
    fx.sets.push({ kind: "dot", color: grade.emit("#fff4d8"), alpha: 0.45, width: 0, trail: 0, sway: 6, points: particles(seed + 7, 40, width, height, [-0.3, 0.3], [-0.25, 0.1], [0.6, 1.3]) });
  }
  if (weather === "fog") {
    const w = 640;
    const h = 360;
    const { canvas, ctx } = makeCanvas(w * 3, h);
    const r = makeRng(seed ^ 0xf06);
    for (let i = 0; i < 30; i++) {
      const x = r.range(0, w * 2);
      const y = r.range(h * 0.2, h);
      const rad = r.range(60, 160);
      const g = ctx.createRadialGradient(x, y, 0, x, y, rad);
      g.addColorStop(0, grade.emit("#d8dce0", 0.5));
      g.addColorStop(1, grade.emit("#d8dce0", 0));
      ctx.fillStyle = g;
      for (const dx of [-w * 2, 0, w * 2]) ctx.fillRect(x - rad + dx, y - rad, rad * 2, rad * 2);
    }
    fx.fog = { canvas, alpha: inside ? 0.3 : 0.5, speed: 0.6 };
  }
  if (!fx.sets.length && !fx.fog && !fx.flashes.size) return null;
  return fx;
}

const wrap = (v: number, m: number) => ((v % m) + m) % m;

export function drawWeather(ctx: Ctx, fx: WeatherFx, frame: number, width: number, height: number): void {
  for (const s of fx.sets) {
    ctx.globalAlpha = s.alpha;
    ctx.beginPath();
    for (const p of s.points) {
      const sway = s.sway ? Math.sin(frame * 0.05 + p.phase) * s.sway : 0;
      const x = wrap(p.x + p.vx * frame + sway, width + 40) - 20;
      const y = wrap(p.y + p.vy * frame, height + 80) - 40;
      if (s.kind === "streak") {
        ctx.moveTo(x, y);
        ctx.lineTo(x - p.vx * s.trail, y - p.vy * s.trail);
      } else {
        ctx.rect(x, y, p.size, p.size);
      }
    }
    if (s.kind === "streak") {
      ctx.strokeStyle = s.color;
      ctx.lineWidth = s.width;
      ctx.stroke();
    } else {
      ctx.fillStyle = s.color;
      ctx.fill();
    }
  }
  if (fx.fog) {
    // the strip repeats every 2w and is 3w wide, so a window of w always fits
    const w = fx.fog.canvas.width / 3;
    const off = (frame * fx.fog.speed) % (w * 2);
    ctx.globalAlpha = fx.fog.alpha;
    ctx.drawImage(fx.fog.canvas, off, 0, w, fx.fog.canvas.height, 0, 0, width, height);
  }
  const flash = fx.flashes.get(frame);
  if (flash) {
    ctx.globalAlpha = flash;
    ctx.fillStyle = fx.flashColor;
    ctx.fillRect(0, 0, width, height);
  }
  ctx.globalAlpha = 1;
}

/** Outdoor places: each kind paints its sky, far, mid, near and foreground layers. */
import { mix, shade, tint, type RGB } from "../color";
import { building, gable, glow, ground, lamp, paintSky, ridge, skyColors, transparent, tree, vgrad } from "./kit";
import type { Ctx, PlaceContext, PlacePainters } from "./place-context";

const sky = (ctx: Ctx, pc: PlaceContext) => paintSky(ctx, pc);

function neonColors(pc: PlaceContext): string[] {
  return pc.grade.look.palette === "cyberpunk" || pc.grade.look.palette === "eighties"
    ? ["#ff2fb4", "#20e3ff", "#b26bff", "#ffde3a", "#ff5a36"]
    : ["#ff4f6a", "#44d7ff", "#ffd24a", "#7dff8a"];
}

/** A neon sign: a glowing rounded box with "text" bars. */
function neonSign(ctx: Ctx, pc: PlaceContext, x: number, y: number, w: number, h: number, color: string, vertical: boolean): void {
  glow(ctx, x + w / 2, y + h / 2, Math.max(w, h) * 0.9, pc.grade.emit(color, 0.35));
  ctx.fillStyle = pc.grade.lit("#0a0a12", 0.9);
  ctx.fillRect(x, y, w, h);
  ctx.strokeStyle = pc.grade.emit(color);
  ctx.lineWidth = 3;
  ctx.strokeRect(x + 3, y + 3, w - 6, h - 6);
  ctx.fillStyle = pc.grade.emit(tint(color, 0.35));
  const rng = pc.rng.fork(`sign${Math.round(x)}:${Math.round(y)}`);
  if (vertical) {
    for (let yy = y + 10; yy < y + h - 18; yy += 22) ctx.fillRect(x + w * 0.25, yy, w * 0.5, rng.range(10, 16));
  } else {
    for (let xx = x + 10; xx < x + w - 14; xx += rng.range(14, 22)) ctx.fillRect(xx, y + h * 0.3, rng.range(6, 12), h * 0.4);
  }
  pc.lights.push({ x: x + w / 2, y: y + h / 2, color: pc.grade.emit(color), size: Math.max(w, h) * 0.5 });
}

/** Wet street: a dark ground with vertical colour smears under the lights. */
function wetReflections(ctx: Ctx, pc: PlaceContext, fromY: number): void {
  const lights = pc.lights.filter((l) => l.y < fromY);
  const rng = pc.rng.fork("puddles");
  for (const l of lights) {
    const depth = (fromY - l.y) * 0.9;
    const g = ctx.createLinearGradient(0, fromY, 0, fromY + depth);
    g.addColorStop(0, l.color.replace("rgb(", "rgba(").replace(")", ",0.3)"));
    g.addColorStop(1, transparent(l.color));
    ctx.fillStyle = g;
    const w = Math.max(6, l.size * 0.35);
    // broken into ripples
    for (let y = fromY; y < fromY + depth; y += rng.range(4, 10)) {
      const dx = rng.range(-w * 0.25, w * 0.25);
      ctx.fillRect(l.x - w / 2 + dx, y, w * rng.range(0.6, 1.2), rng.range(2, 6));
    }
  }
}

function desert(pc: PlaceContext): PlacePainters {
  const sand: RGB = pc.grade.look.palette === "scifi" ? [214, 170, 130] : [222, 180, 120];
  return {
    sky,
    far: (ctx) => {
      const r = pc.rng.fork("far");
      // mesas in the distance
      for (let i = 0; i < 6; i++) {
        const x = r.range(pc.x0, pc.x1);
        const w = r.range(120, 300);
        const h = r.range(40, 110);
        ctx.fillStyle = pc.grade.lit(mix(sand, skyColors(pc).horizon, 0.45));
        ctx.beginPath();
        ctx.moveTo(x - w / 2 - h * 0.4, pc.horizonY + 2);
        ctx.lineTo(x - w / 2, pc.horizonY - h);
        ctx.lineTo(x + w / 2, pc.horizonY - h);
        ctx.lineTo(x + w / 2 + h * 0.4, pc.horizonY + 2);
        ctx.fill();
      }
      ridge(ctx, pc, r, { baseY: pc.horizonY + 8, amp: 10, step: 60, fill: pc.grade.lit(mix(sand, skyColors(pc).horizon, 0.3)) });
    },
    mid: (ctx) => {
      const r = pc.rng.fork("mid");
      ridge(ctx, pc, r, { baseY: pc.horizonY + 45, amp: 30, step: 90, fill: vgrad(ctx, pc.horizonY, pc.y1, [[0, pc.grade.lit(tint(sand, 0.1))], [1, pc.grade.lit(shade(sand, 0.8))]]) });
    },
    near: (ctx) => {
      const r = pc.rng.fork("near");
      ridge(ctx, pc, r, { baseY: pc.horizonY + 120, amp: 26, step: 140, fill: vgrad(ctx, pc.horizonY + 90, pc.y1, [[0, pc.grade.lit(sand)], [1, pc.grade.lit(shade(sand, 0.85))]]) });
      ctx.strokeStyle = pc.grade.lit(shade(sand, 0.75), 0.6);
      ctx.lineWidth = 2;
      for (let i = 0; i < 40; i++) {
        const x = r.range(pc.x0, pc.x1);
        const y = r.range(pc.horizonY + 140, pc.y1);
        ctx.beginPath();
        ctx.moveTo(x, y);
        ctx.quadraticCurveTo(x + 30, y - 6, x + 60, y);
        ctx.stroke();
      }
      for (let i = 0; i < 3; i++) {
        const x = r.range(pc.x0, pc.x1);
        const y = r.range(pc.horizonY + 70, pc.horizonY + 130);
        cactus(ctx, pc, x, y, r.range(50, 90));
      }
    },
    fg: (ctx) => {
      const r = pc.rng.fork("fg");
      for (let i = 0; i < 3; i++) {
        const x = r.chance(0.5) ? r.range(pc.x0, pc.W * 0.2) : r.range(pc.W * 0.8, pc.x1);
        ctx.fillStyle = pc.grade.lit(shade(sand, 0.55));
        ctx.beginPath();
        ctx.ellipse(x, pc.y1 - 10, r.range(40, 90), r.range(20, 40), 0, Math.PI, 0);
        ctx.fill();
      }
    },
  };
}

function cactus(ctx: Ctx, pc: PlaceContext, x: number, baseY: number, h: number): void {
  ctx.fillStyle = pc.grade.lit("#4f7a3f");
  const w = h * 0.16;
  ctx.beginPath();
  ctx.roundRect(x - w / 2, baseY - h, w, h, w / 2);
  ctx.roundRect(x - w * 2, baseY - h * 0.7, w * 0.8, h * 0.35, w / 2);
  ctx.roundRect(x - w * 2, baseY - h * 0.42, w * 1.7, w * 0.7, w / 3);
  ctx.roundRect(x + w * 1.2, baseY - h * 0.8, w * 0.8, h * 0.4, w / 2);
  ctx.roundRect(x + w * 0.3, baseY - h * 0.45, w * 1.6, w * 0.7, w / 3);
  ctx.fill();
}

function seaLike(pc: PlaceContext, beach: boolean): PlacePainters {
  const water: RGB = pc.grade.look.palette === "horror" ? [40, 70, 70] : [40, 100, 150];
  const sand: RGB = [226, 204, 160];
  return {
    sky,
    far: (ctx) => {
      const { horizon } = skyColors(pc);
      ctx.fillStyle = vgrad(ctx, pc.horizonY, pc.y1, [[0, pc.grade.lit(mix(water, horizon, 0.4))], [1, pc.grade.lit(shade(water, 0.7))]]);
      ctx.fillRect(pc.x0, pc.horizonY, pc.x1 - pc.x0, pc.y1 - pc.horizonY);
      // a path of light on the water under the sun or moon
      for (const l of pc.lights.slice(0, 1)) {
        for (let y = pc.horizonY + 3; y < pc.y1; y += 7) {
          const w = 20 + (y - pc.horizonY) * 0.5;
          ctx.fillStyle = l.color.replace("rgb(", "rgba(").replace(")", ",0.25)");
          ctx.fillRect(l.x - w / 2 + Math.sin(y) * 10, y, w, 2);
        }
      }
    },
    mid: (ctx) => {
      const r = pc.rng.fork("mid");
      if (/lighthouse/i.test(pc.place.name)) lighthouse(ctx, pc);
      ctx.strokeStyle = pc.grade.lit("#e8f2f6", 0.5);
      for (let i = 0; i < 60; i++) {
        const y = r.range(pc.horizonY + 6, pc.y1);
        const k = (y - pc.horizonY) / (pc.y1 - pc.horizonY);
        const x = r.range(pc.x0, pc.x1);
        ctx.lineWidth = 1 + k * 3;
        ctx.beginPath();
        ctx.moveTo(x, y);
        ctx.quadraticCurveTo(x + 20 + k * 60, y - 4 - k * 6, x + 40 + k * 120, y);
        ctx.stroke();
      }
    },
    near: (ctx) => {
      const r = pc.rng.fork("near");
      if (beach) {
        // The waterline within the frame's lower part, so that people stand on the sand in every framing.
        const y = pc.horizonY + (pc.H - pc.horizonY) * 0.42;
        ridge(ctx, pc, r, { baseY: y, amp: 6, step: 120, fill: vgrad(ctx, y, pc.y1, [[0, pc.grade.lit(shade(sand, 0.85))], [1, pc.grade.lit(sand)]]) });
        ctx.strokeStyle = pc.grade.lit("#ffffff", 0.7);
        ctx.lineWidth = 5;
        ctx.beginPath();
        ctx.moveTo(pc.x0, y - 2);
        for (let x = pc.x0; x <= pc.x1; x += 40) ctx.lineTo(x, y - 2 + Math.sin(x * 0.02) * 5);
        ctx.stroke();
        if (/rock|cliff|lighthouse/i.test(pc.place.name)) {
          const rr = pc.rng.fork("rocks");
          for (let i = 0; i < 7; i++) boulder(ctx, pc, rr.range(pc.x0, pc.x1), y + rr.range(-4, (pc.y1 - y) * 0.5), rr.range(30, 90), rr);
        }
      } else {
        // the deck of a boat: planks and a rail
        const y = pc.horizonY + (pc.H - pc.horizonY) * 0.4;
        ctx.fillStyle = pc.grade.lit("#7a5534");
        ctx.fillRect(pc.x0, y, pc.x1 - pc.x0, pc.y1 - y);
        ctx.strokeStyle = pc.grade.lit("#5a3c22");
        ctx.lineWidth = 3;
        for (let yy = y; yy < pc.y1; yy += 26) {
          ctx.beginPath();
          ctx.moveTo(pc.x0, yy);
          ctx.lineTo(pc.x1, yy);
          ctx.stroke();
        }
        ctx.fillStyle = pc.grade.lit("#4a3020");
        ctx.fillRect(pc.x0, y - 60, pc.x1 - pc.x0, 8);
        for (let x = pc.x0; x < pc.x1; x += 90) ctx.fillRect(x, y - 60, 8, 60);
      }
    },
    fg: beach
      ? (ctx) => {
          const r = pc.rng.fork("fg");
          ctx.strokeStyle = pc.grade.lit("#9a8a50");
          ctx.lineWidth = 3;
          for (let i = 0; i < 30; i++) {
            const x = r.chance(0.5) ? r.range(pc.x0, pc.W * 0.18) : r.range(pc.W * 0.85, pc.x1);
            ctx.beginPath();
            ctx.moveTo(x, pc.y1);
            ctx.quadraticCurveTo(x + r.range(-20, 20), pc.y1 - 60, x + r.range(-40, 40), pc.y1 - r.range(80, 160));
            ctx.stroke();
          }
        }
      : undefined,
  };
}

/** Dark weathered rock, a rounded lump with a lit top edge. */
function boulder(ctx: Ctx, pc: PlaceContext, x: number, baseY: number, w: number, r: ReturnType<PlaceContext["rng"]["fork"]>): void {
  const h = w * r.range(0.45, 0.8);
  const c: RGB = [78, 76, 74];
  ctx.fillStyle = pc.grade.lit(c);
  ctx.beginPath();
  ctx.moveTo(x - w / 2, baseY);
  ctx.quadraticCurveTo(x - w * 0.5, baseY - h * 0.9, x - w * 0.1, baseY - h);
  ctx.quadraticCurveTo(x + w * 0.45, baseY - h * 0.95, x + w / 2, baseY);
  ctx.closePath();
  ctx.fill();
  ctx.fillStyle = pc.grade.lit(shade(c, 1.35));
  ctx.beginPath();
  ctx.moveTo(x - w * 0.38, baseY - h * 0.62);
  ctx.quadraticCurveTo(x - w * 0.3, baseY - h * 0.98, x - w * 0.1, baseY - h);
  ctx.quadraticCurveTo(x + w * 0.12, baseY - h * 0.98, x + w * 0.2, baseY - h * 0.88);
  ctx.quadraticCurveTo(x - w * 0.1, baseY - h * 0.86, x - w * 0.38, baseY - h * 0.62);
  ctx.fill();
}

/**
 * A lighthouse on a rocky headland at one side of the bay (the place's seed picks the side): a white
 * tower with red bands, its lamp lit from dusk to dawn and in bad weather, a beam across the sky.
 */
function lighthouse(ctx: Ctx, pc: PlaceContext): void {
  const r = pc.rng.fork("lighthouse");
  const left = r.chance(0.5);
  const cx = left ? pc.W * r.range(0.12, 0.22) : pc.W * r.range(0.78, 0.88);
  const y = pc.horizonY;
  // the headland: rock rising from the sea, wider at the water
  const rock: RGB = [66, 62, 60];
  ctx.fillStyle = pc.grade.lit(rock);
  ctx.beginPath();
  const edge = left ? pc.x0 : pc.x1;
  const inner = cx + (left ? 1 : -1) * 190;
  ctx.moveTo(edge, y + 60);
  ctx.lineTo(edge, y - 70);
  ctx.lineTo(cx + (left ? -60 : 60), y - 74);
  ctx.quadraticCurveTo(cx + (left ? 70 : -70), y - 80, cx + (left ? 110 : -110), y - 40);
  ctx.quadraticCurveTo(inner, y + 10, inner + (left ? 30 : -30), y + 60);
  ctx.closePath();
  ctx.fill();
  ctx.fillStyle = pc.grade.lit(shade(rock, 1.3));
  ctx.fillRect(Math.min(edge, cx + (left ? 60 : -60)), y - 76, Math.abs(cx + (left ? 60 : -60) - edge), 6);
  // the tower: tapering, white with two red bands
  const base = y - 72;
  const h = 230;
  const wb = 27;
  const wt = 17;
  const at = (t: number) => wb + (wt - wb) * t;
  const body = (t0: number, t1: number, color: RGB) => {
    ctx.fillStyle = pc.grade.lit(color);
    ctx.beginPath();
    ctx.moveTo(cx - at(t0), base - h * t0);
    ctx.lineTo(cx - at(t1), base - h * t1);
    ctx.lineTo(cx + at(t1), base - h * t1);
    ctx.lineTo(cx + at(t0), base - h * t0);
    ctx.closePath();
    ctx.fill();
  };
  body(0, 1, [236, 232, 222]);
  body(0.22, 0.36, [176, 42, 36]);
  body(0.6, 0.74, [176, 42, 36]);
  // shade on the side away from the light
  ctx.fillStyle = pc.grade.lit("#000000", 0.18);
  ctx.beginPath();
  ctx.moveTo(cx + at(0) * 0.3, base);
  ctx.lineTo(cx + at(1) * 0.3, base - h);
  ctx.lineTo(cx + at(1), base - h);
  ctx.lineTo(cx + at(0), base);
  ctx.fill();
  // gallery, lantern room and cap
  const top = base - h;
  ctx.fillStyle = pc.grade.lit("#2a2a2e");
  ctx.fillRect(cx - wt - 8, top - 6, 2 * wt + 16, 6);
  const lit = pc.darkness > 0.35 || pc.place.weather === "storm" || pc.place.weather === "fog" || pc.place.weather === "rain";
  ctx.fillStyle = lit ? pc.grade.emit("#fff2b0") : pc.grade.lit("#9ab0b8");
  ctx.fillRect(cx - wt + 3, top - 34, 2 * (wt - 3), 28);
  ctx.fillStyle = pc.grade.lit("#2a2a2e");
  for (const dx of [-wt + 3, -2, wt - 6]) ctx.fillRect(cx + dx, top - 34, 3, 28);
  ctx.fillStyle = pc.grade.lit([150, 40, 34]);
  ctx.beginPath();
  ctx.moveTo(cx - wt - 2, top - 34);
  ctx.lineTo(cx, top - 58);
  ctx.lineTo(cx + wt + 2, top - 34);
  ctx.fill();
  if (lit) {
    // the beam, out over the sea, and the lamp's glow
    const dir = left ? 1 : -1;
    const lx = cx;
    const ly = top - 20;
    const beam = ctx.createLinearGradient(lx, ly, lx + dir * 900, ly - 60);
    beam.addColorStop(0, pc.grade.emit("#fff6c8", 0.5));
    beam.addColorStop(1, pc.grade.emit("#fff6c8", 0));
    ctx.fillStyle = beam;
    ctx.beginPath();
    ctx.moveTo(lx, ly - 6);
    ctx.lineTo(lx + dir * 900, ly - 150);
    ctx.lineTo(lx + dir * 900, ly + 30);
    ctx.lineTo(lx, ly + 6);
    ctx.fill();
    lamp(ctx, pc, lx, ly, 9, "#fff2b0", 1.2);
  }
}

function snowMountain(pc: PlaceContext, kind: "snowfield" | "mountain"): PlacePainters {
  const rock: RGB = [110, 110, 122];
  const snow: RGB = [236, 240, 248];
  return {
    sky,
    far: (ctx) => {
      const r = pc.rng.fork("far");
      const pts = ridge(ctx, pc, r, { baseY: pc.horizonY - (kind === "mountain" ? 120 : 40), amp: kind === "mountain" ? 110 : 40, step: 110, sharp: 1, fill: pc.grade.lit(mix(rock, skyColors(pc).horizon, 0.45)), bottom: pc.horizonY + 40 });
      // snow caps
      ctx.fillStyle = pc.grade.lit(snow, 0.85);
      let x = pc.x0 - 10;
      for (const y of pts) {
        if (y < pc.horizonY - (kind === "mountain" ? 170 : 60)) {
          gable(ctx, x, y + 40, 40, y);
        }
        x += 110;
      }
    },
    mid: (ctx) => {
      const r = pc.rng.fork("mid");
      ridge(ctx, pc, r, { baseY: pc.horizonY + 10, amp: 40, step: 100, sharp: kind === "mountain" ? 0.6 : 0, fill: pc.grade.lit(kind === "mountain" ? mix(rock, "#5a6650", 0.4) : shade(snow, 0.9)) });
      for (let i = 0; i < 14; i++) tree(ctx, pc, r, r.range(pc.x0, pc.x1), pc.horizonY + r.range(10, 40), r.range(30, 60), "pine", "#2f4a3a");
    },
    near: (ctx) => {
      const r = pc.rng.fork("near");
      ridge(ctx, pc, r, { baseY: pc.horizonY + 90, amp: 18, step: 160, fill: vgrad(ctx, pc.horizonY + 70, pc.y1, [[0, pc.grade.lit(kind === "mountain" ? "#8a8470" : snow)], [1, pc.grade.lit(kind === "mountain" ? "#6a6450" : shade(snow, 0.92))]]) });
      for (let i = 0; i < 8; i++) {
        ctx.fillStyle = pc.grade.lit(shade(rock, r.range(0.6, 0.9)));
        ctx.beginPath();
        ctx.ellipse(r.range(pc.x0, pc.x1), r.range(pc.horizonY + 110, pc.y1), r.range(14, 40), r.range(8, 20), 0, Math.PI, 0);
        ctx.fill();
      }
    },
  };
}

function fieldLike(pc: PlaceContext, kind: "field" | "river" | "road" | "village"): PlacePainters {
  const grass: RGB = pc.grade.look.palette === "western" ? [170, 150, 80] : [96, 140, 70];
  // a bridge in a city ("the bridge in Paris", "the city bridge"): the city's roofs beyond the river
  const urban = kind === "river" && /bridge/i.test(pc.place.name) && /\b(?:in \p{Lu}|city|town)/u.test(pc.place.name);
  return {
    sky,
    far: (ctx) => {
      const r = pc.rng.fork("far");
      if (urban) {
        const night = pc.darkness > 0.45;
        for (let x = pc.x0; x < pc.x1; x += r.range(40, 90)) {
          const w = r.range(50, 110);
          const top = pc.horizonY - r.range(50, 150);
          building(ctx, pc, r, x, w, top, pc.horizonY + 30, mix(r.pick(["#c8b8a0", "#b8a890", "#d0c4b0", "#a8a0a0"]), skyColors(pc).horizon, 0.35), { windowLit: night ? 0.5 : 0 });
          // a slate roof
          ctx.fillStyle = pc.grade.lit(mix("#5a6070", skyColors(pc).horizon, 0.35));
          ctx.beginPath();
          ctx.moveTo(x - 2, top);
          ctx.lineTo(x + 8, top - 18);
          ctx.lineTo(x + w - 8, top - 18);
          ctx.lineTo(x + w + 2, top);
          ctx.fill();
        }
        return;
      }
      ridge(ctx, pc, r, { baseY: pc.horizonY - 10, amp: 22, step: 120, fill: pc.grade.lit(mix(grass, skyColors(pc).horizon, 0.5)), bottom: pc.horizonY + 30 });
      for (let i = 0; i < 26; i++) tree(ctx, pc, r, r.range(pc.x0, pc.x1), pc.horizonY + 2, r.range(20, 40), r.chance(0.5) ? "round" : "pine", mix("#3d5e35", skyColors(pc).horizon, 0.35));
    },
    mid: (ctx) => {
      const r = pc.rng.fork("mid");
      ridge(ctx, pc, r, { baseY: pc.horizonY + 20, amp: 16, step: 150, fill: vgrad(ctx, pc.horizonY, pc.y1, [[0, pc.grade.lit(shade(grass, 0.95))], [1, pc.grade.lit(shade(grass, 0.75))]]) });
      if (kind === "village") {
        for (let i = 0; i < 6; i++) cottage(ctx, pc, r, pc.x0 + ((i + r.range(0.1, 0.6)) * (pc.x1 - pc.x0)) / 6, pc.horizonY + 40, r.range(90, 130));
      }
      if (kind === "river") {
        const y = pc.horizonY + 55;
        ctx.fillStyle = vgrad(ctx, y, y + 90, [[0, pc.grade.lit(mix("#4a7fa0", skyColors(pc).horizon, 0.4))], [1, pc.grade.lit("#2f5a78")]]);
        ctx.beginPath();
        ctx.moveTo(pc.x0, y);
        ctx.bezierCurveTo(pc.W * 0.3, y - 10, pc.W * 0.6, y + 20, pc.x1, y);
        ctx.lineTo(pc.x1, y + 95);
        ctx.bezierCurveTo(pc.W * 0.6, y + 110, pc.W * 0.3, y + 80, pc.x0, y + 100);
        ctx.fill();
        ctx.strokeStyle = pc.grade.lit("#ffffff", 0.3);
        ctx.lineWidth = 2;
        for (let i = 0; i < 30; i++) {
          const x = r.range(pc.x0, pc.x1);
          const yy = y + r.range(8, 85);
          ctx.beginPath();
          ctx.moveTo(x, yy);
          ctx.lineTo(x + r.range(20, 60), yy);
          ctx.stroke();
        }
      }
      if (kind === "road") {
        const vx = pc.W * (0.45 + r.range(0, 0.1));
        ctx.fillStyle = pc.grade.lit("#4a4a4c");
        ctx.beginPath();
        ctx.moveTo(vx - 6, pc.horizonY + 4);
        ctx.lineTo(vx + 6, pc.horizonY + 4);
        ctx.lineTo(pc.W * 1.1, pc.y1);
        ctx.lineTo(-pc.W * 0.1, pc.y1);
        ctx.fill();
        ctx.strokeStyle = pc.grade.lit("#e8d070");
        ctx.setLineDash([30, 30]);
        ctx.lineWidth = 6;
        ctx.beginPath();
        ctx.moveTo(vx, pc.horizonY + 6);
        ctx.lineTo(pc.W * 0.5, pc.y1);
        ctx.stroke();
        ctx.setLineDash([]);
        for (let i = 0; i < 6; i++) {
          const k = Math.pow((i + 1) / 6, 2);
          const px = vx + (pc.W * 0.75 - vx) * k + 40 * k;
          const py = pc.horizonY + (pc.y1 - pc.horizonY) * k;
          ctx.fillStyle = pc.grade.lit("#3a2a1c");
          ctx.fillRect(px, py - 200 * k - 10, 4 + 6 * k, 200 * k + 10);
        }
      }
    },
    near: (ctx) => {
      const r = pc.rng.fork("near");
      if (kind === "road") return;
      if (kind === "river" && /bridge/i.test(pc.place.name)) {
        // On the bridge: a stone deck under the characters, a balustrade behind them, the river beyond.
        const y = pc.horizonY + (pc.H - pc.horizonY) * 0.55;
        const stone: RGB = [176, 164, 146];
        ctx.fillStyle = vgrad(ctx, y, pc.y1, [[0, pc.grade.lit(shade(stone, 0.8))], [1, pc.grade.lit(stone)]]);
        ctx.fillRect(pc.x0, y, pc.x1 - pc.x0, pc.y1 - y);
        ctx.strokeStyle = pc.grade.lit(shade(stone, 0.65), 0.6);
        recedingLines(ctx, pc, y, 18, 22, 0.2);
        ctx.fillStyle = pc.grade.lit(shade(stone, 1.08));
        ctx.fillRect(pc.x0, y - 70, pc.x1 - pc.x0, 12);
        ctx.fillRect(pc.x0, y - 10, pc.x1 - pc.x0, 12);
        for (let x = pc.x0; x < pc.x1; x += 26) {
          ctx.beginPath();
          ctx.ellipse(x, y - 34, 7, 24, 0, 0, Math.PI * 2);
          ctx.fill();
        }
        ctx.fillStyle = pc.grade.lit(shade(stone, 0.9));
        for (let x = pc.x0 + 13; x < pc.x1; x += 26 * 8) ctx.fillRect(x - 16, y - 84, 32, 86);
        return;
      }
      ctx.strokeStyle = pc.grade.lit(shade(grass, 0.7), 0.8);
      ctx.lineWidth = 2;
      for (let i = 0; i < 260; i++) {
        const x = r.range(pc.x0, pc.x1);
        const y = r.range(pc.horizonY + (kind === "river" ? 160 : 60), pc.y1);
        const h = 6 + ((y - pc.horizonY) / (pc.y1 - pc.horizonY)) * 24;
        ctx.beginPath();
        ctx.moveTo(x, y);
        ctx.lineTo(x + r.range(-4, 4), y - h);
        ctx.stroke();
      }
      if (kind === "village") {
        ctx.fillStyle = pc.grade.lit("#8a7050", 0.9);
        ctx.beginPath();
        ctx.moveTo(pc.W * 0.45, pc.horizonY + 60);
        ctx.lineTo(pc.W * 0.55, pc.horizonY + 60);
        ctx.lineTo(pc.W * 0.8, pc.y1);
        ctx.lineTo(pc.W * 0.2, pc.y1);
        ctx.fill();
      }
    },
    fg: (ctx) => {
      const r = pc.rng.fork("fg");
      if (kind === "village") {
        ctx.fillStyle = pc.grade.lit("#6a4a30");
        for (let x = pc.x0; x < pc.W * 0.22; x += 40) ctx.fillRect(x, pc.y1 - 120, 10, 120);
        ctx.fillRect(pc.x0, pc.y1 - 100, pc.W * 0.22 - pc.x0, 8);
        ctx.fillRect(pc.x0, pc.y1 - 60, pc.W * 0.22 - pc.x0, 8);
        return;
      }
      ctx.strokeStyle = pc.grade.lit(shade(grass, 0.5));
      ctx.lineWidth = 4;
      for (let i = 0; i < 40; i++) {
        const x = r.chance(0.5) ? r.range(pc.x0, pc.W * 0.15) : r.range(pc.W * 0.85, pc.x1);
        ctx.beginPath();
        ctx.moveTo(x, pc.y1);
        ctx.quadraticCurveTo(x + r.range(-10, 10), pc.y1 - 50, x + r.range(-30, 30), pc.y1 - r.range(60, 140));
        ctx.stroke();
      }
    },
  };
}

/**
 * A station seen from its platform: the tracks across the middle distance, the station house beyond them
 * and the country (or the city) behind. An old-world one (a western's depot, a fantasy halt, a village
 * station) is timber with a water tower and telegraph poles; a modern one concrete under a long canopy,
 * with poles carrying the overhead wires.
 */
function station(pc: PlaceContext): PlacePainters {
  const palette = pc.grade.look.palette;
  const oldWorld = palette === "western" || palette === "fantasy" || /\b(depot|halt|old|village|frontier|whistle-stop|wooden)\b/i.test(pc.place.name);
  const land: RGB = palette === "western" ? [214, 176, 118] : oldWorld ? [120, 140, 80] : [120, 118, 112];
  const night = pc.darkness > 0.45;
  const railY = pc.horizonY + 62;
  return {
    sky,
    far: (ctx) => {
      const r = pc.rng.fork("far");
      ridge(ctx, pc, r, { baseY: pc.horizonY - 6, amp: palette === "western" ? 40 : 20, step: 140, fill: pc.grade.lit(mix(land, skyColors(pc).horizon, 0.45)), bottom: pc.horizonY + 40 });
      if (!oldWorld) for (let x = pc.x0; x < pc.x1; x += r.range(50, 110)) building(ctx, pc, r, x, r.range(40, 80), pc.horizonY - r.range(60, 200), pc.horizonY + 4, mix("#707680", skyColors(pc).horizon, 0.45), { windowLit: night ? 0.5 : 0 });
    },
    mid: (ctx) => {
      const r = pc.rng.fork("mid");
      ground(ctx, pc, mix(land, skyColors(pc).horizon, 0.2), shade(land, 0.8), pc.horizonY + 2);
      // the station house beyond the tracks
      const hx = pc.W * (0.18 + r.range(0, 0.12));
      const hw = 420;
      const hh = oldWorld ? 150 : 190;
      const base = railY - 14;
      const wallColor = oldWorld ? r.pick(["#a8744a", "#8a5a3a", "#b89060", "#7a6a58"]) : r.pick(["#b8b4aa", "#a0a4a8", "#c8c0b0"]);
      ctx.fillStyle = pc.grade.lit(wallColor);
      ctx.fillRect(hx - hw / 2, base - hh, hw, hh);
      if (oldWorld) {
        ctx.strokeStyle = pc.grade.lit(shade(wallColor, 0.75), 0.7);
        ctx.lineWidth = 2;
        for (let y = base - hh + 12; y < base; y += 14) {
          ctx.beginPath();
          ctx.moveTo(hx - hw / 2, y);
          ctx.lineTo(hx + hw / 2, y);
          ctx.stroke();
        }
        // a pitched roof and a sign board under it
        ctx.fillStyle = pc.grade.lit("#4a3a30");
        gable(ctx, hx, base - hh, hw / 2 + 24, base - hh - 70);
        ctx.fillStyle = pc.grade.lit("#e8dcc0");
        ctx.fillRect(hx - 80, base - hh - 8, 160, 30);
        ctx.strokeStyle = pc.grade.lit("#3a2a20");
        ctx.lineWidth = 4;
        ctx.strokeRect(hx - 80, base - hh - 8, 160, 30);
      } else {
        ctx.fillStyle = pc.grade.lit(shade(wallColor, 0.7));
        ctx.fillRect(hx - hw / 2 - 10, base - hh - 14, hw + 20, 16);
        // a clock over the door
        ctx.fillStyle = pc.grade.lit("#f0ece0");
        ctx.beginPath();
        ctx.arc(hx, base - hh + 34, 20, 0, Math.PI * 2);
        ctx.fill();
        ctx.strokeStyle = pc.grade.lit("#202020");
        ctx.lineWidth = 3;
        ctx.beginPath();
        ctx.moveTo(hx, base - hh + 34);
        ctx.lineTo(hx, base - hh + 20);
        ctx.moveTo(hx, base - hh + 34);
        ctx.lineTo(hx + 10, base - hh + 38);
        ctx.stroke();
      }
      const glass = night ? pc.grade.emit("#ffc870") : pc.grade.lit(oldWorld ? "#3a3028" : "#5a6878");
      for (let i = 0; i < 4; i++) {
        const wx = hx - hw / 2 + 40 + i * ((hw - 80) / 3.4);
        ctx.fillStyle = glass;
        ctx.fillRect(wx, base - hh * 0.72, 46, hh * 0.4);
        if (night) pc.lights.push({ x: wx + 23, y: base - hh * 0.5, color: pc.grade.emit("#ffc870"), size: 22 });
      }
      ctx.fillStyle = pc.grade.lit(oldWorld ? "#3a2618" : "#303438");
      ctx.fillRect(hx + hw * 0.32, base - hh * 0.62, 40, hh * 0.62);
      if (oldWorld) {
        // a water tower on its stilts, and telegraph poles along the line
        const tx = pc.W * (0.7 + r.range(0, 0.1));
        const ty = railY - 24;
        ctx.strokeStyle = pc.grade.lit("#4a3626");
        ctx.lineWidth = 8;
        for (const dx of [-40, 40]) {
          ctx.beginPath();
          ctx.moveTo(tx + dx, ty);
          ctx.lineTo(tx + dx * 0.7, ty - 150);
          ctx.stroke();
        }
        ctx.lineWidth = 4;
        ctx.beginPath();
        ctx.moveTo(tx - 38, ty - 20);
        ctx.lineTo(tx + 30, ty - 120);
        ctx.moveTo(tx + 38, ty - 20);
        ctx.lineTo(tx - 30, ty - 120);
        ctx.stroke();
        ctx.fillStyle = pc.grade.lit("#7a5236");
        ctx.fillRect(tx - 60, ty - 250, 120, 100);
        ctx.fillStyle = pc.grade.lit("#4a3020");
        gable(ctx, tx, ty - 250, 66, ty - 290);
        ctx.strokeStyle = pc.grade.lit("#3a2618");
        ctx.lineWidth = 3;
        for (const y of [ty - 225, ty - 190, ty - 160]) {
          ctx.beginPath();
          ctx.moveTo(tx - 60, y);
          ctx.lineTo(tx + 60, y);
          ctx.stroke();
        }
      }
      const poleTop = railY - 180;
      ctx.strokeStyle = pc.grade.lit(oldWorld ? "#3a2a1e" : "#505860");
      for (let x = pc.x0 + r.range(0, 200); x < pc.x1; x += 320) {
        ctx.lineWidth = 7;
        ctx.beginPath();
        ctx.moveTo(x, railY - 6);
        ctx.lineTo(x, poleTop);
        ctx.moveTo(x - 26, poleTop + 14);
        ctx.lineTo(x + (oldWorld ? 26 : 60), poleTop + 14);
        ctx.stroke();
      }
      ctx.lineWidth = 1.5;
      ctx.beginPath();
      ctx.moveTo(pc.x0, poleTop + 16);
      ctx.lineTo(pc.x1, poleTop + 16);
      ctx.stroke();
      // the tracks: ballast, sleepers, two rails
      ctx.fillStyle = pc.grade.lit(oldWorld ? shade(land, 0.7) : "#6a6660");
      ctx.fillRect(pc.x0, railY - 10, pc.x1 - pc.x0, 34);
      ctx.fillStyle = pc.grade.lit("#4a3a2c");
      for (let x = pc.x0; x < pc.x1; x += 26) ctx.fillRect(x, railY - 6, 12, 28);
      ctx.fillStyle = pc.grade.lit("#8a8c90");
      ctx.fillRect(pc.x0, railY - 2, pc.x1 - pc.x0, 5);
      ctx.fillRect(pc.x0, railY + 14, pc.x1 - pc.x0, 5);
    },
    near: (ctx) => {
      // the platform under the characters' feet, its edge toward the tracks
      const y = railY + 40;
      const deck: RGB = oldWorld ? [150, 112, 74] : [168, 164, 156];
      ctx.fillStyle = vgrad(ctx, y, pc.y1, [[0, pc.grade.lit(shade(deck, 0.85))], [1, pc.grade.lit(deck)]]);
      ctx.fillRect(pc.x0, y, pc.x1 - pc.x0, pc.y1 - y);
      ctx.fillStyle = pc.grade.lit(shade(deck, 0.55));
      ctx.fillRect(pc.x0, y, pc.x1 - pc.x0, 10);
      if (!oldWorld) {
        ctx.fillStyle = pc.grade.lit("#e0c040");
        ctx.fillRect(pc.x0, y + 22, pc.x1 - pc.x0, 8);
      }
      ctx.strokeStyle = pc.grade.lit(shade(deck, 0.7), 0.6);
      ctx.lineWidth = 2;
      if (oldWorld) for (let yy = y + 30, gap = 14; yy < pc.y1; yy += gap, gap *= 1.18) {
        ctx.beginPath();
        ctx.moveTo(pc.x0, yy);
        ctx.lineTo(pc.x1, yy);
        ctx.stroke();
      }
      else recedingLines(ctx, pc, y + 34, 18, 22, 0.2);
    },
    fg: (ctx) => {
      const r = pc.rng.fork("fg");
      if (oldWorld) {
        crate(ctx, pc, pc.x0 + pc.W * 0.04, pc.y1 - 30, 90, r);
        return;
      }
      // a lamp post at the edge of the platform
      const x = pc.W * 0.06;
      ctx.fillStyle = pc.grade.lit("#2a2e34");
      ctx.fillRect(x - 6, pc.horizonY - 200, 12, pc.y1 - pc.horizonY + 200);
      ctx.fillRect(x - 30, pc.horizonY - 206, 60, 12);
      lamp(ctx, pc, x + 24, pc.horizonY - 190, 8, "#fff0c0", night ? 1 : 0.3);
    },
  };
}

function cottage(ctx: Ctx, pc: PlaceContext, r: ReturnType<PlaceContext["rng"]["fork"]>, x: number, baseY: number, w: number): void {
  const h = w * 0.6;
  ctx.fillStyle = pc.grade.lit(r.pick(["#d8c8a8", "#c8b090", "#e0d4c0", "#b89878"]));
  ctx.fillRect(x - w / 2, baseY - h, w, h);
  ctx.fillStyle = pc.grade.lit(r.pick(["#7a3a2a", "#5a4a3a", "#8a5a3a", "#4a4a50"]));
  gable(ctx, x, baseY - h, w / 2 + 10, baseY - h - w * 0.45);
  const lit = pc.darkness > 0.4;
  ctx.fillStyle = lit ? pc.grade.emit("#ffc870") : pc.grade.lit("#3a4050");
  ctx.fillRect(x - w * 0.3, baseY - h * 0.7, w * 0.18, h * 0.25);
  ctx.fillRect(x + w * 0.12, baseY - h * 0.7, w * 0.18, h * 0.25);
  if (lit) pc.lights.push({ x: x - w * 0.2, y: baseY - h * 0.6, color: pc.grade.emit("#ffc870"), size: 20 });
  ctx.fillStyle = pc.grade.lit("#4a3020");
  ctx.fillRect(x - w * 0.07, baseY - h * 0.45, w * 0.14, h * 0.45);
}

function forest(pc: PlaceContext): PlacePainters {
  const leaf: RGB = pc.grade.look.palette === "horror" ? [50, 70, 50] : pc.grade.look.palette === "fantasy" ? [60, 120, 90] : [52, 96, 52];
  const bark: RGB = [70, 52, 38];
  const trunks = (ctx: Ctx, tag: string, n: number, wMin: number, wMax: number, f: number) => {
    const r = pc.rng.fork(tag);
    for (let i = 0; i < n; i++) {
      const x = r.range(pc.x0, pc.x1);
      const w = r.range(wMin, wMax);
      ctx.fillStyle = pc.grade.lit(shade(bark, f * r.range(0.85, 1.1)));
      ctx.fillRect(x - w / 2, pc.y0, w, pc.horizonY + 40 + w * 2 - pc.y0);
      ctx.fillStyle = pc.grade.lit("#000000", 0.18);
      ctx.fillRect(x + w * 0.15, pc.y0, w * 0.35, pc.horizonY + 40 + w * 2 - pc.y0);
    }
  };
  return {
    sky: (ctx) => {
      paintSky(ctx, pc);
      ctx.fillStyle = pc.grade.lit(mix(leaf, skyColors(pc).horizon, 0.55), 0.85);
      ctx.fillRect(pc.x0, pc.y0, pc.x1 - pc.x0, pc.y1 - pc.y0);
    },
    far: (ctx) => {
      trunks(ctx, "far", 40, 8, 18, 0.75);
      ctx.fillStyle = pc.grade.lit(mix(leaf, skyColors(pc).horizon, 0.3), 0.6);
      ctx.fillRect(pc.x0, pc.y0, pc.x1 - pc.x0, pc.horizonY * 0.35 - pc.y0);
    },
    mid: (ctx) => {
      ground(ctx, pc, shade(leaf, 0.6), shade(leaf, 0.45), pc.horizonY + 20);
      trunks(ctx, "mid", 10, 26, 50, 0.9);
      const r = pc.rng.fork("canopy");
      for (let i = 0; i < 30; i++) {
        ctx.fillStyle = pc.grade.lit(shade(leaf, r.range(0.6, 1)));
        ctx.beginPath();
        ctx.arc(r.range(pc.x0, pc.x1), r.range(pc.y0, pc.horizonY * 0.4), r.range(60, 140), 0, Math.PI * 2);
        ctx.fill();
      }
    },
    near: (ctx) => {
      const r = pc.rng.fork("near");
      for (let i = 0; i < 24; i++) {
        const x = r.range(pc.x0, pc.x1);
        const y = r.range(pc.horizonY + 60, pc.y1);
        fern(ctx, pc, x, y, r.range(30, 70), shade(leaf, r.range(0.8, 1.2)));
      }
    },
    fg: (ctx) => {
      const r = pc.rng.fork("fg");
      const left = r.chance(0.5);
      const x = left ? pc.x0 + r.range(20, 100) : pc.x1 - r.range(20, 100);
      ctx.fillStyle = pc.grade.lit(shade(bark, 0.5));
      ctx.fillRect(x - 60, pc.y0, 120, pc.y1 - pc.y0);
      for (let i = 0; i < 5; i++) fern(ctx, pc, r.range(pc.x0, pc.x1), pc.y1 + 10, r.range(60, 110), shade(leaf, 0.55));
    },
  };
}

function fern(ctx: Ctx, pc: PlaceContext, x: number, y: number, s: number, color: RGB): void {
  ctx.strokeStyle = pc.grade.lit(color);
  ctx.lineWidth = Math.max(2, s * 0.06);
  for (let k = -3; k <= 3; k++) {
    ctx.beginPath();
    ctx.moveTo(x, y);
    ctx.quadraticCurveTo(x + k * s * 0.15, y - s * 0.8, x + k * s * 0.35, y - s * (0.6 - Math.abs(k) * 0.08));
    ctx.stroke();
  }
}

function cityLike(pc: PlaceContext, kind: "city-street" | "neon-alley" | "rooftop" | "market"): PlacePainters {
  const night = pc.darkness > 0.4;
  const neon = kind === "neon-alley" || (night && (pc.grade.look.palette === "cyberpunk" || pc.grade.look.palette === "eighties"));
  // A souk, a bazaar, a village or fantasy market: low clay and stone houses with arches, not towers.
  const oldWorld = kind === "market" && (/\b(souk|bazaar|medina|kasbah|spice|old|village|medieval|marrakesh|marrakech|cairo|istanbul|fez|tangier)\b/i.test(pc.place.name) || pc.grade.look.palette === "fantasy" || pc.grade.look.palette === "western");
  const walls = kind === "neon-alley" ? ["#2a2a34", "#30303c", "#262630", "#3a3440"] : oldWorld ? ["#c89a64", "#d8b07a", "#b9805a", "#e0c090", "#a86c48"] : ["#8a7a6a", "#a08a70", "#6a6a72", "#b0a088", "#7a6a60"];
  const streetY = kind === "rooftop" ? pc.horizonY + 30 : pc.horizonY + (pc.y1 - pc.horizonY) * 0.3;
  return {
    sky,
    far: (ctx) => {
      const r = pc.rng.fork("far");
      const base = kind === "rooftop" ? pc.horizonY + 40 : pc.horizonY;
      if (oldWorld) {
        for (let x = pc.x0 - 20; x < pc.x1; ) {
          const w = r.range(50, 120);
          const h = r.range(50, 150);
          clayHouse(ctx, pc, r, x, w, base - h, base + 10, mix(r.pick(walls), skyColors(pc).horizon, 0.4), { dome: r.chance(0.15), tower: r.chance(0.06) });
          x += w + r.range(-6, 4);
        }
        return;
      }
      for (let x = pc.x0 - 20; x < pc.x1; ) {
        const w = r.range(40, 110);
        const h = r.range(80, kind === "rooftop" ? 260 : 320);
        building(ctx, pc, r, x, w, base - h, base + 10, mix(r.pick(walls), skyColors(pc).horizon, 0.45), { windowLit: night ? 0.5 : 0, cols: Math.max(2, Math.round(w / 16)) });
        x += w + r.range(-10, 6);
      }
    },
    mid: (ctx) => {
      const r = pc.rng.fork("mid");
      if (kind === "rooftop") {
        // water tower and antennas
        const x = r.range(pc.W * 0.1, pc.W * 0.9);
        ctx.fillStyle = pc.grade.lit("#5a4030");
        ctx.fillRect(x - 50, pc.horizonY - 150, 100, 90);
        gable(ctx, x, pc.horizonY - 150, 55, pc.horizonY - 190);
        ctx.fillStyle = pc.grade.lit("#3a3a3a");
        for (const dx of [-40, 35]) ctx.fillRect(x + dx, pc.horizonY - 60, 6, 80);
        return;
      }
      const alley = kind === "neon-alley";
      for (let x = pc.x0 - 20; x < pc.x1; ) {
        const w = alley ? r.range(180, 300) : r.range(160, 260);
        const top = alley ? pc.top + r.range(-20, 40) : oldWorld ? streetY - r.range(220, 320) : streetY - r.range(260, 460);
        if (oldWorld) clayHouse(ctx, pc, r, x, w, top, streetY, r.pick(walls), { doorway: true, windowLit: night ? 0.5 : 0 });
        else {
          building(ctx, pc, r, x, w, top, streetY, r.pick(walls), { windowLit: night ? (alley ? 0.07 : 0.4) : 0, windowColor: alley ? "#ffb070" : undefined });
          // door
          ctx.fillStyle = pc.grade.lit("#1e1a18");
          ctx.fillRect(x + w * 0.4, streetY - 90, 44, 90);
        }
        if (neon) {
          const c = r.pick(neonColors(pc));
          const vertical = r.chance(0.5);
          neonSign(ctx, pc, x + r.range(10, w - 80), top + r.range(60, 200), vertical ? 46 : r.range(90, 150), vertical ? r.range(120, 200) : 46, c, vertical);
        }
        if (kind === "market") {
          const c = r.pick(["#c0392b", "#2e86c1", "#d4ac0d", "#27ae60", "#8e44ad"]);
          awning(ctx, pc, x + 10, streetY - 150, w - 20, c);
        }
        x += w;
      }
      // pipes and fire escapes for an alley
      if (alley) {
        ctx.strokeStyle = pc.grade.lit("#15151c");
        ctx.lineWidth = 5;
        for (let i = 0; i < 6; i++) {
          const x = r.range(pc.x0, pc.x1);
          ctx.beginPath();
          ctx.moveTo(x, pc.y0);
          ctx.lineTo(x, streetY);
          ctx.stroke();
        }
      }
    },
    near: (ctx) => {
      const r = pc.rng.fork("near");
      if (kind === "rooftop") {
        ctx.fillStyle = vgrad(ctx, streetY, pc.y1, [[0, pc.grade.lit("#55555a")], [1, pc.grade.lit("#3a3a3e")]]);
        ctx.fillRect(pc.x0, streetY, pc.x1 - pc.x0, pc.y1 - streetY);
        ctx.fillStyle = pc.grade.lit("#6a6a70");
        ctx.fillRect(pc.x0, streetY - 30, pc.x1 - pc.x0, 30);
        return;
      }
      const wet = kind === "neon-alley" || pc.place.weather === "rain" || pc.place.weather === "storm";
      ctx.fillStyle = vgrad(ctx, streetY, pc.y1, [[0, pc.grade.lit(wet ? "#1c1c24" : "#6a6660")], [1, pc.grade.lit(wet ? "#26262e" : "#827c74")]]);
      ctx.fillRect(pc.x0, streetY, pc.x1 - pc.x0, pc.y1 - streetY);
      if (wet) wetReflections(ctx, pc, streetY);
      ctx.strokeStyle = pc.grade.lit("#000000", wet ? 0.08 : 0.25);
      recedingLines(ctx, pc, streetY, 12, 18, 0.15);
      if (kind === "market") {
        for (let i = 0; i < 5; i++) crate(ctx, pc, r.range(pc.x0, pc.x1), streetY + r.range(10, 40), r.range(40, 60), r);
      }
      if (kind === "city-street") {
        for (let i = 0; i < 3; i++) {
          const x = pc.x0 + ((i + 0.5) * (pc.x1 - pc.x0)) / 3;
          ctx.fillStyle = pc.grade.lit("#222226");
          ctx.fillRect(x - 4, streetY - 230, 8, 240);
          ctx.fillRect(x - 4, streetY - 230, 40, 6);
          if (night) lamp(ctx, pc, x + 36, streetY - 220, 8, "#ffd79a");
        }
      }
      // Strung overhead, behind the characters: in a medium shot a tall head reaches the frame's top,
      // and bunting or cables in front would cross the face.
      overhead(ctx, pc, kind);
    },
    fg:
      kind === "rooftop"
        ? (ctx) => {
            ctx.fillStyle = pc.grade.lit("#4a4a50");
            ctx.fillRect(pc.x0, pc.y1 - 40, pc.x1 - pc.x0, 40);
          }
        : undefined,
  };
}

/** Bunting over a market, cables over an alley: hung across the top of the frame. */
function overhead(ctx: Ctx, pc: PlaceContext, kind: "city-street" | "neon-alley" | "rooftop" | "market"): void {
  const r = pc.rng.fork("overhead");
  if (kind === "market") {
    ctx.strokeStyle = pc.grade.lit("#3a3028");
    ctx.lineWidth = 2;
    ctx.beginPath();
    ctx.moveTo(pc.x0, pc.top + 20);
    ctx.quadraticCurveTo(pc.W / 2, pc.top + 90, pc.x1, pc.top + 20);
    ctx.stroke();
    for (let x = pc.x0 + 20; x < pc.x1; x += 50) {
      const t = (x - pc.x0) / (pc.x1 - pc.x0);
      const y = pc.top + 20 + 4 * t * (1 - t) * 70;
      ctx.fillStyle = pc.grade.lit(r.pick(["#e74c3c", "#f1c40f", "#3498db", "#2ecc71"]));
      ctx.beginPath();
      ctx.moveTo(x - 14, y);
      ctx.lineTo(x + 14, y);
      ctx.lineTo(x, y + 30);
      ctx.fill();
    }
  } else if (kind === "neon-alley") {
    ctx.strokeStyle = pc.grade.lit("#08080c");
    ctx.lineWidth = 4;
    for (let i = 0; i < 4; i++) {
      ctx.beginPath();
      const x = r.range(pc.x0, pc.x1);
      ctx.moveTo(x - 300, pc.y0);
      ctx.quadraticCurveTo(x, pc.top + r.range(60, 140), x + 300, pc.y0);
      ctx.stroke();
    }
  }
}

/**
 * A flat-roofed clay or stone house: a parapet, small arched windows, an arched doorway; far away, a
 * dome or a slim tower over some of them.
 */
function clayHouse(
  ctx: Ctx,
  pc: PlaceContext,
  r: ReturnType<PlaceContext["rng"]["fork"]>,
  x: number,
  w: number,
  topY: number,
  baseY: number,
  wall: string | RGB,
  opts: { dome?: boolean; tower?: boolean; doorway?: boolean; windowLit?: number },
): void {
  const arch = (ax: number, ay: number, aw: number, ah: number) => {
    ctx.beginPath();
    ctx.moveTo(ax, ay + ah);
    ctx.lineTo(ax, ay + aw / 2);
    ctx.arc(ax + aw / 2, ay + aw / 2, aw / 2, Math.PI, 0);
    ctx.lineTo(ax + aw, ay + ah);
    ctx.closePath();
    ctx.fill();
  };
  if (opts.tower) {
    ctx.fillStyle = pc.grade.lit(shade(wall, 0.95));
    ctx.fillRect(x + w * 0.4, topY - 120, w * 0.2, 130);
    ctx.beginPath();
    ctx.moveTo(x + w * 0.36, topY - 120);
    ctx.lineTo(x + w * 0.5, topY - 150);
    ctx.lineTo(x + w * 0.64, topY - 120);
    ctx.fill();
  }
  if (opts.dome) {
    ctx.fillStyle = pc.grade.lit(mix(wall, "#e8e0d0", 0.35));
    ctx.beginPath();
    ctx.arc(x + w / 2, topY, w * 0.3, Math.PI, 0);
    ctx.fill();
  }
  ctx.fillStyle = pc.grade.lit(wall);
  ctx.fillRect(x, topY, w, baseY - topY);
  // parapet and the shade under it
  ctx.fillStyle = pc.grade.lit(tint(wall, 0.12));
  ctx.fillRect(x - 2, topY - 6, w + 4, 8);
  ctx.fillStyle = pc.grade.lit(shade(wall, 0.8));
  ctx.fillRect(x, topY + 2, w, 5);
  const h = baseY - topY;
  if (h < 80) return;
  const lit = opts.windowLit ?? 0;
  const win = Math.max(10, Math.min(26, w / 7));
  const cols = Math.max(1, Math.floor((w - 20) / (win * 2.4)));
  const rows = Math.max(1, Math.floor((h - (opts.doorway ? 130 : 30)) / (win * 2.8)));
  for (let row = 0; row < rows; row++)
    for (let c = 0; c < cols; c++) {
      if (r.chance(0.25)) continue;
      const wx = x + 14 + c * ((w - 28) / cols) + ((w - 28) / cols - win) / 2;
      const wy = topY + 22 + row * win * 2.8;
      ctx.fillStyle = r.chance(lit) ? pc.grade.emit("#ffc870", 0.9) : pc.grade.lit(shade(wall, 0.4));
      arch(wx, wy, win, win * 1.7);
    }
  if (opts.doorway) {
    const dw = Math.min(70, w * 0.3);
    ctx.fillStyle = pc.grade.lit(shade(wall, 0.72));
    arch(x + w * 0.5 - dw / 2 - 8, baseY - 128, dw + 16, 128);
    ctx.fillStyle = pc.grade.lit("#2a1e16");
    arch(x + w * 0.5 - dw / 2, baseY - 120, dw, 120);
  }
}

/** Paving courses across the ground from `fromY` down, wider apart as they come nearer (2 px lines, the current stroke). */
function recedingLines(ctx: Ctx, pc: PlaceContext, fromY: number, first: number, gap: number, growth: number): void {
  ctx.lineWidth = 2;
  for (let y = fromY + first; y < pc.y1; y += gap + (y - fromY) * growth) {
    ctx.beginPath();
    ctx.moveTo(pc.x0, y);
    ctx.lineTo(pc.x1, y);
    ctx.stroke();
  }
}

function awning(ctx: Ctx, pc: PlaceContext, x: number, y: number, w: number, color: string): void {
  const stripes = Math.max(3, Math.round(w / 30));
  for (let i = 0; i < stripes; i++) {
    ctx.fillStyle = pc.grade.lit(i % 2 ? "#f4efe6" : color);
    ctx.beginPath();
    const sx = x + (i * w) / stripes;
    ctx.moveTo(sx, y);
    ctx.lineTo(sx + w / stripes, y);
    ctx.lineTo(sx + w / stripes + 6, y + 50);
    ctx.lineTo(sx - 6, y + 50);
    ctx.fill();
  }
  // counter with goods
  ctx.fillStyle = pc.grade.lit("#6a4a30");
  ctx.fillRect(x, y + 100, w, 50);
  const r = pc.rng.fork(`goods${Math.round(x)}`);
  for (let gx = x + 10; gx < x + w - 14; gx += 18) {
    ctx.fillStyle = pc.grade.lit(r.pick(["#e67e22", "#c0392b", "#f1c40f", "#27ae60", "#a04000"]));
    ctx.beginPath();
    ctx.arc(gx, y + 96, 8, 0, Math.PI * 2);
    ctx.fill();
  }
}

export function crate(ctx: Ctx, pc: PlaceContext, x: number, y: number, s: number, r: ReturnType<PlaceContext["rng"]["fork"]>): void {
  const c = r.pick(["#8a6a40", "#7a5a34", "#9a7a4a"]);
  ctx.fillStyle = pc.grade.lit(c);
  ctx.fillRect(x - s / 2, y - s, s, s);
  ctx.strokeStyle = pc.grade.lit(shade(c, 0.6));
  ctx.lineWidth = 3;
  ctx.strokeRect(x - s / 2, y - s, s, s);
  ctx.beginPath();
  ctx.moveTo(x - s / 2, y - s);
  ctx.lineTo(x + s / 2, y);
  ctx.stroke();
}

function ruinsCastle(pc: PlaceContext, kind: "ruins" | "castle" | "church"): PlacePainters {
  const stone: RGB = [150, 140, 125];
  return {
    sky,
    far: (ctx) => {
      const r = pc.rng.fork("far");
      ridge(ctx, pc, r, { baseY: pc.horizonY, amp: 26, step: 110, fill: pc.grade.lit(mix("#5a6a4a", skyColors(pc).horizon, 0.45)), bottom: pc.horizonY + 40 });
    },
    mid: (ctx) => {
      const r = pc.rng.fork("mid");
      const base = pc.horizonY + 30;
      if (kind === "castle") {
        ctx.fillStyle = pc.grade.lit(stone);
        ctx.fillRect(pc.x0, base - 180, pc.x1 - pc.x0, 180);
        for (let x = pc.x0; x < pc.x1; x += 40) ctx.fillRect(x, base - 200, 24, 20);
        for (let i = 0; i < 3; i++) {
          const tx = pc.x0 + ((i + 0.5) * (pc.x1 - pc.x0)) / 3 + r.range(-60, 60);
          ctx.fillStyle = pc.grade.lit(shade(stone, 0.9));
          ctx.fillRect(tx - 50, base - 320, 100, 320);
          ctx.fillStyle = pc.grade.lit("#5a3a4a");
          gable(ctx, tx, base - 320, 60, base - 400);
          ctx.fillStyle = pc.darkness > 0.4 ? pc.grade.emit("#ffb860") : pc.grade.lit("#2a2a30");
          ctx.fillRect(tx - 8, base - 280, 16, 30);
        }
        ctx.fillStyle = pc.grade.lit("#2a2020");
        ctx.beginPath();
        ctx.arc(pc.W / 2, base - 60, 50, Math.PI, 0);
        ctx.lineTo(pc.W / 2 + 50, base);
        ctx.lineTo(pc.W / 2 - 50, base);
        ctx.fill();
      } else if (kind === "church") {
        const x = pc.W * r.range(0.35, 0.65);
        ctx.fillStyle = pc.grade.lit("#d8d0c0");
        ctx.fillRect(x - 140, base - 200, 280, 200);
        ctx.fillStyle = pc.grade.lit("#6a4a3a");
        gable(ctx, x, base - 200, 160, base - 290);
        ctx.fillStyle = pc.grade.lit("#ccc4b4");
        ctx.fillRect(x - 40, base - 380, 80, 180);
        ctx.fillStyle = pc.grade.lit("#5a3a2a");
        gable(ctx, x, base - 380, 48, base - 480);
        ctx.fillStyle = pc.darkness > 0.4 ? pc.grade.emit("#ffcf80") : pc.grade.lit("#3a4a6a");
        ctx.beginPath();
        ctx.arc(x, base - 140, 30, 0, Math.PI * 2);
        ctx.fill();
        ctx.fillStyle = pc.grade.lit("#3a2a20");
        ctx.fillRect(x - 25, base - 70, 50, 70);
      } else {
        for (let i = 0; i < 7; i++) {
          const x = r.range(pc.x0, pc.x1);
          const h = r.range(80, 260);
          ctx.fillStyle = pc.grade.lit(shade(stone, r.range(0.8, 1.05)));
          ctx.fillRect(x - 18, base - h, 36, h);
          ctx.fillRect(x - 26, base - h - 10, 52, 14);
          ctx.fillRect(x - 26, base - 14, 52, 14);
        }
        ctx.fillStyle = pc.grade.lit(shade(stone, 0.85));
        const ax = r.range(pc.W * 0.2, pc.W * 0.8);
        ctx.beginPath();
        ctx.moveTo(ax - 120, base);
        ctx.lineTo(ax - 120, base - 160);
        ctx.arc(ax, base - 160, 120, Math.PI, Math.PI * 1.55);
        ctx.lineTo(ax - 30, base - 240);
        ctx.lineTo(ax - 60, base - 150);
        ctx.lineTo(ax - 80, base);
        ctx.fill();
      }
      ground(ctx, pc, "#7a7058", "#8a8068", base);
    },
    near: (ctx) => {
      const r = pc.rng.fork("near");
      for (let i = 0; i < 14; i++) {
        ctx.fillStyle = pc.grade.lit(shade(stone, r.range(0.6, 0.9)));
        const x = r.range(pc.x0, pc.x1);
        const y = r.range(pc.horizonY + 60, pc.y1);
        ctx.beginPath();
        ctx.moveTo(x - 30, y);
        ctx.lineTo(x - 20, y - r.range(14, 30));
        ctx.lineTo(x + 24, y - r.range(10, 26));
        ctx.lineTo(x + 34, y);
        ctx.fill();
      }
    },
  };
}

function space(pc: PlaceContext): PlacePainters {
  return {
    sky: (ctx) => {
      ctx.fillStyle = pc.grade.emit("#03040a");
      ctx.fillRect(pc.x0, pc.y0, pc.x1 - pc.x0, pc.y1 - pc.y0);
      const r = pc.rng.fork("stars");
      const neb = r.pick(["#5a2a8a", "#1a4a8a", "#8a2a4a", "#1a6a6a"]);
      for (let i = 0; i < 6; i++) glow(ctx, r.range(pc.x0, pc.x1), r.range(pc.y0, pc.y1), r.range(150, 350), pc.grade.emit(neb, 0.18));
      for (let i = 0; i < 500; i++) {
        ctx.fillStyle = pc.grade.emit("#ffffff", r.range(0.2, 1));
        const s = r.range(0.6, 2);
        ctx.fillRect(r.range(pc.x0, pc.x1), r.range(pc.y0, pc.y1), s, s);
      }
    },
    far: (ctx) => {
      const r = pc.rng.fork("planet");
      const x = r.range(pc.W * 0.2, pc.W * 0.8);
      const y = r.range(pc.H * 0.2, pc.H * 0.5);
      const rad = r.range(90, 180);
      const c = r.pick(["#c07a4a", "#4a8ac0", "#8ac07a", "#c0a05a"]);
      const g = ctx.createRadialGradient(x - rad * 0.4, y - rad * 0.4, rad * 0.1, x, y, rad);
      g.addColorStop(0, pc.grade.emit(tint(c, 0.3)));
      g.addColorStop(0.7, pc.grade.emit(c));
      g.addColorStop(1, pc.grade.emit(shade(c, 0.2)));
      ctx.fillStyle = g;
      ctx.beginPath();
      ctx.arc(x, y, rad, 0, Math.PI * 2);
      ctx.fill();
      pc.lights.push({ x: x - rad * 0.5, y: y - rad * 0.5, color: pc.grade.emit("#ffffff"), size: 40 });
    },
    near: (ctx) => {
      // a hull platform to stand on
      const y = pc.horizonY + (pc.y1 - pc.horizonY) * 0.4;
      ctx.fillStyle = vgrad(ctx, y, pc.y1, [[0, pc.grade.lit("#6a7080")], [1, pc.grade.lit("#3a404a")]]);
      ctx.fillRect(pc.x0, y, pc.x1 - pc.x0, pc.y1 - y);
      ctx.strokeStyle = pc.grade.lit("#2a2e38");
      ctx.lineWidth = 2;
      for (let x = pc.x0; x < pc.x1; x += 80) {
        ctx.beginPath();
        ctx.moveTo(x, y);
        ctx.lineTo(x + (x - pc.W / 2) * 0.5, pc.y1);
        ctx.stroke();
      }
      for (let x = pc.x0 + 40; x < pc.x1; x += 160) lamp(ctx, pc, x, y + 6, 3, "#ff4040", 0.6);
    },
  };
}

export const EXTERIORS = {
  desert,
  beach: (pc: PlaceContext) => seaLike(pc, true),
  sea: (pc: PlaceContext) => seaLike(pc, false),
  snowfield: (pc: PlaceContext) => snowMountain(pc, "snowfield"),
  mountain: (pc: PlaceContext) => snowMountain(pc, "mountain"),
  field: (pc: PlaceContext) => fieldLike(pc, "field"),
  river: (pc: PlaceContext) => fieldLike(pc, "river"),
  road: (pc: PlaceContext) => fieldLike(pc, "road"),
  village: (pc: PlaceContext) => fieldLike(pc, "village"),
  house: (pc: PlaceContext) => fieldLike(pc, "village"),
  forest,
  "city-street": (pc: PlaceContext) => cityLike(pc, "city-street"),
  station,
  "neon-alley": (pc: PlaceContext) => cityLike(pc, "neon-alley"),
  rooftop: (pc: PlaceContext) => cityLike(pc, "rooftop"),
  market: (pc: PlaceContext) => cityLike(pc, "market"),
  ruins: (pc: PlaceContext) => ruinsCastle(pc, "ruins"),
  castle: (pc: PlaceContext) => ruinsCastle(pc, "castle"),
  church: (pc: PlaceContext) => ruinsCastle(pc, "church"),
  space,
} satisfies Record<string, (pc: PlaceContext) => PlacePainters>;


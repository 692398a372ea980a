/** Indoor places: the back wall is the "sky" layer; furniture and props fill the nearer layers. */
import { mix, shade, tint, type RGB } from "../color";
import { floor, glow, lamp, lightShaft, vgrad, wall, windowOut } from "./kit";
import { outdoorDarkness } from "../grade";
import { crate } from "./exteriors";
import type { PlaceContext, PlacePainters } from "./place-context";

const wallBase = (pc: PlaceContext) => pc.horizonY + (pc.y1 - pc.horizonY) * 0.18;

function room(pc: PlaceContext): PlacePainters {
  const r0 = pc.rng.fork("room");
  const wallColor = r0.pick(["#b8a48a", "#8a9a8a", "#a88a7a", "#9aa4b0", "#c0b090", "#7a8a9a"]);
  const pattern = r0.pick(["plain", "stripes", "panels"] as const);
  const base = wallBase(pc);
  return {
    sky: (ctx) => {
      wall(ctx, pc, wallColor, pattern, base);
      floor(ctx, pc, base, r0.pick(["#7a5a3a", "#6a4a30", "#8a6a4a"]));
    },
    far: (ctx) => {
      const r = pc.rng.fork("far");
      const wx = pc.W * r.range(0.15, 0.6);
      windowOut(ctx, pc, wx, pc.horizonY - 230, 220, 200, "#e8e0d0");
      if (pc.darkness < 0.5) lightShaft(ctx, pc, wx, pc.horizonY - 30, 220, base - pc.horizonY + 200, "#fff2d0", 0.2);
      // picture frames
      for (let i = 0; i < 2; i++) {
        const x = r.range(pc.x0, pc.x1);
        if (Math.abs(x - wx - 110) < 200) continue;
        ctx.fillStyle = pc.grade.lit("#4a3020");
        ctx.fillRect(x, pc.horizonY - 200, 90, 70);
        ctx.fillStyle = pc.grade.lit(r.pick(["#5a7a9a", "#9a6a4a", "#6a8a5a"]));
        ctx.fillRect(x + 8, pc.horizonY - 192, 74, 54);
      }
    },
    mid: (ctx) => {
      const r = pc.rng.fork("mid");
      // sofa or bed against the wall, a side table with a lamp
      const x = pc.W * r.range(0.55, 0.85);
      const c = r.pick(["#6a3a3a", "#3a4a6a", "#4a5a3a", "#7a6a5a"]);
      ctx.fillStyle = pc.grade.lit(c);
      ctx.beginPath();
      ctx.roundRect(x - 160, base - 90, 320, 90, 14);
      ctx.fill();
      ctx.fillStyle = pc.grade.lit(shade(c, 0.8));
      ctx.beginPath();
      ctx.roundRect(x - 170, base - 130, 340, 60, 16);
      ctx.fill();
      const tx = x - 230;
      ctx.fillStyle = pc.grade.lit("#5a3a22");
      ctx.fillRect(tx - 30, base - 70, 60, 70);
      ctx.fillStyle = pc.grade.lit("#3a2a1a");
      ctx.fillRect(tx - 3, base - 120, 6, 50);
      ctx.fillStyle = pc.grade.emit(pc.darkness > 0.3 ? "#ffe0a0" : "#e8d8b8");
      ctx.beginPath();
      ctx.moveTo(tx - 26, base - 120);
      ctx.lineTo(tx + 26, base - 120);
      ctx.lineTo(tx + 16, base - 150);
      ctx.lineTo(tx - 16, base - 150);
      ctx.fill();
      if (pc.darkness > 0.3) {
        glow(ctx, tx, base - 130, 220, pc.grade.emit("#ffc870", 0.3));
        pc.lights.push({ x: tx, y: base - 132, color: pc.grade.emit("#ffd890"), size: 40 });
      }
    },
    near: (ctx) => {
      const r = pc.rng.fork("rug");
      ctx.fillStyle = pc.grade.lit(r.pick(["#8a3a2a", "#2a4a6a", "#6a5a2a"]), 0.85);
      ctx.beginPath();
      ctx.ellipse(pc.W / 2, base + (pc.y1 - base) * 0.55, pc.W * 0.35, (pc.y1 - base) * 0.25, 0, 0, Math.PI * 2);
      ctx.fill();
    },
  };
}

function bar(pc: PlaceContext): PlacePainters {
  const r0 = pc.rng.fork("bar");
  const wood: RGB = r0.pick([[110, 66, 38], [90, 56, 34], [120, 80, 50]] as RGB[]);
  const base = wallBase(pc);
  const counterTop = pc.horizonY + (base - pc.horizonY) * 0.2 + 30;
  return {
    sky: (ctx) => {
      wall(ctx, pc, shade(wood, 0.9), "planks", base);
      floor(ctx, pc, base, shade(wood, 0.8));
    },
    far: (ctx) => {
      const r = pc.rng.fork("far");
      // mirror and shelves with bottles
      ctx.fillStyle = pc.grade.lit(mix("#8090a0", wood, 0.5));
      ctx.fillRect(pc.x0, pc.horizonY - 260, pc.x1 - pc.x0, 120);
      ctx.fillStyle = pc.grade.lit(shade(wood, 0.6));
      for (const y of [pc.horizonY - 140, pc.horizonY - 60]) {
        ctx.fillRect(pc.x0, y, pc.x1 - pc.x0, 10);
        for (let x = pc.x0 + 10; x < pc.x1; x += r.range(16, 28)) {
          const c = r.pick(["#2a6a3a", "#7a3a1a", "#c8a040", "#3a2a5a", "#a0a8b0", "#6a1a1a"]);
          const h = r.range(34, 60);
          ctx.fillStyle = pc.grade.lit(c, 0.92);
          ctx.fillRect(x, y - h, 12, h);
          ctx.fillRect(x + 3, y - h - 14, 6, 14);
          ctx.fillStyle = pc.grade.emit("#ffffff", 0.18);
          ctx.fillRect(x + 2, y - h + 4, 3, h - 10);
          ctx.fillStyle = pc.grade.lit(shade(wood, 0.6));
        }
      }
      ctx.fillStyle = pc.grade.lit(shade(wood, 0.6));
    },
    mid: (ctx) => {
      const r = pc.rng.fork("mid");
      // pendant lamps
      for (let i = 0; i < 4; i++) {
        const x = pc.x0 + ((i + 0.5) * (pc.x1 - pc.x0)) / 4 + r.range(-30, 30);
        const y = pc.top + r.range(80, 140);
        ctx.strokeStyle = pc.grade.lit("#1a1410");
        ctx.lineWidth = 2;
        ctx.beginPath();
        ctx.moveTo(x, pc.y0);
        ctx.lineTo(x, y);
        ctx.stroke();
        ctx.fillStyle = pc.grade.lit("#2a2018");
        ctx.beginPath();
        ctx.moveTo(x - 34, y + 22);
        ctx.lineTo(x + 34, y + 22);
        ctx.lineTo(x + 12, y);
        ctx.lineTo(x - 12, y);
        ctx.fill();
        lamp(ctx, pc, x, y + 24, 9, "#ffc060", 1.1);
      }
    },
    near: (ctx) => {
      // the counter
      ctx.fillStyle = vgrad(ctx, counterTop, counterTop + 260, [[0, pc.grade.lit(tint(wood, 0.1))], [1, pc.grade.lit(shade(wood, 0.55))]]);
      ctx.fillRect(pc.x0, counterTop, pc.x1 - pc.x0, 260);
      ctx.fillStyle = pc.grade.lit(shade(wood, 0.45));
      ctx.fillRect(pc.x0, counterTop, pc.x1 - pc.x0, 16);
      ctx.fillStyle = pc.grade.lit("#c8a040");
      ctx.fillRect(pc.x0, counterTop + 200, pc.x1 - pc.x0, 8);
      const r = pc.rng.fork("glasses");
      for (let i = 0; i < 5; i++) {
        const x = r.range(pc.x0, pc.x1);
        ctx.fillStyle = pc.grade.lit("#d8c890", 0.7);
        ctx.fillRect(x, counterTop - 26, 18, 26);
        ctx.fillStyle = pc.grade.emit("#ffffff", 0.35);
        ctx.fillRect(x + 3, counterTop - 22, 3, 18);
      }
    },
  };
}

function office(pc: PlaceContext, lab: boolean): PlacePainters {
  const base = wallBase(pc);
  const wallC = lab ? "#d8dde2" : pc.rng.fork("o").pick(["#a8a090", "#8a9098", "#b0a890"]);
  return {
    sky: (ctx) => {
      wall(ctx, pc, wallC, lab ? "panels" : "plain", base);
      floor(ctx, pc, base, lab ? "#b8bec4" : "#5a5a60", !lab);
    },
    far: (ctx) => {
      const r = pc.rng.fork("far");
      if (lab) {
        for (let i = 0; i < 3; i++) {
          const x = pc.x0 + ((i + 0.3) * (pc.x1 - pc.x0)) / 3;
          ctx.fillStyle = pc.grade.lit("#20262e");
          ctx.fillRect(x, pc.horizonY - 230, 200, 120);
          ctx.fillStyle = pc.grade.emit(r.pick(["#30c0e0", "#40e0a0", "#e0e060"]), 0.85);
          for (let k = 0; k < 6; k++) ctx.fillRect(x + 12, pc.horizonY - 218 + k * 18, r.range(40, 170), 6);
          pc.lights.push({ x: x + 100, y: pc.horizonY - 170, color: pc.grade.emit("#60d0f0"), size: 50 });
        }
      } else {
        windowOut(ctx, pc, pc.W * r.range(0.1, 0.5), pc.horizonY - 260, 320, 230, "#d0d0d0", { blinds: true });
        ctx.fillStyle = pc.grade.lit("#6a6a70");
        const cx = pc.W * r.range(0.65, 0.9);
        ctx.fillRect(cx, base - 170, 90, 170);
        ctx.strokeStyle = pc.grade.lit("#3a3a40");
        ctx.lineWidth = 2;
        for (let k = 1; k < 4; k++) {
          ctx.strokeRect(cx + 6, base - 170 + k * 40, 78, 36);
        }
      }
      // ceiling lights
      for (let x = pc.x0 + 80; x < pc.x1; x += 300) {
        ctx.fillStyle = pc.grade.emit("#f0f4ff", 0.9);
        ctx.fillRect(x, pc.top + 10, 160, 10);
        glow(ctx, x + 80, pc.top + 15, 140, pc.grade.emit("#f0f4ff", 0.18));
      }
    },
    mid: (ctx) => {
      const r = pc.rng.fork("mid");
      const deskY = pc.horizonY + 40;
      for (let i = 0; i < 2; i++) {
        const x = pc.x0 + ((i + 0.2 + r.range(0, 0.2)) * (pc.x1 - pc.x0)) / 2;
        ctx.fillStyle = pc.grade.lit(lab ? "#e8ecf0" : "#5a4030");
        ctx.fillRect(x, deskY, 300, 14);
        ctx.fillStyle = pc.grade.lit(lab ? "#a0a8b0" : "#4a3020");
        ctx.fillRect(x + 10, deskY + 14, 14, base - deskY - 14 + 30);
        ctx.fillRect(x + 276, deskY + 14, 14, base - deskY - 14 + 30);
        if (lab) {
          for (let k = 0; k < 4; k++) {
            const gx = x + 40 + k * 60;
            ctx.fillStyle = pc.grade.emit(r.pick(["#60e0a0", "#60a0ff", "#ff80c0", "#ffe060"]), 0.6);
            ctx.beginPath();
            ctx.moveTo(gx - 14, deskY);
            ctx.lineTo(gx + 14, deskY);
            ctx.lineTo(gx + 5, deskY - 30);
            ctx.lineTo(gx + 5, deskY - 50);
            ctx.lineTo(gx - 5, deskY - 50);
            ctx.lineTo(gx - 5, deskY - 30);
            ctx.fill();
          }
        } else {
          ctx.fillStyle = pc.grade.lit("#1a1a1e");
          ctx.fillRect(x + 100, deskY - 80, 110, 74);
          ctx.fillStyle = pc.grade.emit("#7ab0e0", 0.8);
          ctx.fillRect(x + 106, deskY - 74, 98, 60);
          ctx.fillStyle = pc.grade.lit("#e8e4d8");
          ctx.fillRect(x + 230, deskY - 8, 50, 8);
        }
      }
    },
  };
}

function warehouse(pc: PlaceContext): PlacePainters {
  const base = wallBase(pc);
  return {
    sky: (ctx) => {
      wall(ctx, pc, "#6a6a6e", "panels", base);
      floor(ctx, pc, base, "#5a5854", false);
    },
    far: (ctx) => {
      ctx.fillStyle = pc.grade.lit("#3a3a3e");
      for (let x = pc.x0; x < pc.x1; x += 220) ctx.fillRect(x, pc.y0, 20, base - pc.y0);
      ctx.fillRect(pc.x0, pc.top + 60, pc.x1 - pc.x0, 16);
      for (let x = pc.x0 + 60; x < pc.x1; x += 260) {
        ctx.fillStyle = pc.grade.emit(outdoorDarkness(pc.place.timeOfDay) > 0.5 ? "#1a2038" : "#dfe8f0", 0.9);
        ctx.fillRect(x, pc.top + 10, 120, 40);
        if (pc.darkness < 0.5) lightShaft(ctx, pc, x, pc.top + 50, 120, base - pc.y0, "#fff6e0", 0.14);
      }
    },
    mid: (ctx) => {
      const r = pc.rng.fork("mid");
      for (let i = 0; i < 6; i++) {
        const x = r.range(pc.x0, pc.x1);
        const s = r.range(60, 90);
        for (let k = 0; k < r.int(1, 3); k++) crate(ctx, pc, x, base + 20 - k * s, s, r);
      }
      if (pc.darkness > 0.3) for (let x = pc.x0 + 150; x < pc.x1; x += 400) lamp(ctx, pc, x, pc.top + 120, 10, "#ffe0a0");
    },
  };
}

function cave(pc: PlaceContext): PlacePainters {
  const rock: RGB = [74, 66, 60];
  return {
    sky: (ctx) => {
      ctx.fillStyle = pc.grade.lit(shade(rock, 0.5));
      ctx.fillRect(pc.x0, pc.y0, pc.x1 - pc.x0, pc.y1 - pc.y0);
      const r = pc.rng.fork("mouth");
      const x = pc.W * r.range(0.3, 0.7);
      ctx.fillStyle = pc.grade.emit(mix("#a0b8d0", "#202840", pc.darkness), 0.9);
      ctx.beginPath();
      ctx.ellipse(x, pc.horizonY - 40, 120, 150, 0, 0, Math.PI * 2);
      ctx.fill();
    },
    far: (ctx) => {
      const r = pc.rng.fork("far");
      for (let i = 0; i < 18; i++) {
        ctx.fillStyle = pc.grade.lit(shade(rock, r.range(0.6, 0.9)));
        ctx.beginPath();
        ctx.ellipse(r.range(pc.x0, pc.x1), r.range(pc.y0, pc.y1), r.range(80, 200), r.range(60, 160), r.range(0, 3), 0, Math.PI * 2);
        ctx.fill();
      }
      ctx.fillStyle = pc.grade.lit(shade(rock, 0.7));
      for (let i = 0; i < 20; i++) {
        const x = r.range(pc.x0, pc.x1);
        const w = r.range(14, 40);
        ctx.beginPath();
        ctx.moveTo(x - w, pc.top - 20);
        ctx.lineTo(x, pc.top + r.range(60, 180));
        ctx.lineTo(x + w, pc.top - 20);
        ctx.fill();
      }
    },
    mid: (ctx) => {
      const base = wallBase(pc);
      ctx.fillStyle = vgrad(ctx, base - 40, pc.y1, [[0, pc.grade.lit(shade(rock, 0.8))], [1, pc.grade.lit(rock)]]);
      ctx.fillRect(pc.x0, base - 40, pc.x1 - pc.x0, pc.y1 - base + 40);
      const r = pc.rng.fork("fire");
      const fx = pc.W * r.range(0.15, 0.85);
      glow(ctx, fx, base, 320, pc.grade.emit("#ff9040", 0.35));
      lamp(ctx, pc, fx, base - 12, 14, "#ffb040", 1.2);
    },
  };
}

function spaceship(pc: PlaceContext): PlacePainters {
  const base = wallBase(pc);
  const hull = pc.grade.look.palette === "eighties" ? "#4a4a5a" : "#8a949e";
  const accent = pc.rng.fork("ship").pick(["#30d0ff", "#ff8030", "#50ff90", "#ff3050"]);
  return {
    sky: (ctx) => {
      wall(ctx, pc, hull, "panels", base);
      floor(ctx, pc, base, shade(hull, 0.6), false);
      // a viewport to space
      const x = pc.W * pc.rng.fork("port").range(0.25, 0.6);
      ctx.fillStyle = pc.grade.emit("#02030a");
      ctx.beginPath();
      ctx.roundRect(x, pc.horizonY - 250, 340, 150, 40);
      ctx.fill();
      const r = pc.rng.fork("stars");
      for (let i = 0; i < 80; i++) {
        ctx.fillStyle = pc.grade.emit("#ffffff", r.range(0.3, 1));
        ctx.fillRect(x + r.range(20, 320), pc.horizonY - 240 + r.range(0, 130), 2, 2);
      }
      ctx.strokeStyle = pc.grade.lit(shade(hull, 0.5));
      ctx.lineWidth = 10;
      ctx.beginPath();
      ctx.roundRect(x, pc.horizonY - 250, 340, 150, 40);
      ctx.stroke();
    },
    far: (ctx) => {
      const r = pc.rng.fork("far");
      for (let x = pc.x0 + 20; x < pc.x1; x += 140) {
        ctx.fillStyle = pc.grade.emit(accent, 0.9);
        ctx.fillRect(x, pc.top + 30, 80, 6);
        glow(ctx, x + 40, pc.top + 33, 70, pc.grade.emit(accent, 0.2));
        for (let k = 0; k < 3; k++) {
          ctx.fillStyle = pc.grade.emit(r.pick([accent, "#ffffff", "#ffd040"]), r.range(0.5, 1));
          ctx.fillRect(x + k * 14, base - 60, 8, 8);
        }
      }
    },
    mid: (ctx) => {
      const y = pc.horizonY + 30;
      ctx.fillStyle = pc.grade.lit(shade(hull, 0.45));
      ctx.beginPath();
      ctx.moveTo(pc.x0, y + 30);
      ctx.lineTo(pc.x1, y + 30);
      ctx.lineTo(pc.x1, y + 130);
      ctx.lineTo(pc.x0, y + 130);
      ctx.fill();
      const r = pc.rng.fork("console");
      for (let x = pc.x0 + 40; x < pc.x1; x += 90) {
        ctx.fillStyle = pc.grade.emit(r.pick([accent, "#ffd040", "#ffffff"]), r.range(0.5, 0.95));
        ctx.fillRect(x, y + 40, 50, 20);
      }
      pc.lights.push({ x: pc.W / 2, y: y + 50, color: pc.grade.emit(accent), size: 60 });
    },
  };
}

function churchCastleIn(pc: PlaceContext, kind: "church" | "castle" | "station" | "train"): PlacePainters {
  const base = wallBase(pc);
  const stone: RGB = kind === "station" ? [150, 140, 130] : kind === "train" ? [120, 90, 70] : [130, 122, 110];
  return {
    sky: (ctx) => {
      wall(ctx, pc, stone, kind === "train" ? "panels" : "stone", base);
      floor(ctx, pc, base, kind === "train" ? "#4a3a3a" : shade(stone, 0.75), kind === "train");
    },
    far: (ctx) => {
      const r = pc.rng.fork("far");
      if (kind === "church") {
        for (let x = pc.x0 + 60; x < pc.x1; x += 260) {
          ctx.beginPath();
          ctx.moveTo(x, pc.horizonY - 40);
          ctx.lineTo(x, pc.horizonY - 240);
          ctx.arc(x + 50, pc.horizonY - 240, 50, Math.PI, 0);
          ctx.lineTo(x + 100, pc.horizonY - 40);
          ctx.closePath();
          ctx.save();
          ctx.clip();
          for (let k = 0; k < 16; k++) {
            ctx.fillStyle = pc.grade.emit(r.pick(["#c03030", "#3050c0", "#e0c040", "#30a060", "#8040a0"]), 0.9);
            ctx.fillRect(x + (k % 4) * 25, pc.horizonY - 290 + Math.floor(k / 4) * 64, 25, 64);
          }
          ctx.restore();
          pc.lights.push({ x: x + 50, y: pc.horizonY - 150, color: pc.grade.emit("#ffe0b0"), size: 60 });
          lightShaft(ctx, pc, x, pc.horizonY - 40, 100, base - pc.horizonY + 140, "#ffe8c0", 0.12);
        }
      } else if (kind === "castle") {
        for (let x = pc.x0 + 100; x < pc.x1; x += 300) {
          ctx.fillStyle = pc.grade.lit(r.pick(["#7a1a1a", "#1a2a6a", "#1a5a2a"]));
          ctx.fillRect(x, pc.top + 40, 90, 220);
          ctx.fillStyle = pc.grade.lit("#d0a030");
          ctx.fillRect(x + 35, pc.top + 100, 20, 20);
          lamp(ctx, pc, x + 190, pc.horizonY - 120, 10, "#ff9a40", 1.2);
        }
      } else if (kind === "station") {
        ctx.fillStyle = pc.grade.lit("#2a2a2e");
        ctx.fillRect(pc.x0, base - 40, pc.x1 - pc.x0, 40);
        for (let x = pc.x0; x < pc.x1; x += 240) {
          ctx.fillStyle = pc.grade.lit(shade(stone, 0.8));
          ctx.fillRect(x, pc.y0, 40, base - pc.y0);
        }
        const cx = pc.W * r.range(0.3, 0.7);
        ctx.fillStyle = pc.grade.lit("#f0ece0");
        ctx.beginPath();
        ctx.arc(cx, pc.horizonY - 220, 40, 0, Math.PI * 2);
        ctx.fill();
        ctx.strokeStyle = pc.grade.lit("#1a1a1a");
        ctx.lineWidth = 4;
        ctx.beginPath();
        ctx.moveTo(cx, pc.horizonY - 220);
        ctx.lineTo(cx, pc.horizonY - 250);
        ctx.moveTo(cx, pc.horizonY - 220);
        ctx.lineTo(cx + 20, pc.horizonY - 215);
        ctx.stroke();
        for (let x = pc.x0 + 120; x < pc.x1; x += 480) lamp(ctx, pc, x, pc.top + 100, 9, "#fff0c0");
      } else {
        for (let x = pc.x0 + 40; x < pc.x1; x += 280) windowOut(ctx, pc, x, pc.horizonY - 230, 200, 140, "#3a2a20");
      }
    },
    mid:
      kind === "church" || kind === "train"
        ? (ctx) => {
            const color = kind === "church" ? "#5a3a22" : "#6a2a2a";
            for (let x = pc.x0; x < pc.x1; x += kind === "church" ? 200 : 280) {
              ctx.fillStyle = pc.grade.lit(color);
              ctx.fillRect(x, base - 70, kind === "church" ? 170 : 90, 70);
              ctx.fillStyle = pc.grade.lit(shade(color, 0.8));
              ctx.fillRect(x, base - 110, kind === "church" ? 170 : 90, 40);
            }
          }
        : undefined,
  };
}

export const INTERIORS = {
  room,
  house: room,
  bar,
  office: (pc: PlaceContext) => office(pc, false),
  lab: (pc: PlaceContext) => office(pc, true),
  warehouse,
  cave,
  spaceship,
  church: (pc: PlaceContext) => churchCastleIn(pc, "church"),
  castle: (pc: PlaceContext) => churchCastleIn(pc, "castle"),
  station: (pc: PlaceContext) => churchCastleIn(pc, "station"),
  train: (pc: PlaceContext) => churchCastleIn(pc, "train"),
} satisfies Record<string, (pc: PlaceContext) => PlacePainters>;


/**
 * A character's body, drawn from its locked identity and nothing else, so it looks the same in every
 * framing. Units: feet at (0, 0), top of the head at (0, -1); the caller scales by pixels per unit.
 * The face's moving parts (eyes, brows, mouth) are drawn per frame by drawFace.
 */
import type { Identity } from "../../screenplay/schema";
import { mix, shade, tint, type RGB } from "../color";
import type { Grade } from "../grade";
import type { Ctx } from "../places/place-context";
import { makeRng } from "../rng";
import { BODY } from "../shot-layout";
import { drawAnimalFigure } from "./draw-animal";
import { drawRobotFigure } from "./draw-robot";
import { headPath } from "./head-path";
import { proportionsOf, wearsCoat } from "./proportions";
import type { ArmPose, BodyPose } from "../pose";

export interface FigureOptions {
  /** Seen from behind. */
  back: boolean;
  /** Head turn -1..1. */
  facing: number;
  /** An animal's anchor on its feet point: its eye (close framings) or its middle (the default). */
  centre?: "eyes" | "body";
  /** Sits on a horse facing this way (feet at the saddle less the hip height): legs drawn astride. */
  rides?: 1 | -1;
  /** Arms turned at the shoulder, feet lifted (a gesture, a step); absent is at rest. */
  pose?: Pick<BodyPose, "arms" | "lift">;
}

export function drawFigure(ctx: Ctx, id: Identity, grade: Grade, opts: FigureOptions): void {
  if (opts.rides && id.body !== "animal") return drawRider(ctx, id, grade, opts.rides, opts);
  if (id.body === "robot") return drawRobotFigure(ctx, id, grade, opts);
  if (id.body === "animal") return drawAnimalFigure(ctx, id, grade, opts);
  const p = proportionsOf(id);
  const skin = id.face.skin;
  const hair = id.hair.color;
  const top = id.wardrobe.top;
  const bottom = id.wardrobe.bottom;
  const accent = id.wardrobe.accent;
  const coat = wearsCoat(id);
  const L = (c: string | RGB, a = 1) => grade.lit(c, a);
  const hx = opts.back ? 0 : opts.facing * 0.008;
  const cy = BODY.headY;

  // hair behind the head and shoulders
  if (!opts.back) hairBack(ctx, id, grade, cy, p.headRx, p.headRy);

  // legs and shoes (a lifted foot: that leg drawn shorter, its shoe off the ground)
  const legTop = BODY.hipY;
  const lift = (s: number) => opts.pose?.lift[s < 0 ? 0 : 1] ?? 0;
  ctx.fillStyle = L(bottom);
  for (const s of [-1, 1]) {
    ctx.beginPath();
    ctx.moveTo(s * 0.006, legTop);
    ctx.lineTo(s * (p.hip - 0.004), legTop);
    ctx.lineTo(s * (p.leg + 0.012), -0.04 - lift(s));
    ctx.lineTo(s * 0.01, -0.04 - lift(s));
    ctx.closePath();
    ctx.fill();
  }
  ctx.fillStyle = L(shade(bottom, 0.8));
  ctx.fillRect(-0.004, legTop, 0.008, 0.2);
  ctx.fillStyle = L("#1e1a18");
  for (const s of [-1, 1]) {
    const y = -lift(s);
    ctx.beginPath();
    ctx.ellipse(s * (p.leg * 0.6 + 0.012), y - 0.018, p.leg * 0.85, 0.02, 0, Math.PI, 0);
    ctx.lineTo(s * (p.leg * 0.6 + 0.012) + p.leg * 0.85, y);
    ctx.lineTo(s * (p.leg * 0.6 + 0.012) - p.leg * 0.85, y);
    ctx.fill();
  }

  // torso (and coat skirt)
  const torso = (bottomY: number, flare: number) => {
    ctx.beginPath();
    ctx.moveTo(-p.neck, BODY.shoulderY - 0.012);
    ctx.quadraticCurveTo(-p.shoulder, BODY.shoulderY - 0.01, -p.shoulder, BODY.shoulderY + 0.04);
    ctx.lineTo(-p.waist, BODY.waistY);
    ctx.lineTo(-p.hip - flare, bottomY);
    ctx.lineTo(p.hip + flare, bottomY);
    ctx.lineTo(p.waist, BODY.waistY);
    ctx.lineTo(p.shoulder, BODY.shoulderY + 0.04);
    ctx.quadraticCurveTo(p.shoulder, BODY.shoulderY - 0.01, p.neck, BODY.shoulderY - 0.012);
    ctx.closePath();
  };
  ctx.fillStyle = L(coat ? shade(top, 0.92) : top);
  torso(coat ? -0.24 : BODY.hipY + 0.01, coat ? 0.03 : 0);
  ctx.fill();
  // shading on the far side of the body
  ctx.save();
  ctx.clip();
  ctx.fillStyle = L("#000000", 0.16);
  ctx.fillRect(p.waist * 0.35, BODY.shoulderY - 0.05, p.shoulder * 2, 0.8);
  ctx.restore();
  if (coat) {
    // open coat: a shirt stripe of the accent colour down the front
    ctx.fillStyle = L(mix(accent, "#ffffff", 0.15));
    ctx.beginPath();
    ctx.moveTo(-p.neck * 0.8, BODY.shoulderY - 0.01);
    ctx.lineTo(p.neck * 0.8, BODY.shoulderY - 0.01);
    ctx.lineTo(p.waist * 0.3, BODY.waistY + 0.05);
    ctx.lineTo(-p.waist * 0.3, BODY.waistY + 0.05);
    ctx.fill();
  } else {
    // belt
    ctx.fillStyle = L(shade(accent, 0.7));
    ctx.fillRect(-p.waist - 0.002, BODY.hipY - 0.012, (p.waist + 0.002) * 2, 0.016);
    ctx.fillStyle = L(tint(accent, 0.3));
    ctx.fillRect(-0.008, BODY.hipY - 0.012, 0.016, 0.016);
  }
  // collar / scarf in the accent colour
  ctx.fillStyle = L(accent);
  ctx.beginPath();
  ctx.moveTo(-p.neck * 1.5, BODY.shoulderY - 0.016);
  ctx.quadraticCurveTo(0, BODY.shoulderY + 0.035, p.neck * 1.5, BODY.shoulderY - 0.016);
  ctx.lineTo(p.neck * 1.1, BODY.shoulderY + 0.004);
  ctx.quadraticCurveTo(0, BODY.shoulderY + 0.05, -p.neck * 1.1, BODY.shoulderY + 0.004);
  ctx.fill();

  // arms: at rest, hanging; in a pose, bent at the elbow (a gesture, the swing of a walk)
  for (const s of [-1, 1]) {
    const arm = opts.pose?.arms[s < 0 ? 0 : 1];
    if (arm) {
      posedArm(ctx, s, arm, p, L(s > 0 ? shade(top, 0.82) : top), L(s > 0 ? shade(skin, 0.88) : skin));
      continue;
    }
    ctx.fillStyle = L(s > 0 ? shade(top, 0.82) : top);
    ctx.beginPath();
    ctx.moveTo(s * (p.shoulder - 0.004), BODY.shoulderY + 0.005);
    ctx.quadraticCurveTo(s * (p.shoulder + p.arm * 0.9), BODY.shoulderY + 0.02, s * (p.shoulder + p.arm * 0.5), BODY.shoulderY + 0.1);
    ctx.lineTo(s * (p.waist + p.arm * 1.4), -0.47);
    ctx.lineTo(s * (p.waist + p.arm * 0.2), -0.47);
    ctx.lineTo(s * (p.shoulder - p.arm * 0.9), BODY.shoulderY + 0.09);
    ctx.closePath();
    ctx.fill();
    ctx.fillStyle = L(s > 0 ? shade(skin, 0.88) : skin);
    ctx.beginPath();
    ctx.ellipse(s * (p.waist + p.arm * 0.85), -0.45, p.arm * 0.62, p.arm * 0.9, 0, 0, Math.PI * 2);
    ctx.fill();
  }

  // neck
  ctx.fillStyle = L(shade(skin, 0.86));
  ctx.fillRect(-p.neck + hx * 0.3, cy + p.headRy * 0.6, p.neck * 2, BODY.shoulderY - (cy + p.headRy * 0.6) + 0.004);

  if (opts.back) {
    // the back of the head: hair over all of it (or skin when bald), shaped by the style
    backOfHead(ctx, id, grade, cy, p.headRx, p.headRy);
    ctx.fillStyle = L("#000000", 0.15);
    ctx.beginPath();
    ctx.ellipse(p.headRx * 0.35, cy, p.headRx * 0.7, p.headRy, 0, 0, Math.PI * 2);
    ctx.fill();
    headwear(ctx, id, grade, cy, p.headRx, p.headRy, 0, true);
    return;
  }

  ctx.save();
  ctx.translate(hx, 0);
  // ears
  ctx.fillStyle = L(shade(skin, 0.92));
  for (const s of [-1, 1]) {
    ctx.beginPath();
    ctx.ellipse(s * p.headRx * 0.98 - hx * 0.6, cy + 0.004, 0.011, 0.017, 0, 0, Math.PI * 2);
    ctx.fill();
  }
  // head
  ctx.fillStyle = L(skin);
  headPath(ctx, id.face.shape, cy, p.headRx, p.headRy);
  ctx.fill();
  // side shading (key light from screen left)
  ctx.save();
  headPath(ctx, id.face.shape, cy, p.headRx, p.headRy);
  ctx.clip();
  ctx.fillStyle = L(shade(skin, 0.7), 0.35);
  ctx.beginPath();
  ctx.ellipse(p.headRx * 0.95, cy + 0.01, p.headRx * 0.55, p.headRy * 1.2, 0, 0, Math.PI * 2);
  ctx.fill();
  ctx.fillStyle = L(mix(skin, "#d04040", 0.25), 0.25);
  for (const s of [-1, 1]) {
    ctx.beginPath();
    ctx.ellipse(s * p.headRx * 0.55 + opts.facing * 0.01, cy + 0.024, 0.013, 0.009, 0, 0, Math.PI * 2);
    ctx.fill();
  }
  ctx.restore();
  const fx = opts.facing * 0.012;
  // nose
  ctx.strokeStyle = L(shade(skin, 0.68));
  ctx.lineWidth = 0.0035;
  ctx.lineCap = "round";
  ctx.beginPath();
  ctx.moveTo(fx * 1.4 + 0.002, cy - 0.006);
  ctx.quadraticCurveTo(fx * 1.6 + 0.008, cy + 0.02, fx * 1.4 - 0.002, cy + 0.026);
  ctx.stroke();
  ctx.fillStyle = L(shade(skin, 0.7), 0.6);
  ctx.beginPath();
  ctx.ellipse(fx * 1.4, cy + 0.027, 0.009, 0.004, 0, 0, Math.PI);
  ctx.fill();
  marks(ctx, id, grade, cy, p.headRx, p.headRy, fx);
  hairFront(ctx, id, grade, cy, p.headRx, p.headRy);
  headwear(ctx, id, grade, cy, p.headRx, p.headRy, fx, false);
  ctx.restore();
}

/** How far out from the body's middle a posed arm's hand reaches, in body units (with the hand). */
export function armReach(id: Identity, arm: ArmPose | null): number {
  if (!arm) return 0;
  const p = proportionsOf(id);
  return p.shoulder + Math.max(0, Math.sin(arm.upper) * 0.17 + Math.sin(arm.fore) * 0.15) + p.arm * 1.2 + 0.02;
}

/** One arm in two segments: the upper arm from the shoulder, the forearm from the elbow, the hand. */
function posedArm(ctx: Ctx, s: number, arm: ArmPose, p: ReturnType<typeof proportionsOf>, sleeve: string, hand: string): void {
  const shoulder = { x: s * (p.shoulder - 0.012), y: BODY.shoulderY + 0.03 };
  const elbow = { x: shoulder.x + s * Math.sin(arm.upper) * 0.17, y: shoulder.y + Math.cos(arm.upper) * 0.17 };
  const wrist = { x: elbow.x + s * Math.sin(arm.fore) * 0.15, y: elbow.y + Math.cos(arm.fore) * 0.15 };
  ctx.lineCap = "round";
  ctx.lineJoin = "round";
  ctx.strokeStyle = sleeve;
  ctx.lineWidth = p.arm * 1.9;
  ctx.beginPath();
  ctx.moveTo(shoulder.x, shoulder.y);
  ctx.lineTo(elbow.x, elbow.y);
  ctx.stroke();
  ctx.lineWidth = p.arm * 1.55;
  ctx.beginPath();
  ctx.moveTo(elbow.x, elbow.y);
  ctx.lineTo(wrist.x, wrist.y);
  ctx.stroke();
  ctx.fillStyle = hand;
  ctx.beginPath();
  ctx.ellipse(wrist.x + s * Math.sin(arm.fore) * 0.012, wrist.y + Math.cos(arm.fore) * 0.012, p.arm * 0.62, p.arm * 0.9, -s * arm.fore, 0, Math.PI * 2);
  ctx.fill();
}

/** A rider: the body above the hips, and the near leg in profile down the horse's flank to the stirrup. */
function drawRider(ctx: Ctx, id: Identity, grade: Grade, dir: 1 | -1, opts: FigureOptions): void {
  const p = proportionsOf(id);
  ctx.save();
  ctx.beginPath();
  ctx.rect(-1, -2, 2, 2 + BODY.hipY + 0.03);
  ctx.clip();
  drawFigure(ctx, id, grade, { ...opts, rides: undefined });
  ctx.restore();
  const w = p.leg * 2.1;
  const knee = { x: dir * 0.13, y: BODY.hipY + 0.07 };
  const foot = { x: dir * 0.1, y: BODY.hipY + 0.33 };
  ctx.lineCap = "round";
  ctx.lineJoin = "round";
  ctx.strokeStyle = grade.lit(id.wardrobe.bottom);
  ctx.lineWidth = w;
  ctx.beginPath();
  ctx.moveTo(-dir * 0.02, BODY.hipY + 0.01);
  ctx.lineTo(knee.x, knee.y);
  ctx.lineTo(foot.x, foot.y);
  ctx.stroke();
  ctx.fillStyle = grade.lit("#1e1a18");
  ctx.beginPath();
  ctx.ellipse(foot.x + dir * 0.03, foot.y + 0.01, 0.05, 0.022, 0, 0, Math.PI * 2);
  ctx.fill();
}

/** Hair seen from behind: long hair over the shoulders, one braid, a tied tail, a bun, curls, or cropped. */
function backOfHead(ctx: Ctx, id: Identity, grade: Grade, cy: number, rx: number, ry: number): void {
  const style = id.hair.style;
  const hair = grade.lit(style === "bald" || style === "buzz" ? shade(id.face.skin, 0.9) : id.hair.color);
  const dark = grade.lit(shade(id.hair.color, 0.72));
  ctx.fillStyle = hair;
  if (style === "long") {
    // falls past the nape to the shoulders, fuller at the ends
    ctx.beginPath();
    ctx.moveTo(-rx * 1.04, cy);
    ctx.quadraticCurveTo(-rx * 1.25, cy + ry * 1.6, -rx * 1.15, cy + ry * 2.2);
    ctx.quadraticCurveTo(0, cy + ry * 2.45, rx * 1.15, cy + ry * 2.2);
    ctx.quadraticCurveTo(rx * 1.25, cy + ry * 1.6, rx * 1.04, cy);
    ctx.fill();
  } else if (style === "curly") {
    for (let k = 0; k < 9; k++) {
      const a = (k / 9) * Math.PI * 2;
      ctx.beginPath();
      ctx.arc(Math.cos(a) * rx * 0.95, cy + Math.sin(a) * ry * 0.95, rx * 0.34, 0, Math.PI * 2);
      ctx.fill();
    }
  }
  ctx.beginPath();
  ctx.ellipse(0, cy, rx * 1.04, ry * 1.02, 0, 0, Math.PI * 2);
  ctx.fill();
  if (style === "bald" || style === "buzz") return;
  // a parting of darker strands down the crown
  ctx.strokeStyle = dark;
  ctx.lineWidth = 0.0035;
  for (const dx of [-0.5, 0, 0.5]) {
    ctx.beginPath();
    ctx.moveTo(dx * rx * 0.3, cy - ry * 0.85);
    ctx.quadraticCurveTo(dx * rx * 0.9, cy, dx * rx * 0.7, cy + ry * 0.8);
    ctx.stroke();
  }
  if (style === "braid") {
    // one plait down the middle of the back, its sections drawn as overlapping links, a tie at the end
    for (let k = 0; k < 7; k++) {
      const y = cy + ry * 0.7 + k * 0.026;
      ctx.fillStyle = k % 2 ? dark : hair;
      ctx.beginPath();
      ctx.ellipse((k % 2 ? 1 : -1) * 0.004, y, 0.017 - k * 0.0008, 0.018, 0, 0, Math.PI * 2);
      ctx.fill();
    }
    ctx.fillStyle = grade.lit(id.wardrobe.accent);
    ctx.fillRect(-0.008, cy + ry * 0.7 + 7 * 0.026 - 0.01, 0.016, 0.008);
  } else if (style === "ponytail") {
    ctx.fillStyle = hair;
    ctx.beginPath();
    ctx.moveTo(-0.02, cy + ry * 0.2);
    ctx.quadraticCurveTo(-0.03, cy + ry * 1.4, 0, cy + ry * 2.1);
    ctx.quadraticCurveTo(0.03, cy + ry * 1.4, 0.02, cy + ry * 0.2);
    ctx.fill();
    ctx.fillStyle = grade.lit(id.wardrobe.accent);
    ctx.beginPath();
    ctx.ellipse(0, cy + ry * 0.2, 0.022, 0.01, 0, 0, Math.PI * 2);
    ctx.fill();
  } else if (style === "bun") {
    ctx.fillStyle = dark;
    ctx.beginPath();
    ctx.arc(0, cy - ry * 0.15, rx * 0.45, 0, Math.PI * 2);
    ctx.fill();
    ctx.strokeStyle = hair;
    ctx.beginPath();
    ctx.arc(0, cy - ry * 0.15, rx * 0.28, 0.4, 4.4);
    ctx.stroke();
  }
}

function hairBack(ctx: Ctx, id: Identity, grade: Grade, cy: number, rx: number, ry: number): void {
  const c = grade.lit(shade(id.hair.color, 0.85));
  ctx.fillStyle = c;
  switch (id.hair.style) {
    case "long":
      ctx.beginPath();
      ctx.moveTo(-rx * 1.15, cy - ry * 0.3);
      ctx.quadraticCurveTo(-rx * 1.45, cy + ry * 1.6, -rx * 1.25, BODY.shoulderY + 0.07);
      ctx.lineTo(rx * 1.25, BODY.shoulderY + 0.07);
      ctx.quadraticCurveTo(rx * 1.45, cy + ry * 1.6, rx * 1.15, cy - ry * 0.3);
      ctx.fill();
      break;
    case "bob":
      ctx.beginPath();
      ctx.moveTo(-rx * 1.18, cy - ry * 0.3);
      ctx.quadraticCurveTo(-rx * 1.3, cy + ry * 0.8, -rx * 1.1, cy + ry * 0.95);
      ctx.lineTo(rx * 1.1, cy + ry * 0.95);
      ctx.quadraticCurveTo(rx * 1.3, cy + ry * 0.8, rx * 1.18, cy - ry * 0.3);
      ctx.fill();
      break;
    case "curly": {
      const rng = makeRng(id.seed);
      for (let i = 0; i < 14; i++) {
        const a = Math.PI * (0.85 + (i / 13) * 1.3);
        ctx.beginPath();
        ctx.arc(Math.cos(a) * rx * 1.15, cy + Math.sin(a) * ry * 1.1 + ry * 0.1, rx * rng.range(0.3, 0.42), 0, Math.PI * 2);
        ctx.fill();
      }
      break;
    }
    case "braid":
      for (let i = 0; i < 6; i++) {
        ctx.beginPath();
        ctx.ellipse(rx * 0.95 + (i % 2) * 0.006, cy + ry * 0.6 + i * 0.022, 0.014, 0.014, 0, 0, Math.PI * 2);
        ctx.fill();
      }
      ctx.fillStyle = grade.lit(id.wardrobe.accent);
      ctx.fillRect(rx * 0.95 - 0.008, cy + ry * 0.6 + 6 * 0.022 - 0.008, 0.018, 0.008);
      break;
    case "ponytail":
      ctx.beginPath();
      ctx.moveTo(-rx * 0.6, cy - ry * 0.8);
      ctx.quadraticCurveTo(-rx * 1.9, cy - ry * 0.2, -rx * 1.4, cy + ry * 1.6);
      ctx.quadraticCurveTo(-rx * 1.1, cy + ry * 0.4, -rx * 0.3, cy - ry * 0.6);
      ctx.fill();
      break;
    case "bun":
      ctx.beginPath();
      ctx.arc(0, cy - ry * 1.05, rx * 0.5, 0, Math.PI * 2);
      ctx.fill();
      break;
    default:
      break;
  }
}

function hairFront(ctx: Ctx, id: Identity, grade: Grade, cy: number, rx: number, ry: number): void {
  const col = id.hair.color;
  ctx.fillStyle = grade.lit(col);
  const cap = (depth: number, sideDown: number, width = 1.06) => {
    ctx.beginPath();
    ctx.ellipse(0, cy, rx * width, ry * 1.05, 0, Math.PI, 0);
    ctx.lineTo(rx * width, cy + ry * sideDown);
    ctx.lineTo(rx * 0.86, cy + ry * sideDown);
    ctx.quadraticCurveTo(rx * 0.7, cy - ry * depth, 0, cy - ry * depth);
    ctx.quadraticCurveTo(-rx * 0.7, cy - ry * depth, -rx * 0.86, cy + ry * sideDown);
    ctx.lineTo(-rx * width, cy + ry * sideDown);
    ctx.closePath();
    ctx.fill();
  };
  switch (id.hair.style) {
    case "bald":
      ctx.fillStyle = grade.lit("#ffffff", 0.12);
      ctx.beginPath();
      ctx.ellipse(-rx * 0.3, cy - ry * 0.7, rx * 0.3, ry * 0.12, -0.3, 0, Math.PI * 2);
      ctx.fill();
      return;
    case "buzz":
      ctx.fillStyle = grade.lit(col, 0.55);
      cap(0.62, 0.05, 1.02);
      return;
    case "mohawk":
      ctx.fillStyle = grade.lit(col, 0.4);
      cap(0.66, 0.0, 1.01);
      ctx.fillStyle = grade.lit(col);
      ctx.beginPath();
      ctx.moveTo(-rx * 0.18, cy - ry * 0.7);
      for (let i = 0; i <= 6; i++) {
        const a = Math.PI * (1.15 + (i / 6) * 0.7);
        ctx.lineTo(Math.cos(a) * rx * 0.25 * (i % 2 ? 1.6 : 1), cy + Math.sin(a) * ry * (i % 2 ? 1.55 : 1.05));
      }
      ctx.lineTo(rx * 0.18, cy - ry * 0.7);
      ctx.fill();
      return;
    case "curly":
      cap(0.55, 0.1, 1.12);
      {
        const rng = makeRng(id.seed + 1);
        for (let i = 0; i < 9; i++) {
          const a = Math.PI * (1.05 + (i / 8) * 0.9);
          ctx.beginPath();
          ctx.arc(Math.cos(a) * rx * 1.0, cy + Math.sin(a) * ry * 1.02, rx * rng.range(0.22, 0.3), 0, Math.PI * 2);
          ctx.fill();
        }
      }
      return;
    case "long":
    case "bob":
      cap(0.5, 0.9, 1.12);
      return;
    case "braid":
    case "ponytail":
    case "bun":
      cap(0.62, 0.2, 1.05);
      // a parting
      ctx.strokeStyle = grade.lit(shade(col, 0.6));
      ctx.lineWidth = 0.002;
      ctx.beginPath();
      ctx.moveTo(-rx * 0.2, cy - ry * 1.02);
      ctx.quadraticCurveTo(-rx * 0.1, cy - ry * 0.8, -rx * 0.05, cy - ry * 0.66);
      ctx.stroke();
      return;
    case "short":
    default:
      cap(0.6, 0.2, 1.08);
      ctx.fillStyle = grade.lit(shade(col, 0.85));
      ctx.beginPath();
      ctx.moveTo(-rx * 0.9, cy - ry * 0.55);
      ctx.quadraticCurveTo(-rx * 0.2, cy - ry * 0.4, rx * 0.3, cy - ry * 0.7);
      ctx.quadraticCurveTo(-rx * 0.1, cy - ry * 0.8, -rx * 0.9, cy - ry * 0.55);
      ctx.fill();
  }
}

function marks(ctx: Ctx, id: Identity, grade: Grade, cy: number, rx: number, ry: number, fx: number): void {
  const skin = id.face.skin;
  for (const m of id.marks) {
    switch (m) {
      case "scar":
        ctx.strokeStyle = grade.lit(mix(skin, "#7a2a2a", 0.45));
        ctx.lineWidth = 0.0035;
        ctx.beginPath();
        ctx.moveTo(-rx * 0.62 + fx, cy - ry * 0.25);
        ctx.lineTo(-rx * 0.32 + fx, cy + ry * 0.4);
        ctx.stroke();
        ctx.lineWidth = 0.0018;
        for (let i = 1; i < 4; i++) {
          const t = i / 4;
          const x = -rx * 0.62 + fx + (rx * 0.3) * t;
          const y = cy - ry * 0.25 + ry * 0.65 * t;
          ctx.beginPath();
          ctx.moveTo(x - 0.006, y + 0.002);
          ctx.lineTo(x + 0.006, y - 0.002);
          ctx.stroke();
        }
        break;
      case "freckles": {
        ctx.fillStyle = grade.lit(shade(skin, 0.72), 0.55);
        const rng = makeRng(id.seed + 7);
        for (let i = 0; i < 16; i++) {
          const s = i % 2 ? 1 : -1;
          ctx.beginPath();
          ctx.arc(s * rng.range(0.014, 0.038) + fx, cy + rng.range(0.008, 0.026), rng.range(0.0008, 0.0014), 0, Math.PI * 2);
          ctx.fill();
        }
        break;
      }
      case "wrinkles":
        ctx.strokeStyle = grade.lit(shade(skin, 0.72));
        ctx.lineWidth = 0.0016;
        for (let i = 0; i < 3; i++) {
          ctx.beginPath();
          ctx.moveTo(-rx * 0.5 + fx, cy - ry * (0.5 + i * 0.1));
          ctx.quadraticCurveTo(fx, cy - ry * (0.56 + i * 0.1), rx * 0.5 + fx, cy - ry * (0.5 + i * 0.1));
          ctx.stroke();
        }
        for (const s of [-1, 1]) {
          ctx.beginPath();
          ctx.moveTo(s * rx * 0.3 + fx, cy + ry * 0.32);
          ctx.quadraticCurveTo(s * rx * 0.42 + fx, cy + ry * 0.5, s * rx * 0.36 + fx, cy + ry * 0.66);
          ctx.stroke();
        }
        break;
      case "tattoo":
        ctx.strokeStyle = grade.lit("#23406a", 0.85);
        ctx.lineWidth = 0.003;
        ctx.beginPath();
        ctx.moveTo(rx * 0.2, cy + ry * 1.25);
        ctx.bezierCurveTo(rx * 0.6, cy + ry * 1.05, rx * 0.7, cy + ry * 1.5, rx * 0.35, cy + ry * 1.6);
        ctx.moveTo(rx * 0.3, cy + ry * 1.4);
        ctx.lineTo(rx * 0.55, cy + ry * 1.35);
        ctx.stroke();
        break;
      case "earring":
        ctx.fillStyle = grade.lit("#e8c040");
        ctx.beginPath();
        ctx.arc(-rx * 0.98, cy + 0.024, 0.005, 0, Math.PI * 2);
        ctx.fill();
        break;
      case "beard":
        ctx.fillStyle = grade.lit(id.hair.style === "bald" ? shade(id.hair.color, 1) : id.hair.color, 0.95);
        ctx.beginPath();
        ctx.moveTo(-rx * 0.98, cy + ry * 0.2);
        ctx.quadraticCurveTo(-rx * 0.95, cy + ry * 1.2, fx, cy + ry * 1.22);
        ctx.quadraticCurveTo(rx * 0.95, cy + ry * 1.2, rx * 0.98, cy + ry * 0.2);
        ctx.lineTo(rx * 0.75, cy + ry * 0.36);
        ctx.quadraticCurveTo(rx * 0.3 + fx, cy + ry * 0.42, fx, cy + ry * 0.5);
        ctx.quadraticCurveTo(-rx * 0.3 + fx, cy + ry * 0.42, -rx * 0.75, cy + ry * 0.36);
        ctx.closePath();
        ctx.fill();
        break;
      default:
        // glasses, eyepatch and mustache sit over the moving parts: drawFace draws them
        break;
    }
  }
}

function headwear(ctx: Ctx, id: Identity, grade: Grade, cy: number, rx: number, ry: number, fx: number, back: boolean): void {
  const accent = id.wardrobe.accent;
  const top = id.wardrobe.top;
  const hatTop = cy - ry * 0.62;
  switch (id.wardrobe.headwear) {
    case "none":
      return;
    case "cowboy-hat": {
      const c = mix(accent, "#6a4a2a", 0.55);
      ctx.fillStyle = grade.lit(shade(c, 0.8));
      ctx.beginPath();
      ctx.ellipse(fx * 0.3, hatTop, rx * 2.1, ry * 0.26, 0, 0, Math.PI * 2);
      ctx.fill();
      ctx.fillStyle = grade.lit(c);
      ctx.beginPath();
      ctx.moveTo(-rx * 0.95, hatTop);
      ctx.quadraticCurveTo(-rx, cy - ry * 1.55, -rx * 0.2, cy - ry * 1.45);
      ctx.lineTo(0, cy - ry * 1.35);
      ctx.lineTo(rx * 0.2, cy - ry * 1.45);
      ctx.quadraticCurveTo(rx, cy - ry * 1.55, rx * 0.95, hatTop);
      ctx.fill();
      ctx.fillStyle = grade.lit(shade(c, 0.5));
      ctx.fillRect(-rx * 0.95, hatTop - ry * 0.16, rx * 1.9, ry * 0.12);
      return;
    }
    case "fedora": {
      const c = shade(mix(top, "#3a3430", 0.5), 0.9);
      ctx.fillStyle = grade.lit(shade(c, 0.85));
      ctx.beginPath();
      ctx.ellipse(fx * 0.3, hatTop, rx * 1.65, ry * 0.2, 0, 0, Math.PI * 2);
      ctx.fill();
      ctx.fillStyle = grade.lit(c);
      ctx.beginPath();
      ctx.moveTo(-rx * 0.92, hatTop);
      ctx.lineTo(-rx * 0.85, cy - ry * 1.3);
      ctx.quadraticCurveTo(0, cy - ry * 1.15, rx * 0.85, cy - ry * 1.3);
      ctx.lineTo(rx * 0.92, hatTop);
      ctx.fill();
      ctx.fillStyle = grade.lit(accent);
      ctx.fillRect(-rx * 0.92, hatTop - ry * 0.2, rx * 1.84, ry * 0.14);
      return;
    }
    case "cap": {
      ctx.fillStyle = grade.lit(accent);
      ctx.beginPath();
      ctx.ellipse(0, cy - ry * 0.45, rx * 1.08, ry * 0.72, 0, Math.PI, 0);
      ctx.fill();
      if (!back) {
        ctx.fillStyle = grade.lit(shade(accent, 0.75));
        ctx.beginPath();
        ctx.ellipse(fx * 2, cy - ry * 0.47, rx * 1.2, ry * 0.16, 0, 0, Math.PI);
        ctx.fill();
      }
      return;
    }
    case "beanie": {
      ctx.fillStyle = grade.lit(accent);
      ctx.beginPath();
      ctx.ellipse(0, cy - ry * 0.4, rx * 1.1, ry * 0.85, 0, Math.PI, 0);
      ctx.fill();
      ctx.fillStyle = grade.lit(shade(accent, 0.8));
      ctx.fillRect(-rx * 1.12, cy - ry * 0.55, rx * 2.24, ry * 0.24);
      return;
    }
    case "hood": {
      ctx.fillStyle = grade.lit(shade(top, 0.85));
      ctx.beginPath();
      ctx.ellipse(0, cy - ry * 0.05, rx * 1.32, ry * 1.22, 0, Math.PI * 0.92, Math.PI * 2.08);
      ctx.lineTo(rx * 1.1, cy + ry * 1.3);
      ctx.lineTo(rx * 0.95, cy + ry * 0.4);
      ctx.quadraticCurveTo(rx, cy - ry * 0.95, 0, cy - ry * 0.98);
      ctx.quadraticCurveTo(-rx, cy - ry * 0.95, -rx * 0.95, cy + ry * 0.4);
      ctx.lineTo(-rx * 1.1, cy + ry * 1.3);
      ctx.closePath();
      ctx.fill();
      return;
    }
    case "helmet": {
      ctx.fillStyle = grade.lit("#8a929a");
      ctx.beginPath();
      ctx.ellipse(0, cy - ry * 0.2, rx * 1.18, ry * 1.0, 0, Math.PI, 0);
      ctx.lineTo(rx * 1.18, cy + ry * 0.2);
      ctx.lineTo(-rx * 1.18, cy + ry * 0.2);
      ctx.fill();
      ctx.fillStyle = grade.lit(accent);
      ctx.fillRect(-rx * 1.18, cy - ry * 0.32, rx * 2.36, ry * 0.1);
      ctx.fillStyle = grade.lit("#ffffff", 0.25);
      ctx.beginPath();
      ctx.ellipse(-rx * 0.4, cy - ry * 0.85, rx * 0.35, ry * 0.12, -0.3, 0, Math.PI * 2);
      ctx.fill();
      if (!back) {
        // face opening
        ctx.fillStyle = grade.lit(id.face.skin);
        ctx.fillRect(-rx * 0.86, cy - ry * 0.22, rx * 1.72, ry * 0.42);
      }
      return;
    }
    case "crown": {
      ctx.fillStyle = grade.lit("#e0b030");
      ctx.beginPath();
      const y0 = cy - ry * 0.8;
      ctx.moveTo(-rx * 0.8, y0);
      for (let i = 0; i <= 4; i++) {
        const x = -rx * 0.8 + (i * rx * 1.6) / 4;
        ctx.lineTo(x, y0 - ry * 0.5);
        if (i < 4) ctx.lineTo(x + (rx * 1.6) / 8, y0 - ry * 0.2);
      }
      ctx.lineTo(rx * 0.8, y0);
      ctx.fill();
      ctx.fillStyle = grade.lit(accent);
      ctx.beginPath();
      ctx.arc(0, y0 - ry * 0.15, rx * 0.1, 0, Math.PI * 2);
      ctx.fill();
      return;
    }
  }
}


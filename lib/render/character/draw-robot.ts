/**
 * A robot character, drawn from its locked identity like a person (same units: feet at (0, 0), top of
 * the head at (0, -1)): plating in face.skin, body panels in the wardrobe's top and bottom colours,
 * lights in the accent colour, eyes that glow in eyes.color. The face shape picks the head's outline,
 * the build its bulk, so two robots differ as two people do. drawRobotFace draws the moving parts each
 * frame: the eyes (a shutter for blinks, tilted by the expression) and a grille whose bars light up
 * with the speech.
 */
import type { Identity } from "../../screenplay/schema";
import { mix, shade, tint } from "../color";
import type { Grade } from "../grade";
import type { Ctx } from "../places/place-context";
import { BODY } from "../shot-layout";
import type { FaceState } from "./draw-face";
import type { FigureOptions } from "./draw-figure";
import { proportionsOf } from "./proportions";

/** The head: a rounded box, wider and squarer than a person's, by face shape. */
function headBox(id: Identity): { w: number; h: number; r: number } {
  const p = proportionsOf(id);
  const round = id.face.shape === "round" ? 0.9 : id.face.shape === "square" ? 0.25 : id.face.shape === "long" ? 0.4 : 0.6;
  const w = p.headRx * 1.08;
  const h = p.headRy * (id.face.shape === "long" ? 1.02 : 0.92);
  return { w, h, r: Math.min(w, h) * round };
}

export function drawRobotFigure(ctx: Ctx, id: Identity, grade: Grade, opts: FigureOptions): void {
  const p = proportionsOf(id);
  const metal = id.face.skin;
  const top = id.wardrobe.top;
  const bottom = id.wardrobe.bottom;
  const accent = id.wardrobe.accent;
  const L = (c: Parameters<Grade["lit"]>[0], a = 1) => grade.lit(c, a);
  const cy = BODY.headY;
  const hx = opts.back ? 0 : opts.facing * 0.008;

  // legs: jointed tubes, knees as discs, flat feet
  for (const s of [-1, 1]) {
    const x = s * (p.hip * 0.55);
    const w = p.leg * 0.85;
    ctx.fillStyle = L(s > 0 ? shade(bottom, 0.8) : bottom);
    ctx.fillRect(x - w, BODY.hipY, w * 2, -BODY.hipY * 0.48);
    ctx.fillStyle = L(s > 0 ? shade(metal, 0.78) : metal);
    ctx.fillRect(x - w * 0.8, BODY.hipY * 0.5, w * 1.6, -BODY.hipY * 0.5 - 0.03);
    ctx.fillStyle = L(shade(metal, 0.6));
    ctx.beginPath();
    ctx.arc(x, BODY.hipY * 0.5, w * 1.05, 0, Math.PI * 2);
    ctx.fill();
    ctx.fillStyle = L(shade(bottom, 0.55));
    ctx.beginPath();
    ctx.roundRect(x - w * 1.6, -0.035, w * 3.2, 0.035, 0.008);
    ctx.fill();
  }

  // torso: a panel box, a chest plate with lights, a waist joint
  const shoulderW = p.shoulder * 1.02;
  const waistW = p.waist * 1.05;
  ctx.fillStyle = L(shade(metal, 0.7));
  ctx.fillRect(-waistW * 0.7, BODY.waistY, waistW * 1.4, BODY.hipY - BODY.waistY + 0.01);
  ctx.fillStyle = L(top);
  ctx.beginPath();
  ctx.roundRect(-shoulderW, BODY.shoulderY - 0.01, shoulderW * 2, BODY.waistY - BODY.shoulderY + 0.02, 0.02);
  ctx.fill();
  ctx.fillStyle = L("#000000", 0.16);
  ctx.fillRect(shoulderW * 0.3, BODY.shoulderY - 0.01, shoulderW * 0.7, BODY.waistY - BODY.shoulderY + 0.02);
  if (!opts.back) {
    const plateY = BODY.shoulderY + 0.05;
    ctx.fillStyle = L(tint(metal, 0.15));
    ctx.beginPath();
    ctx.roundRect(-shoulderW * 0.55, plateY, shoulderW * 1.1, 0.13, 0.012);
    ctx.fill();
    for (let i = 0; i < 3; i++) {
      ctx.fillStyle = i === 1 ? grade.emit(tint(accent, 0.2)) : L(mix(accent, "#202020", 0.35));
      ctx.beginPath();
      ctx.arc(-shoulderW * 0.3 + i * shoulderW * 0.3, plateY + 0.04, 0.011, 0, Math.PI * 2);
      ctx.fill();
    }
    ctx.strokeStyle = L(shade(metal, 0.55));
    ctx.lineWidth = 0.003;
    for (let i = 0; i < 3; i++) {
      ctx.beginPath();
      ctx.moveTo(-shoulderW * 0.4, plateY + 0.075 + i * 0.016);
      ctx.lineTo(shoulderW * 0.4, plateY + 0.075 + i * 0.016);
      ctx.stroke();
    }
  }

  // arms: upper and lower segments with elbow joints, clamp hands
  for (const s of [-1, 1]) {
    const x0 = s * (shoulderW + p.arm * 0.6);
    const w = p.arm * 0.75;
    ctx.fillStyle = L(s > 0 ? shade(top, 0.8) : top);
    ctx.beginPath();
    ctx.arc(x0, BODY.shoulderY + 0.015, p.arm * 1.1, 0, Math.PI * 2);
    ctx.fill();
    ctx.fillStyle = L(s > 0 ? shade(metal, 0.78) : metal);
    ctx.fillRect(x0 - w, BODY.shoulderY + 0.02, w * 2, 0.14);
    ctx.fillStyle = L(shade(metal, 0.6));
    ctx.beginPath();
    ctx.arc(x0, BODY.shoulderY + 0.165, w * 1.2, 0, Math.PI * 2);
    ctx.fill();
    ctx.fillStyle = L(s > 0 ? shade(metal, 0.78) : metal);
    ctx.fillRect(x0 - w, BODY.shoulderY + 0.17, w * 2, -0.47 - (BODY.shoulderY + 0.17));
    ctx.fillStyle = L(shade(metal, 0.5));
    ctx.beginPath();
    ctx.moveTo(x0 - w * 1.4, -0.47);
    ctx.lineTo(x0 + w * 1.4, -0.47);
    ctx.lineTo(x0 + w * 0.9, -0.42);
    ctx.lineTo(x0 - w * 0.9, -0.42);
    ctx.closePath();
    ctx.fill();
  }

  // neck: a piston
  const { w: hw, h: hh, r: hr } = headBox(id);
  ctx.fillStyle = L(shade(metal, 0.55));
  ctx.fillRect(-p.neck * 0.7 + hx * 0.3, cy + hh * 0.8, p.neck * 1.4, BODY.shoulderY - (cy + hh * 0.8));

  ctx.save();
  ctx.translate(hx, 0);
  // antenna with a light in the accent colour
  ctx.strokeStyle = L(shade(metal, 0.5));
  ctx.lineWidth = 0.004;
  ctx.beginPath();
  ctx.moveTo(hw * 0.35, cy - hh);
  ctx.lineTo(hw * 0.45, cy - hh - 0.045);
  ctx.stroke();
  ctx.fillStyle = grade.emit(tint(accent, 0.25));
  ctx.beginPath();
  ctx.arc(hw * 0.45, cy - hh - 0.05, 0.008, 0, Math.PI * 2);
  ctx.fill();
  // side bolts (ears)
  ctx.fillStyle = L(shade(metal, 0.6));
  for (const s of [-1, 1]) {
    ctx.beginPath();
    ctx.roundRect(s * hw - 0.008 - s * 0.004, cy - 0.016, 0.016, 0.032, 0.004);
    ctx.fill();
  }
  // the head, shaded on the far side, with a seam
  ctx.fillStyle = L(metal);
  ctx.beginPath();
  ctx.roundRect(-hw, cy - hh, hw * 2, hh * 2, hr);
  ctx.fill();
  ctx.save();
  ctx.clip();
  ctx.fillStyle = L("#000000", 0.2);
  ctx.fillRect(hw * 0.35, cy - hh, hw, hh * 2);
  ctx.fillStyle = L("#ffffff", 0.22);
  ctx.fillRect(-hw, cy - hh, hw * 2, hh * 0.18);
  ctx.restore();
  if (!opts.back) {
    // the face plate: a dark visor band the eyes shine through
    ctx.fillStyle = L(mix(metal, "#101418", 0.8));
    ctx.beginPath();
    ctx.roundRect(-hw * 0.82, cy - hh * 0.42, hw * 1.64, hh * 0.5, hh * 0.12);
    ctx.fill();
  }
  ctx.restore();
}

export function drawRobotFace(ctx: Ctx, id: Identity, grade: Grade, s: FaceState): void {
  const { w: hw, h: hh } = headBox(id);
  const cy = BODY.headY;
  const e = s.expression;
  const hx = s.facing * 0.008;
  const fx = hx + s.facing * 0.012;
  const eyeY = cy - hh * 0.17;
  const eyeDX = hw * 0.42;
  const glow = id.eyes.color;
  const open = Math.max(0.12, e.eyeOpen * (1 - s.blink));
  for (const side of [-1, 1]) {
    const x = side * eyeDX + fx;
    ctx.fillStyle = grade.emit(glow, 0.35);
    ctx.beginPath();
    ctx.ellipse(x, eyeY, 0.017, 0.013 * open + 0.002, 0, 0, Math.PI * 2);
    ctx.fill();
    ctx.fillStyle = grade.emit(tint(glow, 0.45));
    ctx.beginPath();
    ctx.ellipse(x, eyeY, 0.0105, 0.0085 * open, 0, 0, Math.PI * 2);
    ctx.fill();
    // the expression tilts a shutter over the top of each eye (a frown, a raised brow)
    const tilt = e.browTilt * 0.006 - e.browRaise * 0.004;
    ctx.fillStyle = grade.lit(mix(id.face.skin, "#101418", 0.8));
    ctx.beginPath();
    ctx.moveTo(x - 0.014, eyeY - 0.012 - side * tilt * 0.5);
    ctx.lineTo(x + 0.014, eyeY - 0.012 + side * tilt * 0.5);
    ctx.lineTo(x + 0.014, eyeY - 0.006 + side * tilt + (1 - open) * 0.006);
    ctx.lineTo(x - 0.014, eyeY - 0.006 - side * tilt + (1 - open) * 0.006);
    ctx.closePath();
    ctx.fill();
  }
  // the grille: bars that light from the middle out as the mouth opens; a smile bends it
  const my = cy + hh * 0.55;
  const bars = 7;
  const gw = hw * 0.9 * e.mouthWidth;
  const lit = Math.round(s.mouth * (bars + 1));
  for (let i = 0; i < bars; i++) {
    const k = i - (bars - 1) / 2;
    const x = fx * 1.1 + (k / bars) * gw * 2;
    const bend = -e.smile * 0.006 * (1 - (k / ((bars - 1) / 2)) ** 2);
    const on = Math.abs(k) * 2 < lit;
    const h = 0.012 + (on ? s.mouth * 0.012 : 0);
    ctx.fillStyle = on ? grade.emit(tint(glow, 0.3)) : grade.lit(shade(id.face.skin, 0.45));
    ctx.fillRect(x - gw / bars / 2.4, my - h / 2 + bend, gw / bars / 1.2, h);
  }
  if (id.marks.includes("scar")) {
    ctx.strokeStyle = grade.lit(shade(id.face.skin, 0.45));
    ctx.lineWidth = 0.003;
    ctx.beginPath();
    ctx.moveTo(-hw * 0.7 + hx, cy - hh * 0.8);
    ctx.lineTo(-hw * 0.45 + hx, cy - hh * 0.45);
    ctx.lineTo(-hw * 0.55 + hx, cy - hh * 0.2);
    ctx.stroke();
  }
}

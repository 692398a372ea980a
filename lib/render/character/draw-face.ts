/**
 * The moving parts of a face, drawn every frame over the figure: eyes (with blinks), brows, mouth
 * (open by the speech envelope, shaped by the delivery), and what sits on top of them (glasses,
 * eyepatch, mustache). Same units as drawFigure.
 */
import type { Identity } from "../../screenplay/schema";
import { mix, shade } from "../color";
import type { Grade } from "../grade";
import type { Expression } from "../expression";
import type { Ctx } from "../places/place-context";
import { BODY } from "../shot-layout";
import { drawAnimalFace } from "./draw-animal";
import { drawRobotFace } from "./draw-robot";
import { proportionsOf } from "./proportions";

export interface FaceState {
  /** 0 closed .. 1 wide open */
  mouth: number;
  expression: Expression;
  /** 0 open .. 1 shut */
  blink: number;
  facing: number;
  /** An animal's anchor (see FigureOptions). */
  centre?: "eyes" | "body";
  /** Seconds into the shot (an animal's tail sways). */
  t?: number;
}

export function drawFace(ctx: Ctx, id: Identity, grade: Grade, s: FaceState): void {
  if (id.body === "robot") return drawRobotFace(ctx, id, grade, s);
  if (id.body === "animal") return drawAnimalFace(ctx, id, grade, s);
  const p = proportionsOf(id);
  const cy = BODY.headY;
  const e = s.expression;
  const hx = s.facing * 0.008;
  const fx = hx + s.facing * 0.012;
  const eyeY = cy - 0.004;
  const eyeDX = p.headRx * 0.42;
  const patch = id.marks.includes("eyepatch");
  const skin = id.face.skin;
  const open = Math.max(0.08, e.eyeOpen * (1 - s.blink));
  ctx.lineCap = "round";

  for (const side of [-1, 1]) {
    const x = side * eyeDX + fx;
    if (patch && side === 1) continue;
    // eye white
    ctx.fillStyle = grade.lit("#f2efe8");
    ctx.beginPath();
    ctx.ellipse(x, eyeY, 0.0115, 0.0068 * open, 0, 0, Math.PI * 2);
    ctx.fill();
    if (open > 0.25) {
      ctx.save();
      ctx.beginPath();
      ctx.ellipse(x, eyeY, 0.0115, 0.0068 * open, 0, 0, Math.PI * 2);
      ctx.clip();
      const ix = x + s.facing * 0.004;
      ctx.fillStyle = grade.lit(id.eyes.color);
      ctx.beginPath();
      ctx.arc(ix, eyeY, 0.0058, 0, Math.PI * 2);
      ctx.fill();
      ctx.fillStyle = grade.lit("#0a0a0a");
      ctx.beginPath();
      ctx.arc(ix, eyeY, 0.0026, 0, Math.PI * 2);
      ctx.fill();
      ctx.fillStyle = grade.emit("#ffffff", 0.85);
      ctx.beginPath();
      ctx.arc(ix - 0.0018, eyeY - 0.0018, 0.0012, 0, Math.PI * 2);
      ctx.fill();
      ctx.restore();
    }
    // upper lid line
    ctx.strokeStyle = grade.lit(shade(skin, 0.35));
    ctx.lineWidth = 0.0022;
    ctx.beginPath();
    ctx.ellipse(x, eyeY, 0.0118, 0.007 * open, 0, Math.PI * 1.05, Math.PI * 1.95);
    ctx.stroke();
    // brow
    const by = cy - 0.021 - e.browRaise * 0.007;
    ctx.strokeStyle = grade.lit(id.hair.style === "bald" ? shade(skin, 0.55) : shade(id.hair.color, 0.9));
    ctx.lineWidth = 0.0042;
    ctx.beginPath();
    ctx.moveTo(x - side * 0.011, by - e.browTilt * 0.0045);
    ctx.quadraticCurveTo(x, by - 0.003, x + side * 0.012, by + 0.001);
    ctx.stroke();
  }

  // mouth
  const my = BODY.mouthY + 0.006;
  const mw = 0.019 * e.mouthWidth * (1 - s.mouth * 0.15);
  const lip = mix(skin, "#a83a3a", 0.4);
  const cornerL = -e.smile * 0.005 + e.asym * 0.003;
  const cornerR = -e.smile * 0.005 - e.asym * 0.004;
  const mx = fx * 1.1;
  if (s.mouth > 0.04) {
    const h = 0.004 + s.mouth * 0.015;
    ctx.fillStyle = grade.lit("#3a1010");
    ctx.beginPath();
    ctx.moveTo(mx - mw, my + cornerL);
    ctx.quadraticCurveTo(mx, my - h * 0.55, mx + mw, my + cornerR);
    ctx.quadraticCurveTo(mx, my + h * 1.1, mx - mw, my + cornerL);
    ctx.fill();
    // teeth
    ctx.fillStyle = grade.lit("#ece6da", 0.9);
    ctx.beginPath();
    ctx.moveTo(mx - mw * 0.7, my - h * 0.22);
    ctx.quadraticCurveTo(mx, my - h * 0.45, mx + mw * 0.7, my - h * 0.22);
    ctx.lineTo(mx + mw * 0.6, my - h * 0.05);
    ctx.lineTo(mx - mw * 0.6, my - h * 0.05);
    ctx.fill();
    ctx.strokeStyle = grade.lit(lip);
    ctx.lineWidth = 0.0028;
    ctx.beginPath();
    ctx.moveTo(mx - mw, my + cornerL);
    ctx.quadraticCurveTo(mx, my - h * 0.55, mx + mw, my + cornerR);
    ctx.quadraticCurveTo(mx, my + h * 1.1, mx - mw, my + cornerL);
    ctx.stroke();
  } else {
    ctx.strokeStyle = grade.lit(shade(lip, 0.8));
    ctx.lineWidth = 0.0032;
    ctx.beginPath();
    ctx.moveTo(mx - mw, my + cornerL);
    ctx.quadraticCurveTo(mx, my + e.smile * 0.006, mx + mw, my + cornerR);
    ctx.stroke();
    ctx.strokeStyle = grade.lit(lip, 0.6);
    ctx.lineWidth = 0.0022;
    ctx.beginPath();
    ctx.moveTo(mx - mw * 0.6, my + 0.0045);
    ctx.quadraticCurveTo(mx, my + 0.0075, mx + mw * 0.6, my + 0.0045);
    ctx.stroke();
  }

  for (const m of id.marks) {
    if (m === "mustache") {
      ctx.fillStyle = grade.lit(id.hair.style === "bald" ? "#4a3a30" : id.hair.color);
      ctx.beginPath();
      ctx.moveTo(mx, my - 0.009);
      ctx.quadraticCurveTo(mx - 0.02, my - 0.012, mx - 0.026, my + 0.002);
      ctx.quadraticCurveTo(mx - 0.014, my - 0.003, mx, my - 0.004);
      ctx.quadraticCurveTo(mx + 0.014, my - 0.003, mx + 0.026, my + 0.002);
      ctx.quadraticCurveTo(mx + 0.02, my - 0.012, mx, my - 0.009);
      ctx.fill();
    } else if (m === "glasses") {
      ctx.strokeStyle = grade.lit("#1a1a1a");
      ctx.lineWidth = 0.0028;
      for (const side of [-1, 1]) {
        ctx.beginPath();
        ctx.ellipse(side * eyeDX + fx, eyeY, 0.017, 0.013, 0, 0, Math.PI * 2);
        ctx.stroke();
      }
      ctx.beginPath();
      ctx.moveTo(-eyeDX + fx + 0.017, eyeY - 0.002);
      ctx.quadraticCurveTo(fx, eyeY - 0.006, eyeDX + fx - 0.017, eyeY - 0.002);
      ctx.moveTo(-eyeDX + fx - 0.017, eyeY - 0.002);
      ctx.lineTo(-p.headRx * 0.98 + hx, eyeY - 0.004);
      ctx.moveTo(eyeDX + fx + 0.017, eyeY - 0.002);
      ctx.lineTo(p.headRx * 0.98 + hx, eyeY - 0.004);
      ctx.stroke();
      ctx.fillStyle = grade.emit("#ffffff", 0.12);
      for (const side of [-1, 1]) {
        ctx.beginPath();
        ctx.ellipse(side * eyeDX + fx - 0.005, eyeY - 0.005, 0.006, 0.003, -0.5, 0, Math.PI * 2);
        ctx.fill();
      }
    } else if (m === "eyepatch") {
      ctx.strokeStyle = grade.lit("#111111");
      ctx.lineWidth = 0.0025;
      ctx.beginPath();
      ctx.moveTo(-p.headRx * 0.95 + hx, cy - p.headRy * 0.55);
      ctx.lineTo(p.headRx * 0.98 + hx, cy + 0.008);
      ctx.stroke();
      ctx.fillStyle = grade.lit("#141414");
      ctx.beginPath();
      ctx.ellipse(eyeDX + fx, eyeY + 0.001, 0.016, 0.013, 0, 0, Math.PI * 2);
      ctx.fill();
    }
  }
}

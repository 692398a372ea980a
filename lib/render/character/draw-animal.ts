/**
 * An animal character, drawn in profile from its locked identity: coat in face.skin, mane, markings or
 * wings in hair.color, eyes in eyes.color, a collar or tack in the wardrobe's accent. The species picks
 * the silhouette, the build its bulk. Units as for a person (feet at y = 0, an adult's eye line at
 * BODY.eyeY): the animal's eye sits on that line, so identity.height is its eye height against an
 * adult's and a close-up frames its eye like anyone's.
 *
 * drawAnimalFigure draws what never moves; drawAnimalFace draws each frame's moving parts over it: the
 * eye (blinks, widened or narrowed by the expression), a brow ridge, the jaw (open with the speech) and
 * the tail (a slow sway; a dog wags).
 */
import type { Identity } from "../../screenplay/schema";
import { mix, shade, tint, type RGB } from "../color";
import type { Grade } from "../grade";
import type { Ctx } from "../places/place-context";
import { BODY } from "../shot-layout";
import type { FaceState } from "./draw-face";
import type { FigureOptions } from "./draw-figure";

export type { Species } from "../../screenplay/species";
import type { Species } from "../../screenplay/species";

/** A species' shape, facing right, with the eye at (0, BODY.eyeY). */
interface Shape {
  /** Body (barrel): centre and radii. */
  body: { x: number; y: number; rx: number; ry: number };
  /** Near-side legs: front and hind x, where they leave the body, width at the top. */
  legs: { front: number; hind: number; top: number; w: number; foot: "paw" | "hoof" | "claw" };
  /** Neck: from the chest to the back of the head, and its width. */
  neck: { x0: number; y0: number; x1: number; y1: number; w: number };
  /** Skull (centre, radii) and muzzle (length forward of the skull, depth, how far it points down). */
  head: { x: number; y: number; rx: number; ry: number };
  muzzle: { len: number; h: number; drop: number };
  ears: "floppy" | "pointed" | "tall" | "horse" | "long" | "horns";
  tail: "wag" | "brush" | "thin" | "hair" | "tuft" | "spade";
  /** Sits upright (a cat) instead of standing on four legs. */
  sits?: boolean;
  mane?: boolean;
  wings?: boolean;
  /** Eye: radius and whether the pupil is a slit. */
  eye: { r: number; slit: boolean };
  /** How far the drawing reaches behind the eye, in front of it, and above the feet. */
  extent: { back: number; front: number; top: number };
}

const SHAPES: Record<Species, Shape> = {
  dog: {
    body: { x: -0.6, y: -0.52, rx: 0.36, ry: 0.15 },
    legs: { front: -0.36, hind: -0.84, top: -0.5, w: 0.075, foot: "paw" },
    neck: { x0: -0.34, y0: -0.56, x1: -0.1, y1: -0.84, w: 0.15 },
    head: { x: -0.05, y: -0.88, rx: 0.11, ry: 0.095 },
    muzzle: { len: 0.13, h: 0.075, drop: 0.05 },
    ears: "floppy",
    tail: "wag",
    eye: { r: 0.022, slit: false },
    extent: { back: 1.2, front: 0.26, top: 1.02 },
  },
  wolf: {
    body: { x: -0.62, y: -0.54, rx: 0.38, ry: 0.16 },
    legs: { front: -0.37, hind: -0.86, top: -0.52, w: 0.07, foot: "paw" },
    neck: { x0: -0.36, y0: -0.6, x1: -0.1, y1: -0.84, w: 0.18 },
    head: { x: -0.05, y: -0.88, rx: 0.11, ry: 0.09 },
    muzzle: { len: 0.17, h: 0.07, drop: 0.05 },
    ears: "pointed",
    tail: "brush",
    eye: { r: 0.02, slit: false },
    extent: { back: 1.3, front: 0.3, top: 1.06 },
  },
  fox: {
    body: { x: -0.6, y: -0.5, rx: 0.34, ry: 0.13 },
    legs: { front: -0.38, hind: -0.82, top: -0.48, w: 0.055, foot: "paw" },
    neck: { x0: -0.34, y0: -0.54, x1: -0.1, y1: -0.84, w: 0.13 },
    head: { x: -0.05, y: -0.88, rx: 0.1, ry: 0.085 },
    muzzle: { len: 0.17, h: 0.055, drop: 0.04 },
    ears: "tall",
    tail: "brush",
    eye: { r: 0.019, slit: false },
    extent: { back: 1.45, front: 0.3, top: 1.1 },
  },
  cat: {
    body: { x: -0.16, y: -0.36, rx: 0.2, ry: 0.34 },
    legs: { front: 0.0, hind: -0.22, top: -0.4, w: 0.055, foot: "paw" },
    neck: { x0: -0.1, y0: -0.6, x1: -0.05, y1: -0.8, w: 0.17 },
    head: { x: -0.04, y: -0.87, rx: 0.12, ry: 0.11 },
    muzzle: { len: 0.06, h: 0.06, drop: 0.04 },
    ears: "pointed",
    tail: "thin",
    sits: true,
    eye: { r: 0.026, slit: true },
    extent: { back: 0.5, front: 0.5, top: 1.06 },
  },
  horse: {
    body: { x: -0.5, y: -0.6, rx: 0.36, ry: 0.16 },
    legs: { front: -0.26, hind: -0.74, top: -0.56, w: 0.06, foot: "hoof" },
    neck: { x0: -0.26, y0: -0.64, x1: -0.06, y1: -0.92, w: 0.17 },
    head: { x: -0.02, y: -0.9, rx: 0.08, ry: 0.07 },
    muzzle: { len: 0.16, h: 0.07, drop: 0.15 },
    ears: "horse",
    tail: "hair",
    mane: true,
    eye: { r: 0.017, slit: false },
    extent: { back: 1.05, front: 0.3, top: 1.05 },
  },
  mule: {
    body: { x: -0.5, y: -0.58, rx: 0.35, ry: 0.16 },
    legs: { front: -0.27, hind: -0.73, top: -0.54, w: 0.055, foot: "hoof" },
    neck: { x0: -0.27, y0: -0.62, x1: -0.06, y1: -0.9, w: 0.16 },
    head: { x: -0.02, y: -0.9, rx: 0.085, ry: 0.075 },
    muzzle: { len: 0.15, h: 0.08, drop: 0.14 },
    ears: "long",
    tail: "tuft",
    mane: true,
    eye: { r: 0.018, slit: false },
    extent: { back: 1.02, front: 0.3, top: 1.2 },
  },
  dragon: {
    body: { x: -0.72, y: -0.5, rx: 0.48, ry: 0.19 },
    legs: { front: -0.4, hind: -1.0, top: -0.44, w: 0.1, foot: "claw" },
    neck: { x0: -0.36, y0: -0.56, x1: -0.08, y1: -0.88, w: 0.15 },
    head: { x: -0.03, y: -0.9, rx: 0.11, ry: 0.075 },
    muzzle: { len: 0.2, h: 0.07, drop: 0.03 },
    ears: "horns",
    tail: "spade",
    wings: true,
    eye: { r: 0.02, slit: true },
    extent: { back: 2.05, front: 0.38, top: 1.4 },
  },
};

const BULK: Record<Identity["build"], number> = { slight: 0.86, average: 1, athletic: 1.02, broad: 1.12, heavy: 1.2 };

export function speciesOf(id: Identity): Species {
  return id.species ?? "dog";
}

/** Which way the animal faces: the head turn's side, or (looking at the camera) a side fixed by its seed. */
function dirOf(id: Identity, facing: number): 1 | -1 {
  if (facing > 0.05) return 1;
  if (facing < -0.05) return -1;
  return id.seed % 2 ? 1 : -1;
}

/**
 * Where the drawing sits on its feet point: "eyes" puts the eye over it (close framings aim at the
 * face), "body" the middle of the animal (it stands where a person would).
 */
function originX(shape: Shape, centre: "eyes" | "body"): number {
  return centre === "eyes" ? 0 : (shape.extent.back - shape.extent.front) / 2;
}

/** The box the drawing covers, in body units from the feet point (for crops). */
export function animalExtent(id: Identity, centre: "eyes" | "body"): { left: number; right: number; top: number } {
  const shape = SHAPES[speciesOf(id)];
  const o = originX(shape, centre);
  const span = [-shape.extent.back + o, shape.extent.front + o];
  return { left: Math.max(-span[0]!, span[1]!), right: Math.max(-span[0]!, span[1]!), top: shape.extent.top };
}

function enter(ctx: Ctx, id: Identity, facing: number, centre: "eyes" | "body"): Shape {
  const shape = SHAPES[speciesOf(id)];
  ctx.save();
  ctx.scale(dirOf(id, facing), 1);
  ctx.translate(originX(shape, centre), 0);
  return shape;
}

function leg(ctx: Ctx, x: number, top: number, w: number, lean: number, foot: Shape["legs"]["foot"], fill: string, footFill: string): void {
  ctx.fillStyle = fill;
  ctx.beginPath();
  ctx.moveTo(x - w / 2, top);
  ctx.quadraticCurveTo(x - w * 0.55 + lean * 0.5, top * 0.5, x - w * 0.32 + lean, -0.03);
  ctx.lineTo(x + w * 0.32 + lean, -0.03);
  ctx.quadraticCurveTo(x + w * 0.6 + lean * 0.5, top * 0.5, x + w / 2, top);
  ctx.closePath();
  ctx.fill();
  ctx.fillStyle = footFill;
  ctx.beginPath();
  if (foot === "hoof") ctx.roundRect(x - w * 0.42 + lean, -0.045, w * 0.84, 0.045, 0.006);
  else if (foot === "claw") {
    ctx.ellipse(x + lean + w * 0.15, -0.02, w * 0.62, 0.026, 0, Math.PI, 0);
    ctx.lineTo(x + lean + w * 0.95, 0);
    ctx.lineTo(x + lean - w * 0.45, 0);
  } else {
    ctx.ellipse(x + lean + w * 0.12, -0.018, w * 0.5, 0.022, 0, Math.PI, 0);
    ctx.lineTo(x + lean + w * 0.62, 0);
    ctx.lineTo(x + lean - w * 0.38, 0);
  }
  ctx.fill();
}

function wing(ctx: Ctx, shape: Shape, fill: string, bone: string, spread: number): void {
  const root = { x: shape.body.x + shape.body.rx * 0.35, y: shape.body.y - shape.body.ry * 0.8 };
  const tip = { x: root.x - 0.25 - spread * 0.15, y: -1.38 + spread * 0.1 };
  const elbow = { x: root.x + 0.12, y: root.y - 0.42 };
  const fingers = [
    { x: root.x - 0.62 - spread * 0.1, y: root.y - 0.2 },
    { x: root.x - 0.48, y: root.y - 0.02 },
    { x: root.x - 0.2, y: root.y + 0.02 },
  ];
  ctx.fillStyle = fill;
  ctx.beginPath();
  ctx.moveTo(root.x, root.y);
  ctx.lineTo(elbow.x, elbow.y);
  ctx.lineTo(tip.x, tip.y);
  let prev = tip;
  for (const f of fingers) {
    ctx.quadraticCurveTo((prev.x + f.x) / 2 + 0.04, (prev.y + f.y) / 2 + 0.06, f.x, f.y);
    prev = f;
  }
  ctx.closePath();
  ctx.fill();
  ctx.strokeStyle = bone;
  ctx.lineWidth = 0.018;
  ctx.lineCap = "round";
  ctx.beginPath();
  ctx.moveTo(root.x, root.y);
  ctx.lineTo(elbow.x, elbow.y);
  ctx.lineTo(tip.x, tip.y);
  for (const f of fingers) {
    ctx.moveTo(elbow.x, elbow.y);
    ctx.lineTo(f.x, f.y);
  }
  ctx.stroke();
}

/** The head's outline: skull and muzzle as one shape. */
function headOutline(ctx: Ctx, shape: Shape, jaw = 0): void {
  const { head: h, muzzle: m } = shape;
  const nose = { x: h.x + h.rx * 0.55 + m.len, y: h.y + m.drop + m.h * 0.1 };
  ctx.beginPath();
  ctx.moveTo(h.x - h.rx, h.y);
  ctx.bezierCurveTo(h.x - h.rx, h.y - h.ry * 1.35, h.x + h.rx * 0.7, h.y - h.ry * 1.2, h.x + h.rx * 0.75, h.y - h.ry * 0.35);
  ctx.quadraticCurveTo(nose.x - m.len * 0.3, nose.y - m.h * 0.75, nose.x, nose.y - m.h * 0.4);
  ctx.quadraticCurveTo(nose.x + m.h * 0.35, nose.y + m.h * 0.1, nose.x - m.h * 0.1, nose.y + m.h * 0.55);
  ctx.lineTo(nose.x - m.len * 0.55, nose.y + m.h * 0.62 + jaw);
  ctx.quadraticCurveTo(h.x, h.y + h.ry * 1.15, h.x - h.rx * 0.8, h.y + h.ry * 0.7);
  ctx.closePath();
}

export function drawAnimalFigure(ctx: Ctx, id: Identity, grade: Grade, opts: FigureOptions): void {
  const species = speciesOf(id);
  const shape = enter(ctx, id, opts.facing, opts.centre ?? "body");
  const bulk = BULK[id.build];
  const coat = id.face.skin;
  const second = id.hair.color;
  const accent = id.wardrobe.accent;
  const L = (c: string | RGB, a = 1) => grade.lit(c, a);
  const far = L(shade(coat, 0.7));
  const near = L(coat);
  const footFar = L(shade(species === "fox" ? "#2a1a14" : mix(coat, "#1a1410", 0.6), 0.8));
  const footNear = L(species === "fox" ? "#2a1a14" : mix(coat, "#1a1410", 0.6));
  const { body: b, legs: g } = shape;
  const ry = b.ry * bulk;

  if (shape.wings) wing(ctx, shape, L(shade(second, 0.72)), L(shade(second, 0.5)), 0.6);

  if (shape.sits) {
    // a sitting cat: haunch, upright chest, straight front legs, the tail drawn each frame
    ctx.fillStyle = far;
    ctx.fillRect(g.front - 0.07 - g.w / 2, g.top, g.w, -g.top - 0.02);
    ctx.fillStyle = near;
    ctx.beginPath();
    ctx.ellipse(b.x, b.y, b.rx * bulk, b.ry, 0.12, 0, Math.PI * 2);
    ctx.fill();
    ctx.beginPath();
    ctx.ellipse(g.hind, -0.16, 0.2 * bulk, 0.16, 0, 0, Math.PI * 2);
    ctx.fill();
    ctx.fillStyle = L(shade(coat, 0.85));
    ctx.beginPath();
    ctx.ellipse(g.hind + 0.06, -0.025, 0.11, 0.028, 0, 0, Math.PI * 2);
    ctx.fill();
    leg(ctx, g.front, g.top, g.w, 0, g.foot, near, L(tint(coat, 0.15)));
    // chest and belly lighter
    ctx.fillStyle = L(tint(coat, 0.35), 0.85);
    ctx.beginPath();
    ctx.ellipse(b.x + b.rx * 0.55, b.y - 0.05, b.rx * 0.4, b.ry * 0.55, 0.1, 0, Math.PI * 2);
    ctx.fill();
  } else {
    // far legs, the tail's far side is drawn per frame; body, near legs
    leg(ctx, g.front + 0.05, g.top, g.w * 0.92, -0.03, g.foot, far, footFar);
    leg(ctx, g.hind + 0.06, g.top, g.w * 1.05, 0.03, g.foot, far, footFar);
    // haunch and shoulder masses
    ctx.fillStyle = near;
    ctx.beginPath();
    ctx.ellipse(b.x, b.y, b.rx, ry, 0, 0, Math.PI * 2);
    ctx.fill();
    ctx.beginPath();
    ctx.ellipse(g.hind + 0.04, b.y + 0.02, g.w * 1.7 * bulk, ry * 1.05, 0.2, 0, Math.PI * 2);
    ctx.fill();
    ctx.beginPath();
    ctx.ellipse(g.front - 0.02, b.y + 0.03, g.w * 1.4 * bulk, ry * 0.95, -0.15, 0, Math.PI * 2);
    ctx.fill();
    leg(ctx, g.front, g.top, g.w, 0.01, g.foot, near, footNear);
    leg(ctx, g.hind, g.top, g.w * 1.15, -0.02, g.foot, near, footNear);
    if (species === "horse" && id.seed % 3 === 0) {
      // white socks, fixed by the seed like everything else about it
      ctx.fillStyle = L("#eeeae0");
      for (const x of [g.front + 0.01, g.hind - 0.02]) ctx.fillRect(x - g.w * 0.36, -0.14, g.w * 0.72, 0.095);
    }
    // underside lighter (belly), back darker
    ctx.save();
    ctx.beginPath();
    ctx.ellipse(b.x, b.y, b.rx, ry, 0, 0, Math.PI * 2);
    ctx.clip();
    ctx.fillStyle = L(tint(coat, species === "fox" || species === "mule" ? 0.55 : 0.25), 0.75);
    ctx.fillRect(b.x - b.rx, b.y + ry * 0.35, b.rx * 2, ry);
    ctx.fillStyle = L("#000000", 0.14);
    ctx.fillRect(b.x - b.rx, b.y - ry, b.rx * 2, ry * 0.45);
    ctx.restore();
    if (species === "dragon") {
      // belly scales
      ctx.strokeStyle = L(shade(second, 0.85), 0.8);
      ctx.lineWidth = 0.008;
      for (let x = b.x - b.rx * 0.7; x < b.x + b.rx * 0.8; x += 0.07) {
        ctx.beginPath();
        ctx.arc(x, b.y + ry * 0.78, 0.035, Math.PI * 0.1, Math.PI * 0.9);
        ctx.stroke();
      }
    }
    if (species === "horse" || species === "mule") {
      // a saddle blanket and saddle in the tack colours
      ctx.fillStyle = L(id.wardrobe.top);
      ctx.beginPath();
      ctx.roundRect(b.x + 0.02, b.y - ry - 0.01, 0.24, ry * 1.05, 0.02);
      ctx.fill();
      ctx.fillStyle = L(shade(accent, 0.8));
      ctx.beginPath();
      ctx.ellipse(b.x + 0.14, b.y - ry + 0.005, 0.13, 0.04, 0, Math.PI, 0);
      ctx.fill();
      ctx.fillRect(b.x + 0.13, b.y - ry, 0.012, ry * 1.3);
    }
  }

  // neck
  const n = shape.neck;
  ctx.fillStyle = near;
  ctx.beginPath();
  ctx.moveTo(n.x0 - n.w * 0.9, n.y0 + 0.02);
  ctx.quadraticCurveTo(n.x1 - n.w * 0.8, (n.y0 + n.y1) / 2 - 0.06, n.x1 - n.w * 0.4, n.y1);
  ctx.lineTo(n.x1 + n.w * 0.5, n.y1 + 0.06);
  ctx.quadraticCurveTo(n.x0 + n.w * 0.5, (n.y0 + n.y1) / 2 + 0.05, n.x0 + n.w * 0.6, n.y0 + 0.1);
  ctx.closePath();
  ctx.fill();
  if (species === "fox" || species === "cat" || species === "wolf") {
    // a pale throat
    ctx.fillStyle = L(tint(coat, species === "fox" ? 0.85 : 0.35), 0.9);
    ctx.beginPath();
    ctx.moveTo(n.x1 + n.w * 0.45, n.y1 + 0.06);
    ctx.quadraticCurveTo(n.x0 + n.w * 0.5, (n.y0 + n.y1) / 2 + 0.05, n.x0 + n.w * 0.55, n.y0 + 0.08);
    ctx.lineTo(n.x0 + n.w * 0.1, n.y0);
    ctx.quadraticCurveTo(n.x0 + n.w * 0.2, (n.y0 + n.y1) / 2, n.x1, n.y1 + 0.03);
    ctx.closePath();
    ctx.fill();
  }
  if (shape.mane) {
    // a mane along the top of the neck (a mule's stands short and upright)
    ctx.fillStyle = L(second);
    const short = species === "mule";
    ctx.beginPath();
    ctx.moveTo(n.x0 - n.w * 0.95, n.y0 + 0.03);
    const steps = 7;
    for (let i = 0; i <= steps; i++) {
      const t = i / steps;
      const x = n.x0 - n.w * 0.95 + (n.x1 - n.w * 0.45 - (n.x0 - n.w * 0.95)) * t;
      const y = n.y0 + 0.03 + (n.y1 - 0.01 - (n.y0 + 0.03)) * t;
      ctx.lineTo(x - (short ? 0.02 : 0.05) - (i % 2) * 0.015, y - (short ? 0.035 : 0.01));
      ctx.lineTo(x, y);
    }
    ctx.lineTo(n.x1 - n.w * 0.2, n.y1 + 0.02);
    ctx.lineTo(n.x0 - n.w * 0.6, n.y0 + 0.06);
    ctx.closePath();
    ctx.fill();
  }
  if (shape.wings) {
    // spines down the neck and back
    ctx.fillStyle = L(shade(second, 0.8));
    const spine = (x0: number, y0: number, x1: number, y1: number, k: number, size: number) => {
      for (let i = 0; i < k; i++) {
        const t = (i + 0.5) / k;
        const x = x0 + (x1 - x0) * t;
        const y = y0 + (y1 - y0) * t;
        ctx.beginPath();
        ctx.moveTo(x - size * 0.6, y + 0.01);
        ctx.lineTo(x - size * 0.2, y - size);
        ctx.lineTo(x + size * 0.5, y + 0.01);
        ctx.fill();
      }
    };
    spine(b.x - b.rx * 0.8, b.y - ry * 0.75, b.x + b.rx * 0.6, b.y - ry * 0.95, 7, 0.05);
    spine(n.x0 - n.w * 0.8, n.y0 - 0.01, n.x1 - n.w * 0.4, n.y1 - 0.01, 4, 0.04);
  }

  // collar in the accent colour (dogs, cats, foxes); a bridle for horse and mule
  if (species === "dog" || species === "cat") {
    ctx.strokeStyle = L(accent);
    ctx.lineWidth = 0.028;
    ctx.beginPath();
    ctx.moveTo(n.x1 - n.w * 0.55, n.y1 + 0.02);
    ctx.lineTo(n.x1 + n.w * 0.42, n.y1 + 0.09);
    ctx.stroke();
    ctx.fillStyle = L("#e0c060");
    ctx.beginPath();
    ctx.arc(n.x1 + n.w * 0.3, n.y1 + 0.12, 0.018, 0, Math.PI * 2);
    ctx.fill();
  }

  // head
  const h = shape.head;
  ctx.fillStyle = near;
  headOutline(ctx, shape);
  ctx.fill();
  ctx.save();
  headOutline(ctx, shape);
  ctx.clip();
  if (species === "fox" || species === "wolf") {
    // pale cheeks and muzzle underside
    ctx.fillStyle = L(tint(coat, species === "fox" ? 0.85 : 0.45));
    ctx.beginPath();
    ctx.ellipse(h.x + h.rx * 0.7, h.y + h.ry * 0.75, h.rx * 1.1, h.ry * 0.5, -0.1, 0, Math.PI * 2);
    ctx.fill();
  } else if (species === "mule") {
    // the pale muzzle of a mule
    ctx.fillStyle = L(tint(coat, 0.6));
    ctx.beginPath();
    ctx.arc(h.x + h.rx * 0.55 + shape.muzzle.len, h.y + shape.muzzle.drop, shape.muzzle.h * 0.95, 0, Math.PI * 2);
    ctx.fill();
  }
  ctx.fillStyle = L("#000000", 0.12);
  ctx.fillRect(h.x - h.rx * 1.2, h.y + h.ry * 0.55, h.rx * 4, h.ry);
  ctx.restore();
  // nose
  const nose = { x: h.x + h.rx * 0.55 + shape.muzzle.len, y: h.y + shape.muzzle.drop + shape.muzzle.h * 0.1 };
  ctx.fillStyle = L(species === "dragon" ? shade(coat, 0.5) : species === "horse" || species === "mule" ? shade(coat, 0.45) : "#1c1616");
  ctx.beginPath();
  if (species === "horse" || species === "mule" || species === "dragon") ctx.ellipse(nose.x - shape.muzzle.h * 0.25, nose.y - shape.muzzle.h * 0.05, shape.muzzle.h * 0.18, shape.muzzle.h * 0.1, -0.5, 0, Math.PI * 2);
  else ctx.ellipse(nose.x - shape.muzzle.h * 0.05, nose.y - shape.muzzle.h * 0.28, shape.muzzle.h * 0.28, shape.muzzle.h * 0.2, 0, 0, Math.PI * 2);
  ctx.fill();
  if (species === "horse" || species === "mule") {
    ctx.strokeStyle = L(accent);
    ctx.lineWidth = 0.014;
    ctx.beginPath();
    ctx.moveTo(h.x - h.rx * 0.6, h.y - h.ry * 0.9);
    ctx.lineTo(h.x - h.rx * 0.5, h.y + h.ry * 0.9);
    ctx.moveTo(h.x + h.rx * 0.2 + shape.muzzle.len * 0.5, h.y + shape.muzzle.drop * 0.45 - shape.muzzle.h * 0.45);
    ctx.lineTo(h.x + h.rx * 0.1 + shape.muzzle.len * 0.45, h.y + shape.muzzle.drop * 0.6 + shape.muzzle.h * 0.6);
    ctx.stroke();
  }

  // ears or horns
  const ex = h.x - h.rx * 0.35;
  const ey = h.y - h.ry * 0.85;
  const earFill = L(shade(coat, 0.85));
  ctx.fillStyle = earFill;
  ctx.beginPath();
  switch (shape.ears) {
    case "floppy":
      ctx.moveTo(ex - 0.02, ey + 0.005);
      ctx.quadraticCurveTo(ex - 0.1, ey + 0.02, ex - 0.085, ey + 0.13);
      ctx.quadraticCurveTo(ex - 0.04, ey + 0.14, ex + 0.03, ey + 0.02);
      ctx.fillStyle = L(id.seed % 2 ? shade(coat, 0.6) : second);
      break;
    case "pointed":
      ctx.moveTo(ex - 0.045, ey + 0.02);
      ctx.lineTo(ex - 0.02, ey - 0.1);
      ctx.lineTo(ex + 0.045, ey + 0.01);
      break;
    case "tall":
      ctx.moveTo(ex - 0.05, ey + 0.02);
      ctx.lineTo(ex - 0.015, ey - 0.14);
      ctx.lineTo(ex + 0.05, ey + 0.01);
      break;
    case "horse":
      ctx.moveTo(ex - 0.025, ey + 0.02);
      ctx.quadraticCurveTo(ex - 0.035, ey - 0.05, ex - 0.02, ey - 0.085);
      ctx.quadraticCurveTo(ex + 0.02, ey - 0.04, ex + 0.025, ey + 0.01);
      break;
    case "long":
      ctx.moveTo(ex - 0.03, ey + 0.02);
      ctx.quadraticCurveTo(ex - 0.08, ey - 0.12, ex - 0.06, ey - 0.2);
      ctx.quadraticCurveTo(ex - 0.0, ey - 0.14, ex + 0.03, ey + 0.01);
      break;
    case "horns":
      ctx.fillStyle = L(mix(second, "#e8dcc0", 0.6));
      ctx.moveTo(ex - 0.02, ey + 0.03);
      ctx.quadraticCurveTo(ex - 0.08, ey - 0.04, ex - 0.17, ey - 0.08);
      ctx.quadraticCurveTo(ex - 0.06, ey - 0.0, ex + 0.03, ey + 0.035);
      break;
  }
  ctx.closePath();
  ctx.fill();
  if (shape.ears === "tall" || shape.ears === "pointed" || shape.ears === "long") {
    // the inside of the ear
    ctx.fillStyle = L(mix(coat, "#e8b8a8", 0.5), 0.8);
    ctx.beginPath();
    ctx.moveTo(ex - 0.025, ey + 0.01);
    ctx.lineTo(ex - 0.017, shape.ears === "long" ? ey - 0.15 : ey - (shape.ears === "tall" ? 0.1 : 0.07));
    ctx.lineTo(ex + 0.02, ey + 0.005);
    ctx.closePath();
    ctx.fill();
  }
  ctx.restore();
}

/**
 * Where a rider sits on a horse or mule standing on its feet point (body-centred), in its units: the
 * middle of the saddle, on the line of its back.
 */
export function saddlePoint(id: Identity, facing: number): { x: number; y: number; dir: 1 | -1 } {
  const shape = SHAPES[speciesOf(id)];
  const dir = dirOf(id, facing);
  return { x: dir * (shape.body.x + 0.14 + originX(shape, "body")), y: shape.body.y - shape.body.ry * BULK[id.build], dir };
}

/** Coats and manes of the horses riders are given. */
const MOUNT_COATS: [string, string][] = [["#7a4a2a", "#1a1410"], ["#5a3420", "#2a1a10"], ["#2a2220", "#141010"], ["#a87a4a", "#4a3020"], ["#d8ccb8", "#3a3430"], ["#8a5a3a", "#e8e0d0"]];

/** The horse a character rides when the film gives them none: its coat fixed by the rider's seed. */
export function mountFor(rider: Identity): Identity {
  const [coat, mane] = MOUNT_COATS[rider.seed % MOUNT_COATS.length]!;
  return {
    seed: rider.seed + 1,
    face: { shape: "long", skin: coat },
    eyes: { color: "#3a2410" },
    hair: { style: "short", color: mane },
    build: "average",
    height: 1.15,
    wardrobe: { description: "horse", top: rider.wardrobe.bottom, bottom: rider.wardrobe.bottom, accent: "#5a3a22", headwear: "none" },
    marks: [],
    body: "animal",
    species: "horse",
  };
}

/** Tail root and sway for a frame. */
function tail(ctx: Ctx, id: Identity, shape: Shape, grade: Grade, t: number): void {
  const species = speciesOf(id);
  const coat = id.face.skin;
  const { body: b } = shape;
  const wagRate = shape.tail === "wag" ? 7 : 1.3;
  const sway = Math.sin(t * wagRate + (id.seed % 7)) * (shape.tail === "wag" ? 0.12 : 0.05);
  ctx.lineCap = "round";
  if (shape.sits) {
    // a cat's tail along the ground, its tip lifting
    ctx.strokeStyle = grade.lit(shade(coat, 0.9));
    ctx.lineWidth = 0.045;
    ctx.beginPath();
    ctx.moveTo(shape.legs.hind - 0.1, -0.04);
    ctx.quadraticCurveTo(shape.legs.hind + 0.2, 0.0, shape.legs.front + 0.16, -0.05 - Math.max(0, sway) * 1.2);
    ctx.stroke();
    return;
  }
  const root = { x: b.x - b.rx * 0.95, y: b.y - b.ry * 0.5 };
  switch (shape.tail) {
    case "wag": {
      ctx.strokeStyle = grade.lit(coat);
      ctx.lineWidth = 0.045;
      ctx.beginPath();
      ctx.moveTo(root.x + 0.02, root.y);
      ctx.quadraticCurveTo(root.x - 0.12, root.y - 0.1, root.x - 0.16 + sway * 0.6, root.y - 0.24 - Math.abs(sway) * 0.3);
      ctx.stroke();
      break;
    }
    case "brush": {
      const tip = { x: root.x - 0.36 + sway * 0.4, y: root.y + 0.3 };
      ctx.fillStyle = grade.lit(species === "wolf" ? shade(coat, 0.85) : coat);
      ctx.beginPath();
      ctx.moveTo(root.x + 0.02, root.y - 0.03);
      ctx.quadraticCurveTo(root.x - 0.25, root.y - 0.08, tip.x, tip.y);
      ctx.quadraticCurveTo(root.x - 0.1, root.y + 0.2, root.x + 0.02, root.y + 0.06);
      ctx.closePath();
      ctx.fill();
      ctx.fillStyle = grade.lit(species === "fox" ? "#f4efe6" : shade(coat, 0.5));
      ctx.beginPath();
      ctx.ellipse(tip.x + 0.03, tip.y - 0.04, 0.05, 0.035, 0.9, 0, Math.PI * 2);
      ctx.fill();
      break;
    }
    case "hair":
    case "tuft": {
      const hair = grade.lit(id.hair.color);
      ctx.strokeStyle = grade.lit(shade(coat, 0.9));
      ctx.lineWidth = 0.035;
      ctx.beginPath();
      ctx.moveTo(root.x + 0.03, root.y - 0.02);
      const end = { x: root.x - 0.08 + sway * 0.5, y: root.y + (shape.tail === "tuft" ? 0.26 : 0.1) };
      ctx.quadraticCurveTo(root.x - 0.07, root.y, end.x, end.y);
      ctx.stroke();
      ctx.fillStyle = hair;
      ctx.beginPath();
      if (shape.tail === "tuft") ctx.ellipse(end.x, end.y + 0.05, 0.028, 0.065, 0.1, 0, Math.PI * 2);
      else {
        ctx.moveTo(root.x + 0.02, root.y - 0.03);
        ctx.quadraticCurveTo(root.x - 0.16, root.y + 0.02, end.x - 0.02 + sway * 0.3, root.y + 0.42);
        ctx.lineTo(end.x + 0.07 + sway * 0.3, root.y + 0.4);
        ctx.quadraticCurveTo(root.x - 0.02, root.y + 0.1, root.x + 0.03, root.y + 0.02);
      }
      ctx.fill();
      break;
    }
    case "spade": {
      ctx.fillStyle = grade.lit(coat);
      const tip = { x: root.x - 0.85, y: -0.16 + sway };
      ctx.beginPath();
      ctx.moveTo(root.x + 0.04, root.y - 0.05);
      ctx.quadraticCurveTo(root.x - 0.4, root.y + 0.05, tip.x, tip.y);
      ctx.quadraticCurveTo(root.x - 0.4, root.y + 0.22, root.x + 0.04, root.y + 0.12);
      ctx.closePath();
      ctx.fill();
      ctx.fillStyle = grade.lit(shade(id.hair.color, 0.8));
      ctx.beginPath();
      ctx.moveTo(tip.x + 0.04, tip.y - 0.01);
      ctx.lineTo(tip.x - 0.05, tip.y - 0.07);
      ctx.lineTo(tip.x - 0.11, tip.y + 0.01);
      ctx.lineTo(tip.x - 0.05, tip.y + 0.06);
      ctx.closePath();
      ctx.fill();
      break;
    }
    case "thin":
      break;
  }
}

export function drawAnimalFace(ctx: Ctx, id: Identity, grade: Grade, s: FaceState): void {
  const shape = enter(ctx, id, s.facing, s.centre ?? "body");
  const species = speciesOf(id);
  const e = s.expression;
  const coat = id.face.skin;
  tail(ctx, id, shape, grade, s.t ?? 0);
  const h = shape.head;
  const m = shape.muzzle;

  // the jaw: opens with the speech (a dark gap, a tongue, the lower jaw dropped)
  if (s.mouth > 0.04) {
    const open = s.mouth * e.openGain * m.h * 0.9;
    const nose = { x: h.x + h.rx * 0.55 + m.len, y: h.y + m.drop + m.h * 0.1 };
    const hinge = { x: h.x + h.rx * 0.1, y: h.y + h.ry * 0.45 };
    ctx.fillStyle = grade.lit("#3a1412");
    ctx.beginPath();
    ctx.moveTo(hinge.x, hinge.y);
    ctx.lineTo(nose.x - m.h * 0.08, nose.y + m.h * 0.5);
    ctx.lineTo(nose.x - m.h * 0.3, nose.y + m.h * 0.55 + open);
    ctx.closePath();
    ctx.fill();
    ctx.fillStyle = grade.lit(species === "dragon" ? "#3a6a3a" : "#c85a6a");
    ctx.beginPath();
    ctx.ellipse((hinge.x + nose.x) / 2 + 0.01, nose.y + m.h * 0.55 + open * 0.45, m.len * 0.3, open * 0.28 + 0.004, 0.15, 0, Math.PI * 2);
    ctx.fill();
    ctx.fillStyle = grade.lit(coat);
    ctx.beginPath();
    ctx.moveTo(hinge.x - 0.01, hinge.y - 0.005);
    ctx.lineTo(nose.x - m.h * 0.3, nose.y + m.h * 0.55 + open);
    ctx.lineTo(nose.x - m.h * 0.35, nose.y + m.h * 0.55 + open + m.h * 0.3);
    ctx.quadraticCurveTo(hinge.x + 0.02, hinge.y + m.h * 0.45 + open * 0.3, hinge.x - 0.02, hinge.y + 0.02);
    ctx.closePath();
    ctx.fill();
    if (species === "dragon" && s.mouth > 0.5) {
      // a breath of smoke from the nostrils
      ctx.fillStyle = grade.emit("#d8d0c8", 0.25 * s.mouth);
      ctx.beginPath();
      ctx.arc(nose.x + 0.05, nose.y - 0.05, 0.035, 0, Math.PI * 2);
      ctx.arc(nose.x + 0.1, nose.y - 0.09, 0.03, 0, Math.PI * 2);
      ctx.fill();
    }
  }

  // the eye: iris in the eye colour, a round or slit pupil, a catch-light; lids close to blink
  const ey = BODY.eyeY;
  const r = shape.eye.r;
  const open = Math.max(0.1, Math.min(1.3, e.eyeOpen) * (1 - s.blink));
  ctx.save();
  ctx.beginPath();
  ctx.ellipse(0, ey, r, r * 0.8 * open, 0, 0, Math.PI * 2);
  ctx.fillStyle = grade.lit(species === "horse" || species === "mule" ? "#1a120c" : mix(id.eyes.color, "#f0e8d0", species === "cat" || species === "dragon" ? 0.1 : 0));
  ctx.fill();
  ctx.clip();
  if (species !== "horse" && species !== "mule") {
    ctx.fillStyle = grade.lit(id.eyes.color);
    ctx.beginPath();
    ctx.arc(r * 0.15, ey, r * 0.85, 0, Math.PI * 2);
    ctx.fill();
    ctx.fillStyle = grade.lit("#080808");
    ctx.beginPath();
    if (shape.eye.slit) ctx.ellipse(r * 0.2, ey, r * 0.16, r * 0.75, 0, 0, Math.PI * 2);
    else ctx.arc(r * 0.2, ey, r * 0.42, 0, Math.PI * 2);
    ctx.fill();
  }
  ctx.fillStyle = grade.emit("#ffffff", 0.85);
  ctx.beginPath();
  ctx.arc(r * 0.45, ey - r * 0.3, r * 0.2, 0, Math.PI * 2);
  ctx.fill();
  ctx.restore();
  // lid and brow ridge: an angry brow comes down toward the nose, a worried one rises
  ctx.strokeStyle = grade.lit(shade(coat, 0.4));
  ctx.lineWidth = r * 0.22;
  ctx.lineCap = "round";
  ctx.beginPath();
  ctx.ellipse(0, ey, r * 1.05, r * 0.85 * open, 0, Math.PI * 1.05, Math.PI * 1.95);
  ctx.stroke();
  const by = ey - r * 1.35 - e.browRaise * r * 0.5;
  ctx.strokeStyle = grade.lit(shade(coat, 0.6));
  ctx.lineWidth = r * 0.35;
  ctx.beginPath();
  ctx.moveTo(-r * 1.1, by - e.browTilt * r * 0.25);
  ctx.quadraticCurveTo(0, by - r * 0.25, r * 1.2, by + e.browTilt * r * 0.45);
  ctx.stroke();
  ctx.restore();
}

/**
 * Where things are in a shot (pure): framing -> how big the characters are and where they stand,
 * where the horizon sits, how far the background is zoomed and blurred (lens and depth of field).
 * Coordinates are frame pixels with the camera at rest.
 */
import type { Framing } from "../screenplay/schema";
import type { CharacterLook, ShotSpec } from "../plan/specs";
import { animalExtent, mountFor, saddlePoint } from "./character/draw-animal";
import { letterboxBar } from "./letterbox";

/** Figure proportions in units of full body height (feet at 0, top of the head at -1). */
export const BODY = {
  eyeY: -0.905,
  headY: -0.9,
  headRy: 0.074,
  headRx: 0.058,
  mouthY: -0.853,
  neckY: -0.82,
  shoulderY: -0.8,
  waistY: -0.5,
  hipY: -0.45,
} as const;

export interface FigurePlacement {
  id: string;
  character: CharacterLook;
  /** Feet centre, frame pixels (may be below the frame). */
  x: number;
  feetY: number;
  /** Pixels per body unit at height 1 (the figure is scaled by identity.height on top of this). */
  unit: number;
  /** Head turn: -1 looks to screen left, 1 to screen right. */
  facing: number;
  /** Seen from behind (the near shoulder in an over-the-shoulder shot). */
  back: boolean;
  /** Out of focus (px of blur) and darker (0..1), for foreground figures. */
  blur: number;
  dim: number;
  /** Where an animal stands on (x, feetY): its eye in close framings, its middle otherwise. */
  centre: "eyes" | "body";
  /** On horseback, the horse facing this way (feetY is raised to the saddle). */
  rides?: 1 | -1;
}

export interface ShotLayout {
  width: number;
  height: number;
  figures: FigurePlacement[];
  /** Horizon / eye level in frame pixels. */
  horizonY: number;
  /** How much bigger than in a wide shot the background is drawn (framing and lens). */
  bgZoom: number;
  /** Background blur in pixels (depth of field). */
  bgBlur: number;
  /** Where a push-in aims (frame pixels). */
  focus: { x: number; y: number };
  /** An insert shows a detail, not the characters. */
  insert: boolean;
  /** The character the shot is about (speaker of the first line, or the first character). */
  subjectId?: string;
}

interface FramingRule {
  /** body unit as a share of frame height */
  unit: number;
  /** where the eye line of a height-1 figure sits (share of frame height) */
  eyeAt: number;
  bgZoom: number;
  blur: number;
  single: boolean;
}

/** How big an animal's head is drawn in a close framing against a person's at the same framing. */
const ANIMAL_CLOSE = 0.6;

const RULES: Record<Framing, FramingRule> = {
  "extreme-wide": { unit: 0.17, eyeAt: 0.66, bgZoom: 0.9, blur: 0, single: false },
  wide: { unit: 0.38, eyeAt: 0.53, bgZoom: 1, blur: 0, single: false },
  full: { unit: 0.8, eyeAt: 0.22, bgZoom: 1.12, blur: 0.5, single: false },
  medium: { unit: 1.5, eyeAt: 0.33, bgZoom: 1.3, blur: 1.5, single: false },
  "two-shot": { unit: 1.45, eyeAt: 0.33, bgZoom: 1.28, blur: 1.5, single: false },
  "over-the-shoulder": { unit: 1.9, eyeAt: 0.36, bgZoom: 1.4, blur: 3, single: true },
  "medium-close-up": { unit: 2.3, eyeAt: 0.38, bgZoom: 1.5, blur: 3, single: true },
  "close-up": { unit: 3.5, eyeAt: 0.42, bgZoom: 1.75, blur: 5, single: true },
  "extreme-close-up": { unit: 7.5, eyeAt: 0.47, bgZoom: 2.1, blur: 8, single: true },
  insert: { unit: 1.5, eyeAt: 0.3, bgZoom: 1.9, blur: 7, single: true },
};

/** The people an action has on horseback: a name shortly before "rides", "riding", "gallops"... */
export function ridersIn(action: string, chars: CharacterLook[]): CharacterLook[] {
  return chars.filter((c) => {
    if (c.identity.body === "animal") return false;
    const first = c.name.split(" ")[0]!.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    return new RegExp(`\\b${first}\\b[^.;!?]{0,30}?\\b(?:rides?|riding|rode|gallops?|galloping|on horseback)\\b`, "i").test(action);
  });
}

/** Who the shot is about: the first speaker present, or the first character. */
export function subjectOf(spec: ShotSpec): CharacterLook | undefined {
  const present = new Map(spec.characters.map((c) => [c.id, c]));
  for (const line of spec.lines) {
    const c = present.get(line.speaker);
    if (c) return c;
  }
  return spec.characters[0];
}

export function layoutShot(spec: ShotSpec): ShotLayout {
  const W = spec.width;
  const H = spec.height;
  // A two-shot of a person and an animal frames them head to toe (a dog at their feet would be out of
  // frame, a horse a wall of flank), and wide for a dragon, whose head is far above theirs.
  const animals = spec.characters.filter((c) => c.identity.body === "animal");
  const grouped = (spec.framing === "medium" || spec.framing === "two-shot") && animals.length > 0 && animals.length < spec.characters.length;
  const rule = RULES[grouped ? (Math.max(...animals.map((c) => c.identity.height)) > 1.2 ? "wide" : "full") : spec.framing];
  // Frame the picture between the letterbox bars: heads stay inside the active area.
  const bar = letterboxBar(spec.look.aspect, W, H);
  const PH = H - 2 * bar;
  const py = (share: number) => bar + share * PH;
  const lensZoom = Math.pow(Math.max(12, spec.camera.lens) / 35, 0.35);
  const lensBlur = Math.pow(Math.max(12, spec.camera.lens) / 50, 0.8);
  const chars = [...spec.characters].sort((a, b) => a.slot - b.slot || (a.id < b.id ? -1 : 1));
  const subject = subjectOf(spec);
  const unit = rule.unit * PH;
  // The people set the eye line; a dog at their feet does not pull it down (unless all are animals).
  const people = chars.filter((c) => c.identity.body !== "animal");
  const tall = people.length ? people : chars;
  const avgHeight = tall.length ? tall.reduce((s, c) => s + c.identity.height, 0) / tall.length : 1;
  // A close framing of an animal comes close enough that its head fills the frame as a person's would.
  const subjectUnit = rule.single && subject?.identity.body === "animal" ? (unit * ANIMAL_CLOSE) / subject.identity.height : unit;
  // Feet line so that an average-height figure's eyes sit at eyeAt.
  const refHeight = rule.single && subject ? subject.identity.height : avgHeight;
  const feetY = py(rule.eyeAt) - BODY.eyeY * (rule.single ? subjectUnit : unit) * refHeight;
  const horizonY = spec.framing === "extreme-wide" ? py(0.6) : spec.framing === "wide" ? py(0.56) : Math.min(py(0.6), Math.max(py(0.3), py(rule.eyeAt)));
  const figures: FigurePlacement[] = [];
  const mk = (c: CharacterLook, x: number, facing: number, extra: Partial<FigurePlacement> = {}): FigurePlacement => ({
    id: c.id,
    character: c,
    x,
    feetY,
    unit,
    facing,
    back: false,
    blur: 0,
    dim: 0,
    centre: "body",
    ...extra,
  });

  if (spec.framing === "insert" || chars.length === 0) {
    // nothing: an insert is a detail of the place
  } else if (spec.framing === "over-the-shoulder" && subject && chars.some((c) => c.id !== subject.id && c.identity.body !== "animal")) {
    // Over a person's shoulder; a dog or a horse has no shoulder to look over (the shot frames the subject alone).
    const other = chars.find((c) => c.id !== subject.id && c.identity.body !== "animal")!;
    const subjectLeft = subject.slot < other.slot;
    const sx = subjectLeft ? 0.36 * W : 0.64 * W;
    figures.push(mk(subject, sx, subjectLeft ? 0.6 : -0.6, { unit: subjectUnit, centre: "eyes" }));
    const fx = subjectLeft ? 0.9 * W : 0.1 * W;
    const nearUnit = unit * 1.45;
    figures.push(
      mk(other, fx, subjectLeft ? -1 : 1, {
        unit: nearUnit,
        feetY: py(0.52) - BODY.eyeY * nearUnit * other.identity.height,
        back: true,
        blur: 6,
        dim: 0.35,
      }),
    );
  } else if (rule.single && subject) {
    const others = chars.filter((c) => c.id !== subject.id);
    const partnerSide = others.length ? (others[0]!.slot > subject.slot ? 1 : -1) : 0;
    const x = W * (0.5 - partnerSide * (spec.framing === "extreme-close-up" ? 0.02 : 0.07));
    figures.push(mk(subject, x, partnerSide * 0.5, { unit: subjectUnit, centre: "eyes" }));
  } else {
    // "Ada riding off at sunset": in a wide shot a rider is on horseback (on the film's horse when it is
    // in the shot, else on a horse of their own, the same in every shot).
    const riders = spec.framing === "wide" || spec.framing === "extreme-wide" ? ridersIn(spec.action, chars) : [];
    const horses = chars.filter((c) => c.identity.body === "animal" && (c.identity.species === "horse" || c.identity.species === "mule"));
    const mounts = new Map(riders.map((r, k) => [r.id, horses[k] ?? { id: `${r.id}-horse`, name: `${r.name}'s horse`, identity: mountFor(r.identity), slot: r.slot }]));
    const standing = chars.filter((c) => ![...mounts.values()].includes(c));
    const n = standing.length;
    const spread = spec.framing === "extreme-wide" ? Math.min(0.12, 0.5 / n) : spec.framing === "wide" ? Math.min(0.2, 0.7 / n) : Math.min(0.4, 0.8 / n);
    standing.forEach((c, i) => {
      const x = W * (0.5 + (i - (n - 1) / 2) * spread);
      const facing = n === 1 ? 0 : i < (n - 1) / 2 ? 0.6 : i > (n - 1) / 2 ? -0.6 : 0;
      const mount = mounts.get(c.id);
      if (!mount) return figures.push(mk(c, x, facing));
      const hs = unit * mount.identity.height;
      const seat = saddlePoint(mount.identity, facing);
      figures.push(mk(mount, x - seat.x * hs, facing));
      figures.push(mk(c, x, facing, { feetY: feetY + seat.y * hs - BODY.hipY * unit * c.identity.height, rides: seat.dir }));
    });
  }
  // Focus for push-ins: the subject's face, or the frame centre.
  const sf = figures.find((f) => f.id === subject?.id && !f.back) ?? figures.find((f) => !f.back);
  const focus = sf
    ? { x: sf.x, y: Math.min(H * 0.7, Math.max(H * 0.25, sf.feetY + BODY.eyeY * sf.unit * sf.character.identity.height)) }
    : { x: W / 2, y: H / 2 };
  // Draw the figures far to near: animals (they stand back, beside the people), people, back-view (nearest) last.
  const depth = (f: FigurePlacement) => (f.back ? 2 : f.character.identity.body === "animal" ? 0 : 1);
  figures.sort((a, b) => depth(a) - depth(b));
  return {
    width: W,
    height: H,
    figures,
    horizonY,
    bgZoom: rule.bgZoom * lensZoom,
    bgBlur: rule.blur * lensBlur,
    focus,
    insert: spec.framing === "insert",
    subjectId: subject?.id,
  };
}

/** The frame rectangle a figure covers (head to the lower frame edge), for tests and crops. */
export function figureBox(f: FigurePlacement, frameHeight: number): { x0: number; y0: number; x1: number; y1: number } {
  const s = f.unit * f.character.identity.height;
  if (f.character.identity.body === "animal") {
    const e = animalExtent(f.character.identity, f.centre);
    return { x0: f.x - e.left * s, y0: f.feetY - e.top * s, x1: f.x + e.right * s, y1: Math.min(frameHeight, f.feetY) };
  }
  const halfW = 0.2 * s;
  return { x0: f.x - halfW, y0: f.feetY - 1.05 * s, x1: f.x + halfW, y1: Math.min(frameHeight, f.feetY) };
}

/** Body proportions by build, in body units (full height 1). */
import type { Identity } from "../../screenplay/schema";

export interface Proportions {
  shoulder: number;
  waist: number;
  hip: number;
  arm: number;
  leg: number;
  neck: number;
  headRx: number;
  headRy: number;
}

const BUILD: Record<Identity["build"], { shoulder: number; waist: number; hip: number; arm: number; leg: number; neck: number }> = {
  slight: { shoulder: 0.092, waist: 0.066, hip: 0.078, arm: 0.022, leg: 0.03, neck: 0.018 },
  average: { shoulder: 0.104, waist: 0.078, hip: 0.084, arm: 0.026, leg: 0.034, neck: 0.021 },
  athletic: { shoulder: 0.118, waist: 0.076, hip: 0.084, arm: 0.03, leg: 0.037, neck: 0.024 },
  broad: { shoulder: 0.132, waist: 0.094, hip: 0.092, arm: 0.034, leg: 0.04, neck: 0.028 },
  heavy: { shoulder: 0.124, waist: 0.112, hip: 0.11, arm: 0.034, leg: 0.042, neck: 0.027 },
};

const FACE: Record<Identity["face"]["shape"], { rx: number; ry: number }> = {
  oval: { rx: 0.056, ry: 0.072 },
  round: { rx: 0.062, ry: 0.069 },
  square: { rx: 0.059, ry: 0.071 },
  long: { rx: 0.052, ry: 0.077 },
  heart: { rx: 0.058, ry: 0.072 },
};

export function proportionsOf(identity: Identity): Proportions {
  const b = BUILD[identity.build];
  const f = FACE[identity.face.shape];
  return { ...b, headRx: f.rx, headRy: f.ry };
}

/** A long coat or a short top: fixed by the identity's seed, so it never changes between shots. */
export function wearsCoat(identity: Identity): boolean {
  return identity.seed % 3 === 0 || /coat|cloak|robe|duster|trench|gown|dress/i.test(identity.wardrobe.description);
}

import { LIMITS } from "../screenplay/limits";
import type { RequestedScene } from "./read-idea";
import { createRng } from "./prng";
import type { SceneSlot } from "./write-scenes";

export interface ActPlan {
  id: string;
  slots: SceneSlot[];
}

/** Average shot length for a film of this length: ~4.5 s, longer where LIMITS.maxShots would be reached. */
export function averageShotFor(seconds: number): number {
  return Math.max(4.5, (seconds / LIMITS.maxShots) * 1.25);
}

function sceneCountFor(seconds: number): number {
  const sceneLength = seconds <= 45 ? 15 : seconds <= 300 ? 28 : seconds <= 1200 ? 45 : 75;
  return Math.max(1, Math.round(seconds / sceneLength));
}

/**
 * The film's structure: how many scenes, which act each sits in (three acts ~25/50/25), where the
 * requested scenes go (opening first, middle at the midpoint, climax in the finale, ending last), and
 * how many seconds each scene gets (adding up to the target).
 */
export function planSlots(seconds: number, requested: RequestedScene[], seed: string): ActPlan[] {
  let n = Math.max(sceneCountFor(seconds), requested.length);
  if (seconds >= 24) n = Math.max(n, 3);
  const acts = n >= 3 ? 3 : n;
  const rng = createRng("slots", seed);
  const weights = Array.from({ length: n }, (_, i) => (i === 0 || i === n - 1 ? 0.9 : 1) * rng.range(0.85, 1.15));
  const sum = weights.reduce((a, b) => a + b, 0);
  const actOf = (i: number) => (acts < 3 ? Math.min(acts - 1, i) : (i + 0.5) / n < 0.25 ? 0 : (i + 0.5) / n < 0.75 ? 1 : 2);
  // Requested scenes: target indices in order, kept distinct and increasing.
  const target = { opening: 0, middle: (n - 1) * 0.5, climax: (n - 1) * 0.85, ending: n - 1 };
  const placed = new Map<number, RequestedScene>();
  let floor = 0;
  requested.forEach((r, k) => {
    let i = Math.max(floor, Math.round(target[r.position]));
    i = Math.min(i, n - (requested.length - k));
    placed.set(i, r);
    floor = i + 1;
  });
  let allotted = 0;
  const slots: SceneSlot[] = weights.map((w, i) => {
    const secs = i === n - 1 ? seconds - allotted : Math.round(((seconds * w) / sum) * 100) / 100;
    allotted += secs;
    return {
      id: `s${i + 1}`,
      position: n === 1 ? 0 : i / (n - 1),
      seconds: secs,
      requested: placed.get(i),
      first: i === 0,
      last: i === n - 1,
      actStart: i > 0 && actOf(i) !== actOf(i - 1),
      actEnd: i === n - 1 || actOf(i) !== actOf(i + 1),
    };
  });
  return Array.from({ length: acts }, (_, a) => ({ id: `act-${a + 1}`, slots: slots.filter((_, i) => actOf(i) === a) }));
}

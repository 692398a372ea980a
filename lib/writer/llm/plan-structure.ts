/**
 * How a film of a given length is cut into acts, scenes and shots before any model call, so that the
 * levels the model writes add up to the requested running time and stay inside LIMITS.
 */
import { LIMITS } from "../../screenplay/limits";

export interface ActPlan {
  /** Share of the running time. */
  share: number;
  seconds: number;
  scenes: number;
}

export interface StructurePlan {
  targetSeconds: number;
  /** Average shot length to aim for (longer for very long films, so the shot count stays in LIMITS). */
  avgShotSeconds: number;
  acts: ActPlan[];
}

/** Largest-remainder split of `total` into integers proportional to `shares`, each at least `min`. */
export function splitCount(total: number, shares: readonly number[], min = 1): number[] {
  const free = Math.max(0, total - min * shares.length);
  const sum = shares.reduce((a, b) => a + b, 0);
  const raw = shares.map((s) => (free * s) / sum);
  const out = raw.map((r) => Math.floor(r));
  let left = free - out.reduce((a, b) => a + b, 0);
  const order = raw.map((r, i) => ({ i, rest: r - Math.floor(r) })).sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    out[i]++;
    left--;
  }
  return out.map((n) => n + min);
}

export function planStructure(targetSeconds: number): StructurePlan {
  const target = Math.min(LIMITS.maxFilmSeconds, Math.max(LIMITS.minFilmSeconds, targetSeconds));
  // ~4.5 s a shot, longer where that would pass 90% of the shot limit.
  const avgShotSeconds = Math.max(4.5, target / (LIMITS.maxShots * 0.9));
  const shares = target < 45 ? [1] : [0.25, 0.5, 0.25];
  // Short films get short scenes; features settle at ~2.5 minutes a scene.
  const sceneSeconds = Math.min(150, Math.max(target < 45 ? target : 45, target / 10));
  const scenes = Math.max(shares.length, Math.round(target / sceneSeconds));
  const perAct = splitCount(scenes, shares);
  return {
    targetSeconds: target,
    avgShotSeconds,
    acts: shares.map((share, i) => ({ share, seconds: target * share, scenes: perAct[i] })),
  };
}

/** How many shots to ask for in a scene of `seconds`, and the range that can still be timed to fit. */
export function shotRange(seconds: number, avgShotSeconds: number): { ask: number; min: number; max: number } {
  const min = Math.max(1, Math.ceil(seconds / (LIMITS.maxShotSeconds * 0.85)));
  const max = Math.max(min, Math.min(LIMITS.maxShotsPerScene, Math.floor(seconds / (LIMITS.minShotSeconds * 1.5))));
  const ask = Math.min(max, Math.max(min, Math.round(seconds / avgShotSeconds)));
  return { ask, min, max };
}

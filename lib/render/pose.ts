/**
 * Bodies over time (pure): a speaker gestures with the line (a hand raised, an arm thrown toward the
 * listener, open hands), and people walk in a tracking shot (legs step, arms swing, the body bobs).
 * Poses are quantized so a shot draws each distinct body once and only picks one per frame.
 */
import type { Delivery } from "../screenplay/schema";
import type { ShotSpec } from "../plan/specs";
import type { FigurePlacement } from "./shot-layout";

/** An arm's turn out from hanging straight down, radians: the upper arm at the shoulder, the forearm (its own direction) at the elbow. */
export interface ArmPose {
  upper: number;
  fore: number;
}

export interface BodyPose {
  /** [screen-left arm, screen-right arm]; null hangs at rest. */
  arms: [ArmPose | null, ArmPose | null];
  /** How far each foot is lifted off the ground, in body units. */
  lift: [number, number];
  /** The whole body raised, in body units (the bob of a walk). */
  bob: number;
}

export const REST: BodyPose = { arms: [null, null], lift: [0, 0], bob: 0 };

type Gesture = "raise" | "point" | "open";

const GESTURES: Record<Delivery, { kind: Gesture; size: number }> = {
  neutral: { kind: "raise", size: 0.55 },
  whispered: { kind: "open", size: 0.5 },
  shouted: { kind: "point", size: 1 },
  sarcastic: { kind: "open", size: 1 },
  scared: { kind: "open", size: 0.8 },
  tender: { kind: "open", size: 0.6 },
  angry: { kind: "point", size: 1 },
  sad: { kind: "open", size: 0.5 },
  excited: { kind: "raise", size: 1 },
  weary: { kind: "open", size: 0.5 },
  cold: { kind: "point", size: 0.6 },
  amused: { kind: "raise", size: 0.8 },
};

/** A gesture at full size: the gesturing arm, and the other (a hand up by the shoulder, a forearm out toward the listener, both hands open at the waist). */
const REACH: Record<Gesture, [ArmPose, ArmPose | null]> = {
  raise: [{ upper: 0.3, fore: 2.5 }, null],
  point: [{ upper: 0.4, fore: 1.3 }, null],
  open: [{ upper: 0.25, fore: 1.0 }, { upper: 0.25, fore: 1.0 }],
};

const STEPS = 4;
const WALK_PHASES = 8;
/** Seconds per stride (two steps). */
const STRIDE = 1.0;

const q = (v: number, steps: number) => Math.round(v * steps) / steps;

/** Whether the people in a shot walk: a tracking camera travels with them, and they show from the waist down or wider. */
export function walksIn(spec: ShotSpec): boolean {
  return spec.camera.move === "tracking" && ["extreme-wide", "wide", "full", "medium", "two-shot"].includes(spec.framing);
}

/** How far into a line's gesture we are (0..1): up over a third of a second, held, down before the line ends. */
function gestureAmount(t: number, start: number, end: number): number {
  if (end - start < 1) return 0;
  const up = Math.min(1, (t - start) / 0.3);
  const down = Math.min(1, (end - t) / 0.35);
  return Math.max(0, Math.min(up, down));
}

/**
 * A character's body at a frame. Gestures belong to a speaker mid-line (not in a walk, not for a back or
 * an animal); a walk belongs to everyone standing in a tracking shot. The same inputs give the same pose.
 */
export function poseAt(spec: ShotSpec, f: FigurePlacement, frame: number, walking: boolean): BodyPose {
  const id = f.character.identity;
  if (f.back || f.rides || id.body === "animal") return REST;
  const t = frame / spec.fps;
  if (walking) {
    // each figure keeps its own step, fixed by its seed
    const phase = Math.floor(((t / STRIDE + (id.seed % 8) / 8) % 1) * WALK_PHASES) / WALK_PHASES;
    const a = phase * Math.PI * 2;
    const s = Math.sin(a);
    const swing = (k: number): ArmPose => ({ upper: q(0.1 * k, 40), fore: q(0.22 * k, 40) });
    return { arms: [swing(s), swing(-s)], lift: [q(Math.max(0, s) * 0.045, 200), q(Math.max(0, -s) * 0.045, 200)], bob: q(Math.abs(Math.cos(a)) * 0.012, 500) };
  }
  const lines = spec.lines.filter((l) => l.speaker === f.id);
  const k = lines.findIndex((l) => t >= l.startSec && t < l.endSec);
  if (k < 0) return REST;
  const line = lines[k]!;
  const amount = q(gestureAmount(t, line.startSec, line.endSec), STEPS);
  if (amount === 0) return REST;
  const g = GESTURES[line.delivery];
  // the arm toward the listener (lines take turns when there is no one to face)
  const toward = f.facing > 0.05 ? 1 : f.facing < -0.05 ? 0 : (k + (id.seed % 2)) % 2;
  const scale = (a: ArmPose | null): ArmPose | null => (a ? { upper: q(a.upper * g.size * amount, 40), fore: q(a.fore * g.size * amount, 40) } : null);
  const [main, other] = [scale(REACH[g.kind][0]), scale(REACH[g.kind][1])];
  const arms: [ArmPose | null, ArmPose | null] = toward === 1 ? [other, main] : [main, other];
  return { arms, lift: [0, 0], bob: 0 };
}

/** A pose's cache key. */
export function poseKey(p: BodyPose): string {
  const arm = (a: ArmPose | null) => (a ? `${a.upper}/${a.fore}` : "-");
  return `${arm(p.arms[0])},${arm(p.arms[1])},${p.lift[0]},${p.lift[1]}`;
}

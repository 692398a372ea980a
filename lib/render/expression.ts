/**
 * Faces over time (pure): which line is being spoken at a frame, how open the speaker's mouth is
 * (from the line's loudness envelope), the expression its delivery gives, and blinks.
 */
import type { Delivery } from "../screenplay/schema";
import type { PlacedLine, ShotSpec } from "../plan/specs";
import { makeRng } from "./rng";

export interface Expression {
  /** Brows up (+) or down (-), in face units. */
  browRaise: number;
  /** Inner ends of the brows: + up (worried, sad), - down (angry). */
  browTilt: number;
  /** Eye opening, 1 = normal. */
  eyeOpen: number;
  /** Mouth corners up (+) or down (-). */
  smile: number;
  /** Mouth width factor. */
  mouthWidth: number;
  /** Lopsided (sarcastic) smirk: -1..1. */
  asym: number;
  /** How much the envelope opens the mouth (shouting opens more, whispering less). */
  openGain: number;
}

export const NEUTRAL: Expression = { browRaise: 0, browTilt: 0, eyeOpen: 1, smile: 0, mouthWidth: 1, asym: 0, openGain: 1 };

const EXPRESSIONS: Record<Delivery, Partial<Expression>> = {
  neutral: {},
  whispered: { eyeOpen: 0.85, mouthWidth: 0.8, openGain: 0.55, browRaise: 0.1 },
  shouted: { browRaise: -0.2, browTilt: -0.6, eyeOpen: 1.2, mouthWidth: 1.25, openGain: 1.5 },
  sarcastic: { browRaise: 0.3, asym: 0.8, smile: 0.25, eyeOpen: 0.85 },
  scared: { browRaise: 0.6, browTilt: 0.8, eyeOpen: 1.35, smile: -0.3, mouthWidth: 0.9 },
  tender: { browRaise: 0.2, browTilt: 0.3, eyeOpen: 0.9, smile: 0.5, openGain: 0.8 },
  angry: { browRaise: -0.35, browTilt: -1, eyeOpen: 0.9, smile: -0.5, mouthWidth: 1.1, openGain: 1.2 },
  sad: { browRaise: 0.2, browTilt: 0.9, eyeOpen: 0.75, smile: -0.6, openGain: 0.8 },
  excited: { browRaise: 0.55, eyeOpen: 1.25, smile: 0.8, mouthWidth: 1.2, openGain: 1.25 },
  weary: { browRaise: -0.1, browTilt: 0.3, eyeOpen: 0.6, smile: -0.2, openGain: 0.75 },
  cold: { browRaise: -0.15, eyeOpen: 0.8, smile: -0.1, mouthWidth: 0.9, openGain: 0.8 },
  amused: { browRaise: 0.25, eyeOpen: 0.9, smile: 0.7, asym: 0.2 },
};

export function expressionFor(delivery: Delivery): Expression {
  return { ...NEUTRAL, ...EXPRESSIONS[delivery] };
}

/** The line being spoken at a frame (by anyone), if any. */
export function lineAt(spec: ShotSpec, frame: number): PlacedLine | undefined {
  const t = frame / spec.fps;
  return spec.lines.find((l) => t >= l.startSec && t < l.endSec);
}

/** The line a character is speaking at a frame, or the one they spoke last (for a lingering expression). */
export function faceStateAt(spec: ShotSpec, characterId: string, frame: number): { mouth: number; expression: Expression } {
  const t = frame / spec.fps;
  let last: PlacedLine | undefined;
  for (const l of spec.lines) {
    if (l.speaker !== characterId) continue;
    if (t >= l.startSec && t < l.endSec) {
      const k = frame - Math.round(l.startSec * spec.fps);
      const env = l.envelope.length ? (l.envelope[Math.min(l.envelope.length - 1, Math.max(0, k))] ?? 0) : 0.5 * (1 + Math.sin(frame * 1.7));
      const expression = expressionFor(l.delivery);
      return { mouth: Math.min(1, Math.max(0, env * expression.openGain)), expression };
    }
    if (l.endSec <= t && (!last || l.endSec > last.endSec)) last = l;
  }
  // Hold the expression of the last line for a moment, then relax halfway to neutral.
  if (last) {
    const e = expressionFor(last.delivery);
    const since = t - last.endSec;
    const k = since < 0.6 ? 1 : 0.5;
    return { mouth: 0, expression: blend(NEUTRAL, e, k) };
  }
  return { mouth: 0, expression: NEUTRAL };
}

function blend(a: Expression, b: Expression, k: number): Expression {
  const m = (x: number, y: number) => x + (y - x) * k;
  return {
    browRaise: m(a.browRaise, b.browRaise),
    browTilt: m(a.browTilt, b.browTilt),
    eyeOpen: m(a.eyeOpen, b.eyeOpen),
    smile: m(a.smile, b.smile),
    mouthWidth: m(a.mouthWidth, b.mouthWidth),
    asym: m(a.asym, b.asym),
    openGain: m(a.openGain, b.openGain),
  };
}

/** Blink amount (0 open .. 1 shut) for a character at a frame: every 2.5-5 s, 4 frames long. */
export function blinkAt(seed: number, frame: number): number {
  const rng = makeRng(seed ^ 0xb1e4);
  let at = rng.int(12, 60);
  while (at <= frame) {
    const d = frame - at;
    if (d < 4) return [0.6, 1, 0.7, 0.25][d]!;
    at += rng.int(60, 120);
  }
  return 0;
}

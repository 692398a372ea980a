/**
 * The camera over a shot (pure): where it looks at each frame. Pans and tilts move the whole view
 * together; tracking and crane moves shift layers by their depth (parallax); push-in/pull-out zoom
 * near layers more than far ones (a dolly); handheld shakes from the shot's seed.
 */
import type { CameraMove } from "../screenplay/schema";
import { makeRng } from "./rng";

export interface CameraState {
  /** Uniform view offset (pans, tilts, handheld), pixels. The picture moves by minus this. */
  panX: number;
  panY: number;
  /** Lateral travel (tracking), pixels at parallax 1; the characters travel with the camera. */
  trackX: number;
  /** Vertical travel (crane), pixels at parallax 1. */
  craneY: number;
  /** Zoom at parallax 1 (1 = rest). */
  zoom: number;
  /** Roll, radians. */
  roll: number;
}

export const CAMERA_AMPLITUDE = { pan: 70, tilt: 45, track: 150, crane: 80, pushZoom: 0.16, shake: 7 } as const;

function ease(t: number): number {
  return t * t * (3 - 2 * t);
}

export interface CameraPath {
  at(frame: number): CameraState;
  move: CameraMove;
}

export function cameraPath(move: CameraMove, frames: number, seed: number): CameraPath {
  const A = CAMERA_AMPLITUDE;
  const rng = makeRng(seed ^ 0x5eed);
  const phases = Array.from({ length: 6 }, () => rng.range(0, Math.PI * 2));
  const freqs = [0.9, 1.7, 0.6, 1.3, 2.3, 0.4].map((f) => f * rng.range(0.8, 1.25));
  const at = (frame: number): CameraState => {
    const t = frames > 1 ? Math.min(1, Math.max(0, frame / (frames - 1))) : 0;
    const e = ease(t);
    const s: CameraState = { panX: 0, panY: 0, trackX: 0, craneY: 0, zoom: 1, roll: 0 };
    switch (move) {
      case "push-in":
        s.zoom = 1 + A.pushZoom * e;
        break;
      case "pull-out":
        s.zoom = 1 + A.pushZoom * (1 - e);
        break;
      case "pan-left":
        s.panX = A.pan * (1 - 2 * e);
        break;
      case "pan-right":
        s.panX = -A.pan * (1 - 2 * e);
        break;
      case "tilt-up":
        s.panY = A.tilt * (1 - 2 * e);
        break;
      case "tilt-down":
        s.panY = -A.tilt * (1 - 2 * e);
        break;
      case "tracking":
        s.trackX = -A.track * (1 - 2 * t);
        break;
      case "crane-up":
        s.craneY = A.crane * (1 - 2 * e);
        s.zoom = 1 + 0.05 * (1 - e);
        break;
      case "crane-down":
        s.craneY = -A.crane * (1 - 2 * e);
        s.zoom = 1 + 0.05 * e;
        break;
      case "handheld": {
        const sec = frame / 24;
        const w = (i: number) => Math.sin(sec * freqs[i]! * Math.PI * 2 + phases[i]!);
        s.panX = A.shake * (0.7 * w(0) + 0.3 * w(1));
        s.panY = A.shake * 0.8 * (0.6 * w(2) + 0.4 * w(3));
        // no roll: a shift-only shake keeps every layer on the fast copy path
        break;
      }
      case "static":
        break;
    }
    return s;
  };
  return { at, move };
}

/** Whether every layer moves the same way (then static layers can be merged into one picture). */
export function movesUniformly(move: CameraMove): boolean {
  return move === "static" || move === "pan-left" || move === "pan-right" || move === "tilt-up" || move === "tilt-down" || move === "handheld";
}

/** Largest shift any layer of parallax p sees over the shot (for the margins of layer canvases). */
export function maxShift(move: CameraMove, p: number): { x: number; y: number } {
  const A = CAMERA_AMPLITUDE;
  switch (move) {
    case "pan-left":
    case "pan-right":
      return { x: A.pan, y: 0 };
    case "tilt-up":
    case "tilt-down":
      return { x: 0, y: A.tilt };
    case "tracking":
      return { x: A.track * p, y: 0 };
    case "crane-up":
    case "crane-down":
      return { x: 0, y: A.crane * p };
    case "handheld":
      return { x: A.shake + 6, y: A.shake + 6 };
    default:
      return { x: 0, y: 0 };
  }
}

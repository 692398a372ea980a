/** What a place's layer painters get: the frame geometry, the grade, a seeded PRNG and the place. */
import type { SKRSContext2D } from "@napi-rs/canvas";
import type { PlaceSpec } from "../../plan/specs";
import type { Grade } from "../grade";
import type { Rng } from "../rng";

export type Ctx = SKRSContext2D;

export type Depth = "sky" | "far" | "mid" | "near" | "fg";
export const DEPTHS: readonly Depth[] = ["sky", "far", "mid", "near", "fg"];

/** Parallax of each depth (share of the camera's travel it follows). */
export const PARALLAX: Record<Depth, number> = { sky: 0.03, far: 0.18, mid: 0.5, near: 0.85, fg: 1.5 };
/** Share of a dolly's zoom each depth takes. */
export const ZOOM_SHARE: Record<Depth, number> = { sky: 0.25, far: 0.45, mid: 0.7, near: 0.9, fg: 1.25 };

export interface Light {
  x: number;
  y: number;
  color: string;
  /** Radius in pixels. */
  size: number;
}

export interface PlaceContext {
  /** Frame size. */
  W: number;
  H: number;
  /** Area to cover (frame coordinates, beyond the frame by the layer's margin). */
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  /** The frame's top edge in the painter's coordinates (place ceilings, lamps and suns from here). */
  top: number;
  horizonY: number;
  place: PlaceSpec;
  grade: Grade;
  /** Seeded by the place: the same for every shot of a scene. One stream per depth. */
  rng: Rng;
  /** 0 (day) .. 1 (night) */
  darkness: number;
  /** Light sources the painter drew (frame coordinates), for flares and glows. */
  lights: Light[];
}

export type LayerPainter = (ctx: Ctx, pc: PlaceContext) => void;
export type PlacePainters = Partial<Record<Depth, LayerPainter>>;

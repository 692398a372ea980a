/** Which painters draw a place: by kind, and indoors or out for the kinds that can be either. */
import type { LocationKind } from "../../screenplay/schema";
import type { PlaceSpec } from "../../plan/specs";
import { EXTERIORS } from "./exteriors";
import { INTERIORS } from "./interiors";
import type { PlaceContext, PlacePainters } from "./place-context";

const ALWAYS_INSIDE: ReadonlySet<LocationKind> = new Set(["room", "bar", "office", "lab", "warehouse", "cave", "train", "spaceship"]);

export function placePainters(place: PlaceSpec, pc: PlaceContext): PlacePainters {
  const kind = place.kind;
  const inside = ALWAYS_INSIDE.has(kind) || (place.interior && kind in INTERIORS);
  if (inside && kind in INTERIORS) return INTERIORS[kind as keyof typeof INTERIORS](pc);
  if (kind in EXTERIORS) return EXTERIORS[kind as keyof typeof EXTERIORS](pc);
  return place.interior ? INTERIORS.room(pc) : EXTERIORS.field(pc);
}

/** Whether the place is drawn as an interior (its light is practical, not the sky's). */
export function drawnInside(place: PlaceSpec): boolean {
  return ALWAYS_INSIDE.has(place.kind) || (place.interior && place.kind in INTERIORS);
}

/**
 * The messages behind the regenerate buttons: what the writer is asked for when a person clicks
 * "New take", "Regenerate scene" or "Say it differently". Pure.
 */
import type { Delivery } from "../../lib/screenplay/schema";
import type { EditTarget } from "./api-client";

/** The order deliveries are tried in when a line is said differently. */
const DELIVERY_CYCLE: Delivery[] = ["tender", "whispered", "sarcastic", "angry", "sad", "excited", "weary", "cold", "amused", "scared", "shouted"];

/** The next delivery after `current` (never the same one). */
export function nextDelivery(current: Delivery): Delivery {
  const at = DELIVERY_CYCLE.indexOf(current);
  return DELIVERY_CYCLE[(at + 1) % DELIVERY_CYCLE.length]!;
}

export type RegenerateKind = "take" | "scene" | "line";

export function regenerateRequest(kind: "take", shotId: string): { message: string; target: EditTarget };
export function regenerateRequest(kind: "scene", sceneId: string): { message: string; target: EditTarget };
export function regenerateRequest(kind: "line", lineId: string, delivery: Delivery): { message: string; target: EditTarget };
export function regenerateRequest(kind: RegenerateKind, id: string, delivery?: Delivery): { message: string; target: EditTarget } {
  if (kind === "take") return { message: "Another take of this shot.", target: { kind: "shot", id } };
  if (kind === "scene") return { message: "Regenerate this scene: rewrite it with a different turn.", target: { kind: "scene", id } };
  return { message: `Say this line differently: ${nextDelivery(delivery ?? "neutral")}.`, target: { kind: "line", id } };
}

/** A key that is the same for clicks on the same button (a double click reuses one request). */
export function regenerateKey(target: EditTarget): string {
  return `${target.kind}:${target.id}`;
}

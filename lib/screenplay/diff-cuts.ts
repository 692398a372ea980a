/**
 * What differs between two cuts of a film: scenes and shots added, removed, changed or the same,
 * compared by content (canonical JSON), and which characters changed. Pure.
 */
import { canonicalJson } from "../plan/keys";
import type { Screenplay } from "./schema";

export type Change = "added" | "removed" | "changed" | "same";

export interface CutDiff {
  scenes: { sceneId: string; heading: string; change: Change }[];
  shots: { shotId: string; sceneId: string; change: Change }[];
  characters: { characterId: string; name: string; change: Change }[];
  style: "changed" | "same";
  /** Counts per kind of change, over shots. */
  summary: Record<Change, number>;
}

function scenesOf(sp: Screenplay) {
  return sp.acts.flatMap((a) => a.scenes);
}

function compare<T>(a: Map<string, T>, b: Map<string, T>): Map<string, Change> {
  const out = new Map<string, Change>();
  for (const [id, value] of b) {
    const before = a.get(id);
    out.set(id, before === undefined ? "added" : canonicalJson(before) === canonicalJson(value) ? "same" : "changed");
  }
  for (const id of a.keys()) if (!b.has(id)) out.set(id, "removed");
  return out;
}

export function diffCuts(a: Screenplay, b: Screenplay): CutDiff {
  const scenesA = new Map(scenesOf(a).map((s) => [s.id, s]));
  const scenesB = new Map(scenesOf(b).map((s) => [s.id, s]));
  const shotsA = new Map(scenesOf(a).flatMap((s) => s.shots.map((h) => [h.id, { sceneId: s.id, shot: h }] as const)));
  const shotsB = new Map(scenesOf(b).flatMap((s) => s.shots.map((h) => [h.id, { sceneId: s.id, shot: h }] as const)));
  const charsA = new Map(a.characters.map((c) => [c.id, c]));
  const charsB = new Map(b.characters.map((c) => [c.id, c]));

  const sceneChanges = compare(scenesA, scenesB);
  const shotChanges = compare(new Map([...shotsA].map(([k, v]) => [k, v.shot])), new Map([...shotsB].map(([k, v]) => [k, v.shot])));
  const charChanges = compare(charsA, charsB);
  const summary: Record<Change, number> = { added: 0, removed: 0, changed: 0, same: 0 };
  for (const c of shotChanges.values()) summary[c]++;
  return {
    scenes: [...sceneChanges].map(([sceneId, change]) => ({ sceneId, heading: (scenesB.get(sceneId) ?? scenesA.get(sceneId))!.heading, change })),
    shots: [...shotChanges].map(([shotId, change]) => ({ shotId, sceneId: (shotsB.get(shotId) ?? shotsA.get(shotId))!.sceneId, change })),
    characters: [...charChanges].map(([characterId, change]) => ({ characterId, name: (charsB.get(characterId) ?? charsA.get(characterId))!.name, change })),
    style: canonicalJson(a.style) === canonicalJson(b.style) ? "same" : "changed",
    summary,
  };
}

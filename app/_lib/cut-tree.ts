/**
 * The cut history as a tree, flattened for display: every cut under its parent (children oldest
 * first), with its depth, its number in order of making, the branches whose head it is, and whether
 * it is the one shown. Pure.
 */
import type { FilmView } from "../../lib/film/views";

export interface CutTreeRow {
  id: string;
  parentCutId: string | null;
  depth: number;
  /** 1-based, in order of making ("Cut 3"). */
  number: number;
  message: string;
  status: FilmView["cuts"][number]["status"];
  /** Branches whose head is this cut. */
  heads: { id: string; name: string }[];
  shown: boolean;
}

export function cutTree(cuts: FilmView["cuts"], branches: FilmView["branches"], shownCutId: string | null): CutTreeRow[] {
  const ordered = [...cuts].sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt) || a.id.localeCompare(b.id));
  const number = new Map(ordered.map((c, i) => [c.id, i + 1]));
  const known = new Set(ordered.map((c) => c.id));
  const children = new Map<string | null, typeof ordered>();
  for (const cut of ordered) {
    // A cut whose parent is gone (a deleted branch) is shown as a root.
    const parent = cut.parentCutId && known.has(cut.parentCutId) ? cut.parentCutId : null;
    children.set(parent, [...(children.get(parent) ?? []), cut]);
  }
  const rows: CutTreeRow[] = [];
  const visit = (parent: string | null, depth: number) => {
    for (const cut of children.get(parent) ?? []) {
      rows.push({
        id: cut.id,
        parentCutId: cut.parentCutId,
        depth,
        number: number.get(cut.id)!,
        message: cut.message,
        status: cut.status,
        heads: branches.filter((b) => b.headCutId === cut.id).map((b) => ({ id: b.id, name: b.name })),
        shown: cut.id === shownCutId,
      });
      visit(cut.id, depth + 1);
    }
  };
  visit(null, 0);
  return rows;
}

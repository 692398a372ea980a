/**
 * Versions of a film: undo (back to the parent cut), branches (alternate versions that keep each
 * other), comparing two cuts, deleting a branch or a film (and freeing what no remaining cut uses).
 */
import { randomUUID } from "node:crypto";
import { inArray } from "drizzle-orm";
import {
  deleteBranchById,
  deleteFilmById,
  getBranchByIdForFilm,
  getCutByIdForOwner,
  getFilmByIdForOwner,
  insertBranch,
  listBranchesByFilm,
  listCutsByFilm,
  setBranchHead,
} from "../../db/queries";
import { cuts } from "../../db/schema";
import { AuteurError } from "../errors";
import { getRuntime } from "../runtime";
import { diffCuts, type CutDiff } from "../screenplay/diff-cuts";
import { collectGarbage, type GcResult } from "./collect-garbage";
import { announceFilmChange } from "./film-changes";

async function ownedFilm(ownerId: string, filmId: string) {
  const rt = await getRuntime();
  const film = await getFilmByIdForOwner({ db: rt.db, filmId, ownerId });
  if (!film) throw new AuteurError("not_found", "No such film.");
  return { rt, film };
}

async function branchOf(filmId: string, branchId: string | undefined) {
  const rt = await getRuntime();
  const branches = await listBranchesByFilm({ db: rt.db, filmId });
  const branch = branchId ? branches.find((b) => b.id === branchId) : branches.find((b) => b.name === "main") ?? branches[0];
  if (!branch) throw new AuteurError("not_found", "No such branch.");
  return branch;
}

/** Move the branch back to its head's parent cut. The undone cut stays in the history. */
export async function undo(input: { ownerId: string; filmId: string; branchId?: string }): Promise<{ branchId: string; cutId: string }> {
  const { rt, film } = await ownedFilm(input.ownerId, input.filmId);
  const branch = await branchOf(film.id, input.branchId);
  const head = branch.headCutId ? await getCutByIdForOwner({ db: rt.db, cutId: branch.headCutId, ownerId: input.ownerId }) : undefined;
  if (!head?.parentCutId) throw new AuteurError("conflict", "There is nothing to undo: this is the first cut.");
  await setBranchHead({ db: rt.db, branchId: branch.id, cutId: head.parentCutId });
  await announceFilmChange(rt.db, film.id);
  return { branchId: branch.id, cutId: head.parentCutId };
}

/** Point a branch at any cut of the film (switching versions; later messages build on it). */
export async function checkoutCut(input: { ownerId: string; filmId: string; cutId: string; branchId?: string }): Promise<{ branchId: string; cutId: string }> {
  const { rt, film } = await ownedFilm(input.ownerId, input.filmId);
  const cut = await getCutByIdForOwner({ db: rt.db, cutId: input.cutId, ownerId: input.ownerId });
  if (!cut || cut.filmId !== film.id) throw new AuteurError("not_found", "No such cut.");
  const branch = await branchOf(film.id, input.branchId);
  await setBranchHead({ db: rt.db, branchId: branch.id, cutId: cut.id });
  await announceFilmChange(rt.db, film.id);
  return { branchId: branch.id, cutId: cut.id };
}

export function branchName(existing: string[], wanted?: string): string {
  const base = (wanted ?? "alternate").trim().replace(/\s+/g, " ").slice(0, 40) || "alternate";
  if (!existing.includes(base)) return base;
  for (let i = 2; ; i++) if (!existing.includes(`${base} ${i}`)) return `${base} ${i}`;
}

/** A new branch starting at a cut: the original branch is kept as it is. */
export async function createBranch(input: { ownerId: string; filmId: string; fromCutId?: string; name?: string }): Promise<{ branchId: string; name: string; cutId: string }> {
  const { rt, film } = await ownedFilm(input.ownerId, input.filmId);
  const branches = await listBranchesByFilm({ db: rt.db, filmId: film.id });
  const fromCutId = input.fromCutId ?? branches.find((b) => b.name === "main")?.headCutId;
  const cut = fromCutId ? await getCutByIdForOwner({ db: rt.db, cutId: fromCutId, ownerId: input.ownerId }) : undefined;
  if (!cut || cut.filmId !== film.id) throw new AuteurError("not_found", "No such cut.");
  const name = branchName(
    branches.map((b) => b.name),
    input.name,
  );
  const branchId = randomUUID();
  await insertBranch({ db: rt.db, branch: { id: branchId, filmId: film.id, name, headCutId: cut.id } });
  await announceFilmChange(rt.db, film.id);
  return { branchId, name, cutId: cut.id };
}

/**
 * Delete a branch: its cuts go, except those another branch still builds on (they move to that
 * branch). Then assets no remaining cut uses are freed.
 */
export async function deleteBranch(input: { ownerId: string; filmId: string; branchId: string }): Promise<{ gc: GcResult }> {
  const { rt, film } = await ownedFilm(input.ownerId, input.filmId);
  const branch = await getBranchByIdForFilm({ db: rt.db, branchId: input.branchId, filmId: film.id });
  if (!branch) throw new AuteurError("not_found", "No such branch.");
  const branches = await listBranchesByFilm({ db: rt.db, filmId: film.id });
  if (branches.length === 1) throw new AuteurError("conflict", "A film needs at least one branch; delete the film instead.");
  const allCuts = await listCutsByFilm({ db: rt.db, filmId: film.id });
  const parent = new Map(allCuts.map((c) => [c.id, c.parentCutId]));
  await rt.db.transaction(async (tx) => {
    for (const other of branches) {
      if (other.id === branch.id) continue;
      // Every ancestor of another branch's head stays; those owned by the deleted branch move over.
      const keep: string[] = [];
      for (let id = other.headCutId; id; id = parent.get(id) ?? null) keep.push(id);
      const moving = allCuts.filter((c) => c.branchId === branch.id && keep.includes(c.id)).map((c) => c.id);
      if (moving.length) await tx.update(cuts).set({ branchId: other.id }).where(inArray(cuts.id, moving));
    }
    await deleteBranchById({ db: tx, branchId: branch.id });
  });
  await announceFilmChange(rt.db, film.id);
  return { gc: await collectGarbage() };
}

export async function deleteFilm(input: { ownerId: string; filmId: string }): Promise<{ gc: GcResult }> {
  const { rt, film } = await ownedFilm(input.ownerId, input.filmId);
  await deleteFilmById({ db: rt.db, filmId: film.id });
  await announceFilmChange(rt.db, film.id);
  return { gc: await collectGarbage() };
}

export async function compareCuts(input: { ownerId: string; a: string; b: string }): Promise<CutDiff> {
  const rt = await getRuntime();
  const [a, b] = await Promise.all([
    getCutByIdForOwner({ db: rt.db, cutId: input.a, ownerId: input.ownerId }),
    getCutByIdForOwner({ db: rt.db, cutId: input.b, ownerId: input.ownerId }),
  ]);
  if (!a || !b) throw new AuteurError("not_found", "No such cut.");
  if (a.filmId !== b.filmId) throw new AuteurError("invalid_input", "Both cuts must be of the same film.");
  return diffCuts(a.screenplay, b.screenplay);
}


/**
 * One exported function per query, named verb + entity + by + key, taking one object. Every query a
 * person's request can reach is scoped by owner.
 */
import { and, asc, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db } from "./client";
import {
  assets,
  branches,
  cutShots,
  cuts,
  films,
  jobResults,
  messages,
  takes,
  users,
  type Branch,
  type Cut,
  type CutShot,
  type Film,
  type Message,
} from "./schema";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
type Conn = Db | Tx;

export async function ensureUser({ db, id, name }: { db: Conn; id: string; name: string }): Promise<void> {
  await db.insert(users).values({ id, name }).onConflictDoNothing();
}

export async function insertFilm({ db, film }: { db: Conn; film: typeof films.$inferInsert }): Promise<void> {
  await db.insert(films).values(film);
}

export async function insertBranch({ db, branch }: { db: Conn; branch: typeof branches.$inferInsert }): Promise<void> {
  await db.insert(branches).values(branch);
}

export async function insertCut({ db, cut }: { db: Conn; cut: typeof cuts.$inferInsert }): Promise<void> {
  await db.insert(cuts).values(cut);
}

export async function insertMessage({ db, message }: { db: Conn; message: typeof messages.$inferInsert }): Promise<void> {
  await db.insert(messages).values(message);
}

export async function insertCutShots({ db, rows }: { db: Conn; rows: (typeof cutShots.$inferInsert)[] }): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) await db.insert(cutShots).values(rows.slice(i, i + 500));
}

export async function setBranchHead({ db, branchId, cutId }: { db: Conn; branchId: string; cutId: string }): Promise<void> {
  await db.update(branches).set({ headCutId: cutId }).where(eq(branches.id, branchId));
}

export async function getFilmByIdForOwner({ db, filmId, ownerId }: { db: Conn; filmId: string; ownerId: string }): Promise<Film | undefined> {
  const rows = await db.select().from(films).where(and(eq(films.id, filmId), eq(films.ownerId, ownerId))).limit(1);
  return rows[0];
}

export async function listFilmsByOwner({ db, ownerId }: { db: Conn; ownerId: string }) {
  return db
    .select({ id: films.id, title: films.title, createdAt: films.createdAt, headCutId: branches.headCutId, status: cuts.status })
    .from(films)
    .leftJoin(branches, and(eq(branches.filmId, films.id), eq(branches.name, "main")))
    .leftJoin(cuts, eq(cuts.id, branches.headCutId))
    .where(eq(films.ownerId, ownerId))
    .orderBy(desc(films.createdAt));
}

export async function listBranchesByFilm({ db, filmId }: { db: Conn; filmId: string }): Promise<Branch[]> {
  return db.select().from(branches).where(eq(branches.filmId, filmId)).orderBy(asc(branches.createdAt));
}

/** Lock the branch row for the length of a transaction, so edits to one branch apply in order. */
export async function lockBranchById({ db, branchId }: { db: Tx; branchId: string }): Promise<Branch | undefined> {
  const rows = await db.select().from(branches).where(eq(branches.id, branchId)).for("update");
  return rows[0];
}

export async function listCutsByFilm({ db, filmId }: { db: Conn; filmId: string }) {
  return db
    .select({ id: cuts.id, parentCutId: cuts.parentCutId, branchId: cuts.branchId, status: cuts.status, createdAt: cuts.createdAt, messageId: cuts.messageId })
    .from(cuts)
    .where(eq(cuts.filmId, filmId))
    .orderBy(asc(cuts.createdAt));
}

export async function listMessagesByFilm({ db, filmId }: { db: Conn; filmId: string }): Promise<Message[]> {
  return db.select().from(messages).where(eq(messages.filmId, filmId)).orderBy(asc(messages.createdAt), asc(messages.role));
}

/** A cut's state without its screenplay (players poll this), only if the owner owns its film. */
export async function getCutStateByIdForOwner({ db, cutId, ownerId }: { db: Conn; cutId: string; ownerId: string }) {
  const rows = await db
    .select({ id: cuts.id, filmId: cuts.filmId, status: cuts.status, filmKey: cuts.filmKey })
    .from(cuts)
    .innerJoin(films, eq(films.id, cuts.filmId))
    .where(and(eq(cuts.id, cutId), eq(films.ownerId, ownerId)))
    .limit(1);
  return rows[0];
}

/** A cut, only if the owner owns its film. */
export async function getCutByIdForOwner({ db, cutId, ownerId }: { db: Conn; cutId: string; ownerId: string }): Promise<Cut | undefined> {
  const rows = await db
    .select({ cut: cuts })
    .from(cuts)
    .innerJoin(films, eq(films.id, cuts.filmId))
    .where(and(eq(cuts.id, cutId), eq(films.ownerId, ownerId)))
    .limit(1);
  return rows[0]?.cut;
}

/** For workers (no person behind the request): a cut by id. */
export async function getCutById({ db, cutId }: { db: Conn; cutId: string }): Promise<Cut | undefined> {
  const rows = await db.select().from(cuts).where(eq(cuts.id, cutId)).limit(1);
  return rows[0];
}

export async function listCutIdsByStatus({ db, status }: { db: Conn; status: Cut["status"] }): Promise<string[]> {
  const rows = await db.select({ id: cuts.id }).from(cuts).where(eq(cuts.status, status));
  return rows.map((r) => r.id);
}

export async function listCutShotsByCut({ db, cutId }: { db: Conn; cutId: string }): Promise<CutShot[]> {
  return db.select().from(cutShots).where(eq(cutShots.cutId, cutId)).orderBy(asc(cutShots.position));
}

/** One change of a cut's shot row: only the fields named in `set` change. */
export interface CutShotUpdate {
  shotId: string;
  set: Partial<Pick<CutShot, "status" | "renderKey" | "mixKey" | "frames" | "reused" | "error">>;
}

/**
 * Several shot rows of one cut changed in one statement (a new cut of a long film changes hundreds at
 * once). Each row changes only the fields its update names; the others keep what they hold.
 */
export async function updateCutShots({ db, cutId, updates }: { db: Conn; cutId: string; updates: readonly CutShotUpdate[] }): Promise<void> {
  if (updates.length === 0) return;
  const rows = JSON.stringify(updates.map((u) => ({ shotId: u.shotId, ...u.set })));
  // A field absent from an update's JSON reads as SQL NULL (`->` of a missing key), a field set to null as JSON null.
  const pick = (field: string, column: string, cast: string) =>
    sql.raw(`${column} = case when u.v -> '${field}' is null then cut_shots.${column} else (u.v ->> '${field}')${cast} end`);
  await db.execute(sql`
    update cut_shots set
      ${pick("status", "status", "")},
      ${pick("renderKey", "render_key", "")},
      ${pick("mixKey", "mix_key", "")},
      ${pick("frames", "frames", "::integer")},
      ${pick("reused", "reused", "::boolean")},
      ${pick("error", "error", "")},
      updated_at = now()
    from jsonb_array_elements(${rows}::jsonb) as u(v)
    where cut_shots.cut_id = ${cutId} and cut_shots.shot_id = u.v ->> 'shotId'`);
}

/** Mark every not-yet-done shot that waits on this render as rendering (a key can serve several cuts). */
export async function markShotsRenderingByRenderKey({ db, renderKey }: { db: Conn; renderKey: string }): Promise<void> {
  await db
    .update(cutShots)
    .set({ status: "rendering", updatedAt: new Date() })
    .where(and(eq(cutShots.renderKey, renderKey), inArray(cutShots.status, ["waiting", "queued"])));
}

export async function updateCut({ db, cutId, set }: { db: Conn; cutId: string; set: Partial<typeof cuts.$inferInsert> }): Promise<void> {
  await db.update(cuts).set(set).where(eq(cuts.id, cutId));
}

/** Takes recorded in one statement; those already known are left as they are. */
export async function insertTakes({ db, takes: rows }: { db: Conn; takes: (typeof takes.$inferInsert)[] }): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) await db.insert(takes).values(rows.slice(i, i + 500)).onConflictDoNothing();
}

export async function upsertAsset({ db, asset }: { db: Conn; asset: typeof assets.$inferInsert }): Promise<void> {
  await db.insert(assets).values(asset).onConflictDoNothing();
}

export async function insertJobResult({ db, result }: { db: Conn; result: typeof jobResults.$inferInsert }): Promise<void> {
  await db.insert(jobResults).values(result).onConflictDoNothing();
}

/** Keys whose work failed for good while rendering this cut, with the reason. */
export async function listFailuresByCut({ db, cutId }: { db: Conn; cutId: string }): Promise<Map<string, string>> {
  const rows = await db
    .select({ key: jobResults.key, error: jobResults.error })
    .from(jobResults)
    .where(and(eq(jobResults.cutId, cutId), eq(jobResults.status, "failed")));
  return new Map(rows.map((r) => [r.key, r.error ?? "failed"]));
}

export async function countPendingShotsByCut({ db, cutId }: { db: Conn; cutId: string }): Promise<number> {
  const rows = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(cutShots)
    .where(and(eq(cutShots.cutId, cutId), isNull(cutShots.mixKey)));
  return rows[0]?.n ?? 0;
}

export async function getBranchByIdForFilm({ db, branchId, filmId }: { db: Conn; branchId: string; filmId: string }): Promise<Branch | undefined> {
  const rows = await db.select().from(branches).where(and(eq(branches.id, branchId), eq(branches.filmId, filmId))).limit(1);
  return rows[0];
}

export async function deleteBranchById({ db, branchId }: { db: Conn; branchId: string }): Promise<void> {
  // A branch's cuts go with it, except cuts another branch still builds on (its head or their parents).
  await db.delete(branches).where(eq(branches.id, branchId));
}

export async function deleteCutsByIds({ db, cutIds }: { db: Conn; cutIds: string[] }): Promise<void> {
  for (let i = 0; i < cutIds.length; i += 500) await db.delete(cuts).where(inArray(cuts.id, cutIds.slice(i, i + 500)));
}

export async function deleteFilmById({ db, filmId }: { db: Conn; filmId: string }): Promise<void> {
  await db.delete(films).where(eq(films.id, filmId));
}

/** Every cut (id, parent, screenplay, film key) still in the database: what garbage collection keeps. */
export async function listAllCutsForGc({ db }: { db: Conn }) {
  return db.select({ id: cuts.id, filmId: cuts.filmId, screenplay: cuts.screenplay, filmKey: cuts.filmKey }).from(cuts);
}

export async function listAllShotKeys({ db }: { db: Conn }) {
  return db.select({ renderKey: cutShots.renderKey, mixKey: cutShots.mixKey }).from(cutShots);
}

export async function listAllTakeKeys({ db }: { db: Conn }) {
  return db.select({ renderKey: takes.renderKey }).from(takes);
}

export async function deleteAssetsByKeys({ db, keys }: { db: Conn; keys: string[] }): Promise<void> {
  for (let i = 0; i < keys.length; i += 500) await db.delete(assets).where(inArray(assets.key, keys.slice(i, i + 500)));
}

export async function getMessageByRequestId({ db, filmId, requestId }: { db: Conn; filmId: string; requestId: string }): Promise<Message | undefined> {
  const rows = await db.select().from(messages).where(and(eq(messages.filmId, filmId), eq(messages.requestId, requestId))).limit(1);
  return rows[0];
}

/** What an owner's renders have cost so far (paid providers record costUsd in the render asset's meta). */
/** The stored meta of these assets (absent keys are left out). */
export async function listAssetMetaByKeys({ db, keys }: { db: Conn; keys: string[] }): Promise<Map<string, Record<string, unknown>>> {
  const out = new Map<string, Record<string, unknown>>();
  const unique = [...new Set(keys)];
  for (let i = 0; i < unique.length; i += 500) {
    const rows = await db.select({ key: assets.key, meta: assets.meta }).from(assets).where(inArray(assets.key, unique.slice(i, i + 500)));
    for (const r of rows) out.set(r.key, r.meta);
  }
  return out;
}

export async function sumRenderCostByOwner({ db, ownerId }: { db: Conn; ownerId: string }): Promise<number> {
  const rows = await db
    .select({ usd: sql<number>`coalesce(sum((${assets.meta}->>'costUsd')::float8), 0)` })
    .from(assets)
    .where(
      inArray(
        assets.key,
        db
          .select({ key: cutShots.renderKey })
          .from(cutShots)
          .innerJoin(cuts, eq(cuts.id, cutShots.cutId))
          .innerJoin(films, eq(films.id, cuts.filmId))
          .where(eq(films.ownerId, ownerId)),
      ),
    );
  return Number(rows[0]?.usd ?? 0);
}

export async function getFilmOwnerByCutId({ db, cutId }: { db: Conn; cutId: string }): Promise<string | undefined> {
  const rows = await db.select({ ownerId: films.ownerId }).from(cuts).innerJoin(films, eq(films.id, cuts.filmId)).where(eq(cuts.id, cutId)).limit(1);
  return rows[0]?.ownerId;
}

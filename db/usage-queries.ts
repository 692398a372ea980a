/**
 * What one owner has used lately, read from the tables as they are (messages, cuts, cut_shots), for the
 * per-person limits in lib/film/limits.ts.
 */
import { and, eq, gt, isNotNull, ne, sql } from "drizzle-orm";
import type { Db } from "./client";
import { branches, cutShots, cuts, films, messages } from "./schema";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
type Conn = Db | Tx;

/** When the owner's chat messages (ideas included) since `since` were sent. */
export async function listUserMessageTimesByOwner({ db, ownerId, since }: { db: Conn; ownerId: string; since: Date }): Promise<Date[]> {
  const rows = await db
    .select({ at: messages.createdAt })
    .from(messages)
    .innerJoin(films, eq(films.id, messages.filmId))
    .where(and(eq(films.ownerId, ownerId), eq(messages.role, "user"), gt(messages.createdAt, since)));
  return rows.map((r) => r.at);
}

/** When the owner's cuts since `since` were made (each one a render started). */
export async function listCutTimesByOwner({ db, ownerId, since }: { db: Conn; ownerId: string; since: Date }): Promise<Date[]> {
  const rows = await db
    .select({ at: cuts.createdAt })
    .from(cuts)
    .innerJoin(films, eq(films.id, cuts.filmId))
    .where(and(eq(films.ownerId, ownerId), gt(cuts.createdAt, since)));
  return rows.map((r) => r.at);
}

/** How many of the owner's films, other than `exceptFilmId`, have a branch whose head cut is rendering. */
export async function countRenderingFilmsByOwner({ db, ownerId, exceptFilmId }: { db: Conn; ownerId: string; exceptFilmId?: string }): Promise<number> {
  const rows = await db
    .select({ n: sql<number>`count(distinct ${films.id})::int` })
    .from(films)
    .innerJoin(branches, eq(branches.filmId, films.id))
    .innerJoin(cuts, eq(cuts.id, branches.headCutId))
    .where(and(eq(films.ownerId, ownerId), eq(cuts.status, "rendering"), exceptFilmId ? ne(films.id, exceptFilmId) : undefined));
  return Number(rows[0]?.n ?? 0);
}

/**
 * Shots the owner had rendered anew (not reused) in cuts made since `since`: one row per distinct render,
 * with when its first cut was made and its length in seconds.
 */
export async function listRenderedSecondsByOwner({ db, ownerId, since, fps }: { db: Conn; ownerId: string; since: Date; fps: number }): Promise<{ at: Date; seconds: number }[]> {
  const rows = await db
    .select({ at: sql<Date>`min(${cuts.createdAt})`.mapWith(cuts.createdAt), frames: sql<number>`max(${cutShots.frames})::int` })
    .from(cutShots)
    .innerJoin(cuts, eq(cuts.id, cutShots.cutId))
    .innerJoin(films, eq(films.id, cuts.filmId))
    .where(and(eq(films.ownerId, ownerId), gt(cuts.createdAt, since), eq(cutShots.reused, false), isNotNull(cutShots.renderKey), isNotNull(cutShots.frames)))
    .groupBy(cutShots.renderKey);
  return rows.map((r) => ({ at: r.at, seconds: Number(r.frames) / fps }));
}

/**
 * Holds the owner's usage still until the transaction ends, so two requests at once cannot both take the
 * last unit of a limit.
 */
export async function lockOwnerUsage({ db, ownerId }: { db: Tx; ownerId: string }): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtext(${`auteur-usage:${ownerId}`}))`);
}

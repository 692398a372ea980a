/**
 * Read-only links to one cut of a film: an unguessable token (24 random bytes, base64url) that anyone
 * holding it may use to watch that cut and read its screenplay, and nothing else. The owner can revoke
 * a link; a revoked or unknown token answers "not found".
 */
import { randomBytes, randomUUID } from "node:crypto";
import { and, desc, eq, isNull } from "drizzle-orm";
import type { Db } from "../../db/client";
import { films, shares, type Share } from "../../db/schema";
import { getCutByIdForOwner, getFilmByIdForOwner, listBranchesByFilm } from "../../db/queries";
import { AuteurError } from "../errors";
import { getRuntime } from "../runtime";
import { getFilm } from "./service";
import type { CutView } from "./views";
import type { Screenplay } from "../screenplay/schema";

async function sharesDb(): Promise<Db> {
  return (await getRuntime()).db;
}

/** 24 random bytes as base64url: 32 characters, 192 bits, never guessed. */
export function newShareToken(): string {
  return randomBytes(24).toString("base64url");
}

/** Only what a token can look like is looked up. Pure. */
export function isShareToken(token: string): boolean {
  return /^[A-Za-z0-9_-]{32}$/.test(token);
}

export interface ShareView {
  id: string;
  filmId: string;
  cutId: string;
  token: string;
  /** Path of the read-only page. */
  url: string;
  createdAt: string;
  revoked: boolean;
}

export function shareView(row: Share): ShareView {
  return { id: row.id, filmId: row.filmId, cutId: row.cutId, token: row.token, url: `/s/${row.token}`, createdAt: row.createdAt.toISOString(), revoked: row.revokedAt !== null };
}

/** A link to one cut (the main branch's head when no cut is named). */
export async function createShare(input: { ownerId: string; filmId: string; cutId?: string }): Promise<ShareView> {
  const db = await sharesDb();
  const film = await getFilmByIdForOwner({ db, filmId: input.filmId, ownerId: input.ownerId });
  if (!film) throw new AuteurError("not_found", "No such film.");
  const branches = await listBranchesByFilm({ db, filmId: film.id });
  const cutId = input.cutId ?? (branches.find((b) => b.name === "main") ?? branches[0])?.headCutId ?? undefined;
  const cut = cutId ? await getCutByIdForOwner({ db, cutId, ownerId: input.ownerId }) : undefined;
  if (!cut || cut.filmId !== film.id) throw new AuteurError("not_found", "No such cut.");
  const [row] = await db.insert(shares).values({ id: randomUUID(), filmId: film.id, cutId: cut.id, token: newShareToken() }).returning();
  return shareView(row!);
}

export async function listShares(input: { ownerId: string; filmId: string }): Promise<ShareView[]> {
  const db = await sharesDb();
  const film = await getFilmByIdForOwner({ db, filmId: input.filmId, ownerId: input.ownerId });
  if (!film) throw new AuteurError("not_found", "No such film.");
  const rows = await db.select().from(shares).where(and(eq(shares.filmId, film.id), isNull(shares.revokedAt))).orderBy(desc(shares.createdAt));
  return rows.map(shareView);
}

/** Revoke a link: its token stops working at once. Revoking twice is fine. */
export async function revokeShare(input: { ownerId: string; filmId: string; shareId: string }): Promise<ShareView> {
  const db = await sharesDb();
  const film = await getFilmByIdForOwner({ db, filmId: input.filmId, ownerId: input.ownerId });
  if (!film) throw new AuteurError("not_found", "No such film.");
  const [row] = await db.select().from(shares).where(and(eq(shares.id, input.shareId), eq(shares.filmId, film.id))).limit(1);
  if (!row) throw new AuteurError("not_found", "No such share.");
  if (row.revokedAt) return shareView(row);
  const [updated] = await db.update(shares).set({ revokedAt: new Date() }).where(eq(shares.id, row.id)).returning();
  return shareView(updated!);
}

/** Who a live token lets the reader act as, for exactly one cut. */
export async function resolveShare(input: { token: string }): Promise<{ ownerId: string; filmId: string; cutId: string }> {
  if (!isShareToken(input.token)) throw new AuteurError("not_found", "This link does not exist or was revoked.");
  const db = await sharesDb();
  const rows = await db
    .select({ filmId: shares.filmId, cutId: shares.cutId, ownerId: films.ownerId })
    .from(shares)
    .innerJoin(films, eq(films.id, shares.filmId))
    .where(and(eq(shares.token, input.token), isNull(shares.revokedAt)))
    .limit(1);
  const row = rows[0];
  if (!row) throw new AuteurError("not_found", "This link does not exist or was revoked.");
  return row;
}

export interface SharedFilmView {
  title: string;
  logline: string;
  cut: CutView & { screenplay: Screenplay };
}

/** Paths under which a token serves its cut's files. Pure. */
export function sharedUrls(token: string) {
  const base = `/api/s/${encodeURIComponent(token)}`;
  return {
    film: `${base}/film.mp4`,
    vtt: `${base}/film.vtt`,
    subtitles: `${base}/film.srt`,
    playlist: `${base}/playlist.m3u8`,
    segment: (index: number) => `${base}/segments/${index}.ts`,
    poster: (shotId: string) => `${base}/shots/${encodeURIComponent(shotId)}/poster.jpg`,
  };
}

/**
 * What the read-only page shows: the cut and its screenplay, with every URL pointing at the token's
 * routes. No chat, no branches, no other cuts.
 */
export async function getSharedFilm(input: { token: string }): Promise<SharedFilmView> {
  const share = await resolveShare(input);
  const film = await getFilm({ ownerId: share.ownerId, filmId: share.filmId, cutId: share.cutId });
  const urls = sharedUrls(input.token);
  // What the owner pays stays private: no cost figures on a shared page.
  const { cost: _cost, ...head } = film.head;
  const cut = {
    ...head,
    message: "",
    shots: head.shots.map(({ costUsd: _shotCost, ...s }) => (s.posterUrl ? { ...s, posterUrl: urls.poster(s.shotId) } : s)),
  };
  if (film.head.outputs) cut.outputs = { film: urls.film, subtitles: urls.subtitles, vtt: urls.vtt };
  return { title: film.title, logline: film.logline, cut };
}

/**
 * The edge of the limits: reads an owner's usage and throws the refusal that lib/film/limits.ts decides.
 * Called before slow work (so a refused request costs nothing) and again inside the transaction that
 * would write, under a per-owner lock (so requests at once cannot slip past a limit together).
 */
import type { Db } from "../../db/client";
import { countRenderingFilmsByOwner, listCutTimesByOwner, listRenderedSecondsByOwner, listUserMessageTimesByOwner, lockOwnerUsage } from "../../db/usage-queries";
import { env } from "../env";
import { AuteurError } from "../errors";
import { FILM_FORMAT } from "../plan/specs";
import { decideFilmMinutes, decideMessage, decideRender, WINDOWS, type Decision, type LimitPolicy } from "./limits";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
type Conn = Db | Tx;

export function limitPolicy(): LimitPolicy {
  return env().limits;
}

function raise(decision: Decision): void {
  if (decision.ok) return;
  const details = { ...decision.details, ...(decision.retryAfterSeconds !== undefined ? { retryAfterSeconds: decision.retryAfterSeconds } : {}) };
  throw new AuteurError(decision.code, decision.message, { details });
}

const ago = (now: Date, ms: number) => new Date(now.getTime() - ms);

/** One more chat message (or idea) from this owner. */
export async function assertMaySendMessage({ db, ownerId, now = new Date() }: { db: Conn; ownerId: string; now?: Date }): Promise<void> {
  const policy = limitPolicy();
  if (policy.messagesPerMinute <= 0) return;
  raise(decideMessage(policy, await listUserMessageTimesByOwner({ db, ownerId, since: ago(now, WINDOWS.messagesMs) }), now));
}

/**
 * `count` new cuts for a film (`filmId` absent: a new film), rendering `newSeconds` of film anew (absent:
 * not known yet, so only a spent quota refuses).
 */
export async function assertMayRender({
  db,
  ownerId,
  filmId,
  count = 1,
  newSeconds,
  now = new Date(),
}: {
  db: Conn;
  ownerId: string;
  filmId?: string;
  count?: number;
  newSeconds?: number;
  now?: Date;
}): Promise<void> {
  const policy = limitPolicy();
  const [recentRenders, otherFilmsRendering] = await Promise.all([
    policy.rendersPerHour > 0 ? listCutTimesByOwner({ db, ownerId, since: ago(now, WINDOWS.rendersMs) }) : [],
    policy.concurrentRenders > 0 ? countRenderingFilmsByOwner({ db, ownerId, exceptFilmId: filmId }) : 0,
  ]);
  raise(decideRender(policy, { recentRenders, otherFilmsRendering, count }, now));
  if (policy.filmMinutesPerDay > 0) {
    const rendered = await listRenderedSecondsByOwner({ db, ownerId, since: ago(now, WINDOWS.filmMinutesMs), fps: FILM_FORMAT.fps });
    raise(decideFilmMinutes(policy, rendered, newSeconds ?? 0, now));
  }
}

/** Serialise this owner's limited writes until the transaction ends. */
export async function holdOwnerUsage({ db, ownerId }: { db: Tx; ownerId: string }): Promise<void> {
  const policy = limitPolicy();
  if (policy.messagesPerMinute > 0 || policy.rendersPerHour > 0 || policy.concurrentRenders > 0 || policy.filmMinutesPerDay > 0) await lockOwnerUsage({ db, ownerId });
}

/**
 * Which films changed, across processes. Whoever changes what a film's view shows (the reconciler after
 * each stage, a person's undo or new branch) announces it with a NOTIFY on one channel; the app listens
 * and keeps a version per film. Readers that serve many viewers (the live events stream) reuse a view
 * read at the current version instead of reading the database again for every viewer twice a second.
 */
import { sql } from "drizzle-orm";
import type { Database, Db } from "../../db/client";

export const FILM_CHANGES_CHANNEL = "auteur_film_changes";

/** Tell every listening process that this film's view may have changed. */
export async function announceFilmChange(db: Db, filmId: string): Promise<void> {
  await db.execute(sql`select pg_notify(${FILM_CHANGES_CHANNEL}, ${filmId})`);
}

/** A version per film, moved by change notifications. Pure state, no I/O. */
let instances = 0;

export class FilmVersions {
  /** Versions of different trackers (another database, a restarted runtime) never look alike. */
  private readonly id = ++instances;
  private epoch = 0;
  private readonly byFilm = new Map<string, number>();
  /** True while notifications arrive (a listening connection is up); versions mean nothing otherwise. */
  listening = false;

  changed(filmId: string): void {
    this.byFilm.set(filmId, (this.byFilm.get(filmId) ?? 0) + 1);
  }

  /** Notifications may have been missed (the listening connection came back): every film changed. */
  reset(): void {
    this.epoch++;
    this.byFilm.clear();
  }

  version(filmId: string): string {
    return `${this.id}.${this.epoch}.${this.byFilm.get(filmId) ?? 0}`;
  }
}

const byDatabase = new WeakMap<Database, Promise<FilmVersions>>();

/**
 * This process's film versions for a database, listening from the first call on. If listening fails,
 * the versions stay `listening = false` and readers fall back to reading every time.
 */
export function filmVersions(database: Database): Promise<FilmVersions> {
  let found = byDatabase.get(database);
  if (!found) {
    const versions = new FilmVersions();
    // A server that refuses LISTEN (a pooler in transaction mode, say) leaves readers reading every time.
    found = Promise.resolve()
      .then(() =>
        database.listen(
          FILM_CHANGES_CHANNEL,
          (filmId) => versions.changed(filmId),
          () => {
            versions.reset();
            versions.listening = true;
          },
        ),
      )
      .then(
        () => versions,
        () => versions,
      );
    byDatabase.set(database, found);
  }
  return found;
}

/**
 * Reads shared between callers asking for the same thing at the same version: a read started at
 * version v serves every caller that asks while the version is still v, for at most `maxAgeMs` (a
 * bound on staleness should a notification be lost). Pure apart from the loads it is given.
 */
export class VersionedReads<T> {
  private readonly entries = new Map<string, { version: string; startedAt: number; value: Promise<T> }>();

  constructor(
    private readonly maxAgeMs: number,
    private readonly maxEntries = 10_000,
  ) {}

  get(key: string, version: string | undefined, now: number, load: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(key);
    if (version !== undefined && hit && hit.version === version && now - hit.startedAt < this.maxAgeMs) return hit.value;
    const value = load();
    if (version === undefined) return value;
    const entry = { version, startedAt: now, value };
    // Re-insert so the map's order is oldest read first; drop the oldest beyond the bound.
    this.entries.delete(key);
    this.entries.set(key, entry);
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    // A failed read is not shared with later callers.
    value.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
    return value;
  }
}

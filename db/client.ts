/**
 * One database client per process: PGlite in a data folder (embedded default) or a Postgres server
 * through postgres.js (DATABASE_URL). Migrations apply on open.
 */
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { AuteurError } from "../lib/errors";
import * as schema from "./schema";

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface Database {
  db: Db;
  kind: "pglite" | "postgres";
  /** The PGlite instance, in embedded mode (pg-boss shares it). */
  pglite?: PGlite;
  /** The server's URL, in server mode (pg-boss opens its own pool). */
  url?: string;
  /**
   * LISTEN on a channel: `onMessage` gets each NOTIFY payload (from any process on the same database),
   * `onConnect` runs each time the listening connection is (re)established, when notifications may have
   * been missed. Answers a function that stops listening.
   */
  listen(channel: string, onMessage: (payload: string) => void, onConnect: () => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

export const MIGRATIONS_FOLDER = path.join(process.cwd(), "db", "migrations");

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * PGlite allows one process per data folder: take a lock file, or say clearly who holds it.
 * A lock left by a dead process is taken over.
 */
function lockDataFolder(dir: string): () => void {
  fs.mkdirSync(dir, { recursive: true });
  const lock = path.join(dir, "db.lock");
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lock, String(process.pid), { flag: "wx" });
      return () => {
        try {
          if (fs.readFileSync(lock, "utf8") === String(process.pid)) fs.unlinkSync(lock);
        } catch {
          /* already gone */
        }
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      const holder = Number(fs.readFileSync(lock, "utf8"));
      if (holder && holder !== process.pid && pidAlive(holder))
        throw new AuteurError(
          "conflict",
          `The embedded database in ${dir} is in use by another Auteur process (pid ${holder}). ` +
            `Stop it, use another AUTEUR_DATA_DIR, or set DATABASE_URL to share a Postgres server.`,
        );
      fs.rmSync(lock, { force: true });
    }
  }
  throw new AuteurError("conflict", `Could not lock the embedded database in ${dir}`);
}

export async function openDatabase(options: { url?: string; dataDir: string }): Promise<Database> {
  if (options.url) {
    const sql = postgres(options.url, { max: 10, onnotice: () => {} });
    const db = drizzlePostgres(sql, { schema }) as unknown as Db;
    try {
      await migratePostgres(db as never, { migrationsFolder: MIGRATIONS_FOLDER });
    } catch (err) {
      await sql.end({ timeout: 1 });
      throw new AuteurError("internal", `Could not prepare the database at DATABASE_URL: ${(err as Error).message}`, { cause: err });
    }
    return {
      db,
      kind: "postgres",
      url: options.url,
      // postgres.js keeps one extra connection for LISTEN and reconnects it by itself.
      listen: async (channel, onMessage, onConnect) => {
        const { unlisten } = await sql.listen(channel, onMessage, onConnect);
        return unlisten;
      },
      close: () => sql.end({ timeout: 5 }),
    };
  }
  const folder = path.join(options.dataDir, "db");
  const unlock = lockDataFolder(options.dataDir);
  try {
    const pglite = await PGlite.create(folder);
    const db = drizzlePglite(pglite, { schema }) as unknown as Db;
    await migratePglite(db as never, { migrationsFolder: MIGRATIONS_FOLDER });
    return {
      db,
      kind: "pglite",
      pglite,
      // One in-process connection: it never drops, so it connects once.
      listen: async (channel, onMessage, onConnect) => {
        const unlisten = await pglite.listen(channel, onMessage);
        onConnect();
        return unlisten;
      },
      close: async () => {
        await pglite.close();
        unlock();
      },
    };
  } catch (err) {
    unlock();
    throw err;
  }
}

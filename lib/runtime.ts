/**
 * The process's runtime: one database, one queue (pg-boss) and, in the embedded mode, one worker.
 * Cached on globalThis, because Next.js may load this module more than once and PGlite must be opened
 * once per process.
 */
import path from "node:path";
import { fromPglite, PgBoss } from "pg-boss";
import { setAssetsRoot } from "./assets/store";
import { openDatabase, type Database, type Db } from "../db/client";
import { ensureUser } from "../db/queries";
import { env } from "./env";
import { startWorker, createQueues, type Worker } from "../workers/worker";

export const LOCAL_USER = { id: "local", name: "You" } as const;

export interface RuntimeConfig {
  databaseUrl?: string;
  dataDir: string;
  embeddedWorker: boolean;
  workerConcurrency: number;
  captions: boolean;
  log?: (line: string) => void;
}

export interface Runtime {
  config: RuntimeConfig;
  database: Database;
  db: Db;
  boss: PgBoss;
  worker: Worker | null;
  /** Advance a cut (through the local worker when there is one). */
  advance(cutId: string): Promise<void>;
  stop(): Promise<void>;
}

const GLOBAL = globalThis as typeof globalThis & { __auteurRuntime?: Promise<Runtime> };

export function configFromEnv(): RuntimeConfig {
  const e = env();
  return {
    databaseUrl: e.databaseUrl,
    dataDir: e.dataDir,
    embeddedWorker: e.embeddedWorker,
    workerConcurrency: e.workerConcurrency,
    captions: e.captions,
  };
}

async function start(config: RuntimeConfig): Promise<Runtime> {
  const log = config.log ?? ((line: string) => console.error(`[auteur] ${line}`));
  setAssetsRoot(path.join(config.dataDir, "assets"));
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  const boss =
    database.kind === "pglite"
      ? new PgBoss({ db: fromPglite(database.pglite!), backend: "pglite", schema: "pgboss", superviseIntervalSeconds: 10 })
      : // Supervision every 10 s: a job whose worker died (no heartbeat) is handed on soon after.
        new PgBoss({ connectionString: database.url!, schema: "pgboss", max: 4, superviseIntervalSeconds: 10 });
  boss.on("error", (err: Error) => log(`queue error: ${err.message}`));
  try {
    await boss.start();
    await createQueues(boss);
    await ensureUser({ db: database.db, id: LOCAL_USER.id, name: LOCAL_USER.name });
  } catch (err) {
    await boss.stop({ graceful: false }).catch(() => {});
    await database.close();
    throw err;
  }
  const worker = config.embeddedWorker
    ? await startWorker({ db: database.db, boss, concurrency: config.workerConcurrency, captions: config.captions, dataDir: config.dataDir, log })
    : null;
  const { advanceCut } = await import("./film/advance-cut");
  let stopped = false;
  return {
    config,
    database,
    db: database.db,
    boss,
    worker,
    advance: async (cutId) => {
      if (worker) return worker.advance(cutId);
      const { planProviders } = await import("./providers/select");
      await advanceCut({ db: database.db, boss, captions: config.captions, providers: planProviders() }, cutId);
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      await worker?.stop();
      await boss.stop({ graceful: false, close: true }).catch(() => {});
      await database.close();
      setAssetsRoot(undefined);
    },
  };
}

/** Start a runtime with explicit settings and make it this process's runtime (CLI, tests, worker). */
export async function startRuntime(overrides: Partial<RuntimeConfig> = {}): Promise<Runtime> {
  if (GLOBAL.__auteurRuntime) throw new Error("a runtime is already running in this process; stop it first");
  const promise = start({ ...configFromEnv(), ...overrides });
  GLOBAL.__auteurRuntime = promise;
  try {
    const rt = await promise;
    const stop = rt.stop;
    rt.stop = async () => {
      if (GLOBAL.__auteurRuntime === promise) GLOBAL.__auteurRuntime = undefined;
      await stop();
    };
    return rt;
  } catch (err) {
    GLOBAL.__auteurRuntime = undefined;
    throw err;
  }
}

/** This process's runtime, started from the environment on first use. */
export function getRuntime(): Promise<Runtime> {
  if (!GLOBAL.__auteurRuntime) {
    GLOBAL.__auteurRuntime = start(configFromEnv());
    GLOBAL.__auteurRuntime.catch(() => {
      GLOBAL.__auteurRuntime = undefined;
    });
  }
  return GLOBAL.__auteurRuntime;
}

/** Stop this process's runtime, if one was started (a server shutting down): queue, worker, database. */
export async function stopRuntime(): Promise<void> {
  const running = GLOBAL.__auteurRuntime;
  if (!running) return;
  GLOBAL.__auteurRuntime = undefined;
  const rt = await running.catch(() => undefined);
  await rt?.stop();
}

export async function getLocalUser(): Promise<{ id: string; name: string }> {
  await getRuntime();
  return { ...LOCAL_USER };
}

/**
 * Each integration test file gets its own world: a fresh data folder and, on Postgres, a fresh
 * database on the server at 127.0.0.1 (AUTEUR_TEST_DB=postgres), or PGlite in the data folder.
 */
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { resetEnv } from "../../lib/env";
import { startRuntime, type Runtime } from "../../lib/runtime";

export const TEST_DB = (process.env.AUTEUR_TEST_DB ?? "pglite") as "pglite" | "postgres";
const ADMIN_URL = process.env.AUTEUR_TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

export interface TestWorld {
  rt: Runtime;
  dataDir: string;
  databaseUrl?: string;
  close(): Promise<void>;
}

/** A fresh database on the server at adminUrl; drop() removes it. */
export async function createDatabase(adminUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `auteur_test_${process.pid}_${Date.now().toString(36)}_${Math.floor(Math.random() * 1e6)}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`CREATE DATABASE ${name}`);
  } catch (err) {
    await admin.end();
    throw new Error(`Postgres tests need a server at ${adminUrl} (start it, or set AUTEUR_TEST_POSTGRES_URL): ${(err as Error).message}`);
  }
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const a = postgres(adminUrl, { max: 1, onnotice: () => {} });
      await a.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => {});
      await a.end();
    },
  };
}

export async function startWorld(
  options: {
    worker?: boolean;
    concurrency?: number;
    /** A Postgres server of the test's own (its admin URL): the world's database is made there. */
    postgresAdminUrl?: string;
    /** The runtime's log lines (queue errors, failed stages); dropped when absent. */
    log?: (line: string) => void;
  } = {},
): Promise<TestWorld> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "auteur-test-"));
  const adminUrl = options.postgresAdminUrl ?? (TEST_DB === "postgres" ? ADMIN_URL : undefined);
  const db = adminUrl ? await createDatabase(adminUrl) : undefined;
  resetEnv();
  const rt = await startRuntime({
    dataDir,
    databaseUrl: db?.url,
    embeddedWorker: options.worker ?? true,
    workerConcurrency: options.concurrency ?? 2,
    captions: false,
    log: options.log ?? (() => {}),
  });
  return {
    rt,
    dataDir,
    databaseUrl: db?.url,
    async close() {
      await rt.stop();
      await db?.drop();
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}

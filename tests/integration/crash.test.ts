/**
 * A worker killed with SIGKILL in the middle of a shot: no half-made asset is ever visible, the shot is
 * retried by another worker and completes once, and the film completes. Postgres only: separate worker
 * processes share a server (PGlite belongs to one process).
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs/promises";
import path from "node:path";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetEnv } from "../../lib/env";
import { createFilm, waitForCut } from "../../lib/film/service";
import { LOCAL_USER } from "../../lib/runtime";
import { startWorld, TEST_DB, type TestWorld } from "./harness";

function startWorkerProcess(world: TestWorld): ChildProcess {
  return spawn(process.execPath, ["--import", "tsx", "workers/main.ts"], {
    detached: true, // its own process group, so the kill reaches its CPU children and ffmpeg too
    stdio: "ignore",
    env: {
      ...process.env,
      DATABASE_URL: world.databaseUrl,
      AUTEUR_DATA_DIR: world.dataDir,
      AUTEUR_WORKER_CONCURRENCY: "1",
      AUTEUR_JOB_HEARTBEAT_SECONDS: "10",
    },
  });
}

async function assetFolders(dataDir: string): Promise<string[]> {
  const root = path.join(dataDir, "assets");
  const out: string[] = [];
  for (const p of await fs.readdir(root).catch(() => [] as string[]))
    if (/^[0-9a-f]{2}$/.test(p)) for (const k of await fs.readdir(path.join(root, p))) out.push(path.join(root, p, k));
  return out;
}

describe.skipIf(TEST_DB !== "postgres")("a worker killed mid-shot (postgres)", () => {
  let world: TestWorld;
  const workers: ChildProcess[] = [];
  const saved = { ...process.env };

  beforeAll(async () => {
    process.env.AUTEUR_JOB_HEARTBEAT_SECONDS = "10";
    resetEnv();
    world = await startWorld({ worker: false });
  });
  afterAll(async () => {
    for (const w of workers) {
      if (!w.pid || w.exitCode !== null || w.signalCode !== null) continue;
      try {
        process.kill(-w.pid, "SIGKILL");
      } catch {
        /* already gone */
      }
    }
    await world?.close();
    process.env = saved;
    resetEnv();
  });

  it("retries the shot elsewhere and completes the film, with no partial file", async () => {
    const sql = postgres(world.databaseUrl!, { max: 1, onnotice: () => {} });
    try {
      const first = startWorkerProcess(world);
      workers.push(first);
      const { cutId } = await createFilm({ ownerId: LOCAL_USER.id, idea: "A 15-second western: Cass, a drifter, meets Abe, an old barman, in a saloon." });
      // Wait until a shot is being drawn and encoded, then kill the worker and everything it started.
      let killedKey = "";
      for (let i = 0; i < 600 && !killedKey; i++) {
        const rows = await sql`select singleton_key from pgboss.job where name = 'render-shot' and state = 'active' limit 1`;
        if (rows.length) killedKey = rows[0]!.singleton_key as string;
        else await new Promise((r) => setTimeout(r, 100));
      }
      expect(killedKey).toMatch(/^[0-9a-f]{64}$/);
      await new Promise((r) => setTimeout(r, 400));
      process.kill(-first.pid!, "SIGKILL");
      await new Promise((r) => first.once("exit", r));

      // Whatever was half-made is in the temp folder, never under its key.
      for (const dir of await assetFolders(world.dataDir)) await fs.access(path.join(dir, ".complete"));

      const second = startWorkerProcess(world);
      workers.push(second);
      const view = await waitForCut({ ownerId: LOCAL_USER.id, cutId, timeoutMs: 240_000 });
      expect(view.status).toBe("complete");
      expect(view.shots.every((s) => s.status === "done")).toBe(true);
      // The killed shot was made exactly once, whole.
      const made = (await assetFolders(world.dataDir)).filter((d) => path.basename(d) === killedKey);
      expect(made).toHaveLength(1);
      await fs.access(path.join(made[0]!, "video.mp4"));
      const states = await sql`select state from pgboss.job where name = 'render-shot' and singleton_key = ${killedKey}`;
      expect(states.map((r) => r.state)).toContain("completed");
    } finally {
      await sql.end();
    }
  });
});

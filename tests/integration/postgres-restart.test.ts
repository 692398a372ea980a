/**
 * The Postgres server restarts in the middle of a render: the film still completes, whole, with every
 * shot made once and no failure recorded for the outage. The test runs a private server of its own (a
 * temp data folder, a free port on 127.0.0.1), so the shared server other test files use is untouched.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import fsp from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFilm, getCut, getCutFile, waitForCut } from "../../lib/film/service";
import { probe } from "../../lib/media/probe";
import { LOCAL_USER } from "../../lib/runtime";
import { startWorld, TEST_DB, type TestWorld } from "./harness";

/** The server binaries: Debian keeps them under /usr/lib/postgresql/<version>/bin; the newest wins. */
function postgresBinDir(): string | undefined {
  const root = "/usr/lib/postgresql";
  const versions = fs.existsSync(root) ? fs.readdirSync(root).filter((v) => /^\d+$/.test(v)) : [];
  for (const v of versions.sort((a, b) => Number(b) - Number(a))) {
    const bin = path.join(root, v, "bin");
    if (fs.existsSync(path.join(bin, "initdb")) && fs.existsSync(path.join(bin, "pg_ctl"))) return bin;
  }
  return undefined;
}

const BIN = postgresBinDir();
const AS_ROOT = process.getuid?.() === 0;
/** initdb refuses to run as root: the server runs as the postgres system user then. */
const HAS_POSTGRES_USER = !AS_ROOT || spawnOk("id", ["-u", "postgres"]);
const SKIP_REASON =
  TEST_DB !== "postgres"
    ? "runs in the postgres project only"
    : !BIN
      ? "no Postgres server binaries (initdb, pg_ctl) under /usr/lib/postgresql/<version>/bin"
      : !HAS_POSTGRES_USER
        ? "running as root and there is no postgres system user to run the server as"
        : "";

function spawnOk(cmd: string, args: string[]): boolean {
  try {
    execFileSync(cmd, args, { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** A throwaway Postgres server: its own data folder, socket folder and port. */
class PrivatePostgres {
  private constructor(
    readonly dir: string,
    readonly port: number,
  ) {}

  get adminUrl(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/postgres`;
  }

  private static run(binary: string, args: string[]): string {
    const file = path.join(BIN!, binary);
    const [cmd, argv] = AS_ROOT ? ["runuser", ["-u", "postgres", "--", file, ...args]] : [file, args];
    return execFileSync(cmd, argv, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], timeout: 60_000 });
  }

  static async start(): Promise<PrivatePostgres> {
    const dir = await fsp.mkdtemp(path.join(os.tmpdir(), "auteur-pg-"));
    if (AS_ROOT) {
      const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }));
      const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }));
      await fsp.chown(dir, uid, gid);
    }
    const pg = new PrivatePostgres(dir, await freePort());
    PrivatePostgres.run("initdb", ["-D", pg.dataDir, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-sync"]);
    pg.ctl("start");
    return pg;
  }

  get dataDir(): string {
    return path.join(this.dir, "data");
  }

  /** pg_ctl, waiting until the server is up or down; the options stay the same across a restart. */
  ctl(action: "start" | "stop", mode: "fast" | "immediate" = "fast"): void {
    const opts = `-p ${this.port} -c listen_addresses=127.0.0.1 -k ${this.dir} -c fsync=off`;
    const args = action === "start" ? ["start", "-o", opts, "-l", path.join(this.dir, "server.log")] : ["stop", "-m", mode];
    PrivatePostgres.run("pg_ctl", ["-D", this.dataDir, "-w", "-t", "60", ...args]);
  }

  async destroy(): Promise<void> {
    try {
      this.ctl("stop", "immediate");
    } catch {
      /* not running */
    }
    await fsp.rm(this.dir, { recursive: true, force: true });
  }
}

/** Finished assets on disk (a key folder with its .complete marker), whatever their stage. */
async function completeAssets(dataDir: string): Promise<number> {
  const root = path.join(dataDir, "assets");
  let n = 0;
  for (const p of await fsp.readdir(root).catch(() => [] as string[]))
    if (/^[0-9a-f]{2}$/.test(p))
      for (const k of await fsp.readdir(path.join(root, p)).catch(() => [] as string[]))
        if (fs.existsSync(path.join(root, p, k, ".complete"))) n++;
  return n;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const owner = LOCAL_USER.id;
const IDEA =
  "A 30-second western: Ada, a retired sheriff with a grey braid, rides into a dusty desert town to find her stolen mule. " +
  "Tom, a nervous young deputy with glasses, tells her who took it. End with Ada riding off at sunset.";

describe.skipIf(SKIP_REASON !== "")(`Postgres restarted during a render${SKIP_REASON ? ` (skipped: ${SKIP_REASON})` : ""}`, () => {
  let server: PrivatePostgres;
  let world: TestWorld;
  /** The runtime's log: what went wrong, for the assertions' messages. */
  const logged: string[] = [];

  beforeAll(async () => {
    server = await PrivatePostgres.start();
    world = await startWorld({ postgresAdminUrl: server.adminUrl, log: (line) => logged.push(line) });
  });
  afterAll(async () => {
    await world?.close();
    await server?.destroy();
  });

  it("completes the film, each shot made once, with nothing failed by the outage", async () => {
    const { cutId } = await createFilm({ ownerId: owner, idea: IDEA });
    const sql = postgres(world.databaseUrl!, { max: 1, onnotice: () => {} });
    try {
      // Wait until some shots are made and another is being drawn, with the film not yet joined.
      let ready = false;
      for (let i = 0; i < 2400 && !ready; i++) {
        const [row] = await sql`
          select
            (select count(*)::int from job_results where queue = 'render-shot' and status = 'done') as made,
            (select count(*)::int from pgboss.job where name = 'render-shot' and state = 'active') as active,
            (select status from cuts where id = ${cutId}) as status`;
        expect(row!.status).toBe("rendering");
        ready = row!.made >= 2 && row!.active >= 1;
        if (!ready) await sleep(100);
      }
      expect(ready).toBe(true);
      const before = (await getCut({ ownerId: owner, cutId })).shots;
      expect(before.some((s) => s.status !== "done")).toBe(true);

      // The server goes down for real (every connection is closed), and stays down until a stage finishes
      // its file, so a finished render's result arrives while there is no database (at most 8 s).
      const assetsBefore = await completeAssets(world.dataDir);
      server.ctl("stop", "fast");
      for (let i = 0; i < 80 && (await completeAssets(world.dataDir)) === assetsBefore; i++) await sleep(100);
      await sleep(500);
      server.ctl("start");
      // The runtime did lose its connections (its queue polls every half second).
      expect(logged.some((l) => /ECONNREFUSED|terminating connection/.test(l))).toBe(true);

      const view = await waitForCut({ ownerId: owner, cutId, timeoutMs: 480_000 });
      expect(view.error).toBeUndefined();
      expect(view.status).toBe("complete");
      expect(view.shotsFailed).toBe(0);
      expect(view.shots.every((s) => s.status === "done" && !s.error)).toBe(true);
      expect(view.shotsRendered).toBe(view.shots.length);

      // The film plays: picture and sound the whole planned length.
      const mp4 = await getCutFile({ ownerId: owner, cutId, name: "film.mp4" });
      const info = await probe(mp4.path);
      const video = info.streams.find((s) => s.codec_type === "video");
      const audio = info.streams.find((s) => s.codec_type === "audio");
      expect(video?.codec_name).toBe("h264");
      expect(audio?.codec_name).toBe("aac");
      const planned = view.shots.reduce((sum, s) => sum + (s.durationSec ?? 0), 0);
      const duration = Number(info.format.duration);
      expect(Math.abs(duration - planned)).toBeLessThan(0.2);
      expect(Math.abs(duration - view.durationSeconds!)).toBeLessThan(0.2);
      expect(Math.abs(Number(audio!.duration) - Number(video!.duration))).toBeLessThan(0.1);

      // Every job settles once the film is done (the join's job a moment after the cut completes).
      const cutJobs = () => sql`select id, name, state, retry_count from pgboss.job where data->>'cutId' = ${cutId}`;
      let jobs = await cutJobs();
      for (let i = 0; i < 1200 && jobs.some((j) => j.state !== "completed" && j.state !== "failed"); i++) {
        await sleep(100);
        jobs = await cutJobs();
      }
      const log = logged.join("\n");
      // Each job ran once and was settled once: no result lost to the outage, so none ran again.
      expect(
        jobs.filter((j) => j.state !== "completed" || j.retry_count !== 0),
        log,
      ).toEqual([]);
      const results = await sql`select id, queue, key, status, error from job_results where cut_id = ${cutId}`;
      expect(results.filter((r) => r.status !== "done" || r.error), log).toEqual([]);
      expect(results.map((r) => r.id).sort()).toEqual(jobs.map((j) => `${j.id}:0`).sort());
      // Every shot's picture was made once: one render per shot, no key made twice.
      const renders = results.filter((r) => r.queue === "render-shot").map((r) => r.key as string);
      expect(new Set(renders).size).toBe(renders.length);
      expect(renders.length).toBe(view.shots.length);
      // Every job's asset is recorded, those finished while the server was down too.
      const recorded = new Set((await sql`select key from assets`).map((r) => r.key as string));
      expect(results.map((r) => r.key as string).filter((k) => !recorded.has(k))).toEqual([]);
    } finally {
      await sql.end({ timeout: 1 });
    }
  });
});

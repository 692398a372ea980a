/**
 * Starts the real app for a browser test: `next build` once (again only when a source is newer than the
 * build), then `npm start`'s server (cli/serve.ts start: Next.js behind the direct path for playlists and
 * segments) on a free loopback port with its own data folder, so it never touches .auteur/.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "../..");
const NEXT_BIN = path.join(ROOT, "node_modules", "next", "dist", "bin", "next");
const SERVE = path.join(ROOT, "cli", "serve.ts");
const SOURCES = ["app", "lib", "db", "workers", "public", "instrumentation.ts", "next.config.ts", "package.json", "package-lock.json"];

function newestMtime(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const name of readdirSync(entry)) {
    if (name === "node_modules" || name.startsWith(".")) continue;
    newest = Math.max(newest, newestMtime(path.join(entry, name)));
  }
  return newest;
}

/** True when there is no build or a source changed after it was made. */
export function buildIsStale(): boolean {
  const buildId = path.join(ROOT, ".next", "BUILD_ID");
  if (!existsSync(buildId)) return true;
  const built = statSync(buildId).mtimeMs;
  return SOURCES.some((s) => newestMtime(path.join(ROOT, s)) > built);
}

export function buildApp(): void {
  const result = spawnSync(process.execPath, [NEXT_BIN, "build"], {
    cwd: ROOT,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" },
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) throw new Error(`next build failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface AppServer {
  url: string;
  /** The app server's process (its descendants are the app's children). */
  pid: number;
  dataDir: string;
  /** Everything the server printed, for failure messages. */
  log(): string;
  stop(): Promise<void>;
}

export async function startApp(
  options: {
    timeoutMs?: number;
    env?: Record<string, string>;
    nodeArgs?: string[];
    /** A Postgres database for the app instead of PGlite in its data folder. */
    databaseUrl?: string;
    /** False: no worker in the app's process (separate `npm run worker` processes render). */
    embeddedWorker?: boolean;
  } = {},
): Promise<AppServer> {
  if (buildIsStale()) buildApp();
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(tmpdir(), "auteur-e2e-"));
  let output = "";
  const child: ChildProcess = spawn(process.execPath, [...(options.nodeArgs ?? []), "--import", "tsx", SERVE, "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: ROOT,
    // Embedded mode (PGlite + in-process worker) in a folder of its own, unless a database is given.
    env: {
      ...process.env,
      ...options.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      AUTEUR_DATA_DIR: dataDir,
      DATABASE_URL: options.databaseUrl ?? "",
      ...(options.embeddedWorker === undefined ? {} : { AUTEUR_EMBEDDED_WORKER: options.embeddedWorker ? "1" : "0" }),
    },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  child.stdout?.on("data", (d) => (output += d));
  child.stderr?.on("data", (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;

  const stop = async () => {
    if (child.exitCode === null && child.pid) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {
        /* already gone */
      }
      const timer = setTimeout(() => child.pid && process.kill(-child.pid, "SIGKILL"), 5000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dataDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + (options.timeoutMs ?? 120_000);
  for (;;) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`the app server exited with ${child.exitCode}:\n${output}`);
    }
    try {
      const response = await fetch(`${url}/api/films`);
      // 401: up, with sign-in required (AUTEUR_AUTH=required).
      if (response.ok || response.status === 401) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the app did not answer on ${url} in time:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { url, pid: child.pid!, dataDir, log: () => output, stop };
}

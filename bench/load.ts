/**
 * npm run bench:load [-- --users 3 --viewers 20 --seconds 20 --viewer player|poll --think-ms 500 --ramp-seconds 30 --timeout-min 15 --profile]
 *                     [--database-url postgres://postgres@127.0.0.1:5432/postgres --workers 1]
 *
 * Many people at once against the real app on loopback: `npm start`'s server in a fresh data folder, built first
 * when sources changed. By default in embedded mode (PGlite and the worker in the app's process); with
 * --database-url (a Postgres server's admin URL) in service mode: a fresh database on that server, the
 * app serving only, and --workers separate `npm run worker` processes rendering from the same queues. Every user
 * sends an idea (a new film) and then a follow-up message (a second cut); meanwhile every viewer watches
 * the films made so far. `--viewer player` (the default) does what the studio page and its player do:
 * load the film view once, follow the live events stream (time to its first event is measured; the
 * stream stays open while the viewer watches), and play the cut's HLS playlist at normal speed: each
 * segment fetched as playback reaches it, the playlist reloaded every target duration while the cut
 * still renders; at the end, on to another film. `--viewer poll` is a harsher loop that no page does:
 * the film view, the playlist and one random segment every --think-ms, and the events stream every
 * fifth round. Viewers stop once every cut has finished rendering, so the read figures are taken while
 * workers render. People arrive over the first --ramp-seconds (30 by default, evenly, users and viewers
 * alike), as an audience does; --ramp-seconds 0 sends every idea and opens every viewer in the same
 * instant. Before the clock, one request of each kind loads the routes' code (see warmUp).
 *
 * Then every finished film is downloaded once (film.mp4, labelled with its C2PA manifest on first export)
 * and its label read back. Prints per endpoint class: count, requests per second, p50/p95/p99/max latency and errors; then
 * whether every cut finished (no lost jobs). The target is no errors, no lost jobs, and p95 under
 * 200 ms for API reads while workers render. All requests come from one person (the local user of a
 * loopback install), so the per-person limits are turned off for the run. With --profile the app runs
 * under node --cpu-prof and the hottest places of the app server are printed. Not a test: the figures
 * depend on the machine and its load (printed too).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readdirSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { startApp, type AppServer } from "../tests/e2e/app-server";
import { createDatabase } from "../tests/integration/harness";
import { readProvenance } from "../lib/provenance/read-provenance";
import { formatProfile, summarizeProfile } from "./cpu-profile-summary";
import { formatTable, LatencyBook, p95ByWindow, summarize } from "./latency";
import { readProcs, treeCpuSeconds } from "./proc";

const { values } = parseArgs({
  options: {
    users: { type: "string", default: "3" },
    viewers: { type: "string", default: "20" },
    seconds: { type: "string", default: "20" },
    "think-ms": { type: "string", default: "500" },
    "timeout-min": { type: "string", default: "15" },
    profile: { type: "boolean", default: false },
    "database-url": { type: "string" },
    workers: { type: "string", default: "1" },
    viewer: { type: "string", default: "player" },
    "ramp-seconds": { type: "string", default: "30" },
  },
});
const VIEWER = values.viewer === "poll" ? "poll" : "player";
const ADMIN_URL = values["database-url"];
const WORKERS = ADMIN_URL ? Number(values.workers) : 0;
const USERS = Number(values.users);
const VIEWERS = Number(values.viewers);
const FILM_SECONDS = Number(values.seconds);
const THINK_MS = Number(values["think-ms"]);
/** Arrivals are spread evenly over this long from the start. */
const RAMP_MS = Number(values["ramp-seconds"]) * 1000;
if (!Number.isFinite(RAMP_MS) || RAMP_MS < 0) throw new Error("--ramp-seconds takes a number of seconds, 0 or more");
/** When the index-th of `count` people arrives (ms from the start). */
const arrivalMs = (index: number, count: number) => (count > 0 ? (index / count) * RAMP_MS : 0);
const TIMEOUT_MS = Number(values["timeout-min"]) * 60_000;
const REQUEST_TIMEOUT_MS = 60_000;
/** With --profile, the app's processes write V8 CPU profiles here; the app server's is summarized. */
const PROFILE_DIR = values.profile ? mkdtempSync(path.join(os.tmpdir(), "auteur-load-profile-")) : undefined;

const WRITES = ["create film", "send message", "export film.mp4"] as const;
const READS = ["GET film", "playlist", "segment", "events (first)"] as const;
const book = new LatencyBook([...WRITES, ...READS]);

const NAMES = ["Ana", "Ben", "Mira", "Sam", "Ivo", "Lea", "Omar", "Rosa", "Theo", "Uma", "Kai", "Nell"];
const JOBS = ["a baker", "a mail carrier", "a lighthouse keeper", "a violinist", "a gardener", "a pilot"];
const PLACES = ["at dawn in a bakery", "on a windy pier", "in a quiet library", "on a night train", "in a rooftop garden"];
// Follow-ups the offline writer understands, so each makes a cut.
const EDITS = ["make the ending hopeful", "make the film black and white", "add a character named Juno, a pilot"];

function ideaFor(user: number): string {
  const a = NAMES[user % NAMES.length];
  const b = NAMES[(user + 5) % NAMES.length];
  return `A ${FILM_SECONDS}-second scene: ${a}, ${JOBS[user % JOBS.length]}, meets ${b}, ${JOBS[(user + 3) % JOBS.length]}, ${PLACES[user % PLACES.length]} (${user + 1}).`;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** One timed request; the body is read to its end (a segment is a download). */
async function timed(name: string, url: string, init: RequestInit = {}): Promise<Response | null> {
  const started = performance.now();
  try {
    const response = await fetch(url, { ...init, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
    const body = await response.arrayBuffer();
    const ms = performance.now() - started;
    if (!response.ok) {
      book.record(name, ms, `HTTP ${response.status}`);
      return null;
    }
    book.record(name, ms);
    return new Response(body, { status: response.status, headers: response.headers });
  } catch (error) {
    book.record(name, performance.now() - started, (error as Error).name === "TimeoutError" ? "timeout" : (error as Error).message);
    return null;
  }
}

/**
 * Time to the first event of the live stream; then hang up, or with `keepOpen` go on reading the
 * stream (as the page does) until that signal aborts.
 */
async function firstEvent(url: string, keepOpen?: AbortSignal): Promise<void> {
  const started = performance.now();
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), REQUEST_TIMEOUT_MS);
  const onLeave = () => controller.abort();
  try {
    const response = await fetch(url, { signal: controller.signal });
    if (!response.ok || !response.body) {
      book.record("events (first)", performance.now() - started, `HTTP ${response.status}`);
      return;
    }
    const reader = response.body.getReader();
    let text = "";
    // The stream opens with a `retry:` line; the first event is the first message with data.
    while (!/(^|\n)data:[^]*?\n\n/.test(text)) {
      const { value, done } = await reader.read();
      if (done) break;
      text += new TextDecoder().decode(value);
    }
    book.record("events (first)", performance.now() - started, /(^|\n)data:[^]*?\n\n/.test(text) ? undefined : "no event");
    clearTimeout(timer);
    if (keepOpen && !keepOpen.aborted) {
      keepOpen.addEventListener("abort", onLeave, { once: true });
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        if (new TextDecoder().decode(value).includes("event: film")) liveEvents.count++;
      }
    }
  } catch (error) {
    // Leaving the film ends a kept-open stream: not an error.
    if (!keepOpen?.aborted) book.record("events (first)", performance.now() - started, controller.signal.aborted ? "timeout" : (error as Error).message);
  } finally {
    clearTimeout(timer);
    keepOpen?.removeEventListener("abort", onLeave);
    controller.abort();
  }
}

/** Film events received on kept-open streams (updates the page would show). */
const liveEvents = { count: 0 };

/** What the writer answered to follow-ups that changed nothing (so made no cut). */
const noNewCut: string[] = [];

interface Made {
  filmId: string;
  cutIds: string[];
}

async function user(app: AppServer, index: number, made: Made[]): Promise<void> {
  await sleep(arrivalMs(index, USERS));
  const json = { "Content-Type": "application/json" };
  const created = await timed("create film", `${app.url}/api/films`, { method: "POST", headers: json, body: JSON.stringify({ idea: ideaFor(index) }) });
  if (!created) return;
  const { filmId, cutId } = (await created.json()) as { filmId: string; cutId: string };
  const film: Made = { filmId, cutIds: [cutId] };
  made.push(film);
  const sent = await timed("send message", `${app.url}/api/films/${filmId}/messages`, {
    method: "POST",
    headers: json,
    body: JSON.stringify({ message: EDITS[index % EDITS.length], requestId: `load-${index}` }),
  });
  const answer = sent ? ((await sent.json()) as { cutId: string | null; summary: string }) : null;
  if (answer?.cutId && !film.cutIds.includes(answer.cutId)) film.cutIds.push(answer.cutId);
  else if (answer) noNewCut.push(answer.summary);
}

/** An HLS media playlist's segments with their durations, its target duration and whether it ended. */
function parsePlaylist(text: string, base: string): { segments: { url: string; seconds: number }[]; targetSeconds: number; ended: boolean } {
  const segments: { url: string; seconds: number }[] = [];
  let seconds = 0;
  for (const line of text.split("\n")) {
    if (line.startsWith("#EXTINF:")) seconds = Number(line.slice(8).split(",")[0]);
    else if (line && !line.startsWith("#")) segments.push({ url: new URL(line, base).toString(), seconds });
  }
  return { segments, targetSeconds: Number(/#EXT-X-TARGETDURATION:(\d+)/.exec(text)?.[1] ?? 2), ended: text.includes("#EXT-X-ENDLIST") };
}

/** A person watching: the page (film view, live events) and its player, at normal playback speed. */
async function playerViewer(app: AppServer, index: number, made: Made[], done: () => boolean): Promise<void> {
  await sleep(arrivalMs(index, VIEWERS) + Math.random() * 2000);
  while (!done()) {
    const film = made[Math.floor(Math.random() * made.length)];
    if (!film) {
      await sleep(200);
      continue;
    }
    const cutId = film.cutIds[Math.floor(Math.random() * film.cutIds.length)];
    const leave = new AbortController();
    await timed("GET film", `${app.url}/api/films/${film.filmId}?cutId=${cutId}`);
    const events = firstEvent(`${app.url}/api/films/${film.filmId}/events?cutId=${cutId}`, leave.signal);
    const playlistUrl = `${app.url}/api/cuts/${cutId}/playlist.m3u8`;
    let played = 0;
    while (!done()) {
      const response = await timed("playlist", playlistUrl);
      if (!response) break;
      const playlist = parsePlaylist(await response.text(), playlistUrl);
      // Play what is listed: each segment fetched as playback reaches it.
      while (played < playlist.segments.length && !done()) {
        const segment = playlist.segments[played]!;
        await timed("segment", segment.url);
        played++;
        await sleep(segment.seconds * 1000);
      }
      if (playlist.ended && played >= playlist.segments.length) break;
      // Still rendering: reload the playlist after a target duration, as HLS players do.
      await sleep(playlist.targetSeconds * 1000);
    }
    leave.abort();
    await events;
  }
}

async function viewer(app: AppServer, index: number, made: Made[], done: () => boolean): Promise<void> {
  let round = index;
  await sleep(arrivalMs(index, VIEWERS) + Math.random() * THINK_MS);
  while (!done()) {
    round++;
    const film = made[Math.floor(Math.random() * made.length)];
    if (!film) {
      await sleep(100);
      continue;
    }
    const cutId = film.cutIds[Math.floor(Math.random() * film.cutIds.length)];
    await timed("GET film", `${app.url}/api/films/${film.filmId}?cutId=${cutId}`);
    const playlistUrl = `${app.url}/api/cuts/${cutId}/playlist.m3u8`;
    const playlist = await timed("playlist", playlistUrl);
    const segments = playlist ? (await playlist.text()).split("\n").filter((l) => l && !l.startsWith("#")) : [];
    if (segments.length > 0) await timed("segment", new URL(segments[Math.floor(Math.random() * segments.length)], playlistUrl).toString());
    if (round % 5 === 0) await firstEvent(`${app.url}/api/films/${film.filmId}/events?cutId=${cutId}`);
    await sleep(THINK_MS * (0.5 + Math.random()));
  }
}

type CutStatus = "writing" | "rendering" | "complete" | "failed";

/** Polls every film until each of its cuts is complete or failed; answers each cut's last status. */
async function waitForCuts(app: AppServer, made: Made[], deadline: number): Promise<Map<string, CutStatus>> {
  const statuses = new Map<string, CutStatus>();
  for (;;) {
    for (const film of made) {
      const response = await fetch(`${app.url}/api/films/${film.filmId}`).catch(() => null);
      if (!response?.ok) continue;
      const view = (await response.json()) as { cuts: { id: string; status: CutStatus }[] };
      for (const cut of view.cuts) if (film.cutIds.includes(cut.id)) statuses.set(cut.id, cut.status);
    }
    const all = made.flatMap((f) => f.cutIds);
    if (all.every((id) => statuses.get(id) === "complete" || statuses.get(id) === "failed")) return statuses;
    if (Date.now() > deadline) return statuses;
    await sleep(2000);
  }
}

/**
 * One request of each kind the run makes, for ids that do not exist, before the clock starts: Next.js
 * loads a route's code on its first request, a one-time cost of a server just started, not a figure
 * of the service under load. Returns the statuses (all answers, none a failure to connect).
 */
async function warmUp(app: AppServer): Promise<number[]> {
  const none = "00000000-0000-4000-8000-000000000000";
  const requests: [string, RequestInit?][] = [
    ["/api/films", { method: "POST", headers: { "content-type": "application/json" }, body: "{}" }],
    [`/api/films/${none}`],
    [`/api/films/${none}/events`],
    [`/api/films/${none}/messages`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" }],
    [`/api/cuts/${none}/playlist.m3u8`],
    [`/api/cuts/${none}/segments/0.ts`],
    [`/api/cuts/${none}/film.mp4`],
  ];
  const statuses: number[] = [];
  for (const [url, init] of requests) {
    const response = await fetch(`${app.url}${url}`, init);
    await response.arrayBuffer();
    statuses.push(response.status);
  }
  return statuses;
}

/** A separate worker process (`npm run worker`) on the app's database and asset folder. */
function startWorker(databaseUrl: string, dataDir: string, index: number): { pid: number; stop: () => Promise<void>; log: () => string } {
  const root = path.resolve(import.meta.dirname, "..");
  const nodeArgs = PROFILE_DIR ? ["--cpu-prof", `--cpu-prof-dir=${path.join(PROFILE_DIR, "workers")}`] : [];
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, path.join(root, "node_modules", "tsx", "dist", "cli.mjs"), "workers/main.ts"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl, AUTEUR_DATA_DIR: dataDir, NODE_ENV: "production" },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  child.stdout?.on("data", (d) => (output += d));
  child.stderr?.on("data", (d) => (output += d));
  child.on("exit", (code, signal) => {
    if (code !== 0 && signal !== "SIGTERM") console.error(`worker ${index} exited (${code ?? signal}):\n${output}`);
  });
  return {
    pid: child.pid!,
    log: () => output,
    stop: async () => {
      if (child.exitCode !== null || !child.pid) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      process.kill(-child.pid, "SIGTERM");
      const timer = setTimeout(() => child.pid && process.kill(-child.pid, "SIGKILL"), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

interface CpuParts {
  app: number;
  workers: number;
  postgres: number;
  bench: number;
}

/** CPU seconds so far of the app's process tree, the workers' trees, the Postgres server and this bench. */
function cpuParts(app: AppServer, workerPids: number[]): CpuParts {
  const procs = readProcs();
  const me = procs.find((p) => p.pid === process.pid);
  return {
    app: treeCpuSeconds(app.pid, procs),
    workers: workerPids.reduce((sum, pid) => sum + treeCpuSeconds(pid, procs), 0),
    postgres: procs.filter((p) => p.comm.startsWith("postgres")).reduce((sum, p) => sum + p.cpuSeconds, 0),
    bench: me ? me.cpuSeconds : 0,
  };
}

async function main(): Promise<void> {
  console.log(
    `bench:load — ${USERS} users, ${VIEWERS} viewers, ${FILM_SECONDS}-second films, ` +
      (VIEWER === "player" ? "viewers watch as the page and its player do (normal speed)" : `viewers poll every ~${THINK_MS} ms`),
  );
  console.log(`machine: ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? "?"}), ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, load average ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}`);
  const startedApp = performance.now();
  const database = ADMIN_URL ? await createDatabase(ADMIN_URL) : undefined;
  console.log(database ? `service mode: Postgres (${new URL(ADMIN_URL!).host}), the app serving only, ${WORKERS} separate worker process(es)` : "embedded mode: PGlite and the worker in the app's process");
  const app = await startApp({
    ...(database ? { databaseUrl: database.url, embeddedWorker: false } : {}),
    timeoutMs: 300_000,
    env: {
      AUTEUR_MESSAGES_PER_MINUTE: "0",
      AUTEUR_RENDERS_PER_HOUR: "0",
      AUTEUR_CONCURRENT_RENDERS: "0",
      AUTEUR_FILM_MINUTES_PER_DAY: "0",
    },
    ...(PROFILE_DIR ? { nodeArgs: ["--cpu-prof", `--cpu-prof-dir=${PROFILE_DIR}`] } : {}),
  });
  const workers = database ? Array.from({ length: WORKERS }, (_, i) => startWorker(database.url, app.dataDir, i)) : [];
  console.log(`app ready on ${app.url} in ${((performance.now() - startedApp) / 1000).toFixed(1)} s (build included when stale)`);
  const warmed = await warmUp(app);
  console.log(`routes loaded before the clock: ${warmed.length} requests for ids that do not exist (statuses ${[...new Set(warmed)].join(", ")})`);
  console.log(`arrivals: ${USERS} users and ${VIEWERS} viewers, spread evenly over the first ${RAMP_MS / 1000} s (--ramp-seconds)`);
  const made: Made[] = [];
  let finished = false;
  try {
    const started = performance.now();
    const cpuAtStart = cpuParts(app, workers.map((w) => w.pid));
    const viewers = Array.from({ length: VIEWERS }, (_, i) => (VIEWER === "player" ? playerViewer(app, i, made, () => finished) : viewer(app, i, made, () => finished)));
    await Promise.all(Array.from({ length: USERS }, (_, i) => user(app, i, made)));
    const sentSeconds = (performance.now() - started) / 1000;
    const statuses = await waitForCuts(app, made, Date.now() + TIMEOUT_MS);
    const renderSeconds = (performance.now() - started) / 1000;
    finished = true;
    const cpuAtEnd = cpuParts(app, workers.map((w) => w.pid));
    await Promise.all(viewers);
    const seconds = (performance.now() - started) / 1000;

    // Every finished film downloaded once, as its person would, and its C2PA label read back.
    const exportStarted = performance.now();
    const complete = made.flatMap((f) => f.cutIds).filter((id) => statuses.get(id) === "complete");
    let labelled = 0;
    await Promise.all(
      complete.map(async (cutId) => {
        const response = await timed("export film.mp4", `${app.url}/api/cuts/${cutId}/film.mp4`);
        const provenance = response ? await readProvenance(new Uint8Array(await response.arrayBuffer())) : null;
        if (provenance?.aiGenerated && provenance.validationState !== "Invalid") labelled++;
      }),
    );
    const exportSeconds = (performance.now() - exportStarted) / 1000;

    const rows = [
      ...(["create film", "send message"] as const).map((n) => summarize(n, book.samples(n), sentSeconds)),
      summarize("export film.mp4", book.samples("export film.mp4"), exportSeconds),
      ...READS.map((n) => summarize(n, book.samples(n), seconds)),
    ];
    const allReads = READS.flatMap((n) => [...book.samples(n)]);
    rows.push(summarize("all API reads", allReads, seconds));
    console.log(`\nAll ideas and messages answered in ${sentSeconds.toFixed(1)} s; every cut settled after ${renderSeconds.toFixed(1)} s; viewers ran ${seconds.toFixed(1)} s.\n`);
    console.log(formatTable(rows));
    // Slow reads in a burst (everyone arriving at once) or all along: the p95 of every 30 s of the run.
    const byWindow = p95ByWindow(allReads, started, 30_000);
    console.log(`\nall API reads by when they were sent (p95, count): ${byWindow.map((w) => `${w.fromSec}s ${Math.round(w.p95)} ms (${w.count})`).join(", ")}`);
    const cores = os.cpus().length;
    const share = (k: keyof CpuParts) => `${k} ${(cpuAtEnd[k] - cpuAtStart[k]).toFixed(0)} s (${((100 * (cpuAtEnd[k] - cpuAtStart[k])) / (renderSeconds * cores)).toFixed(0)}%)`;
    console.log(`\nCPU while rendering (${renderSeconds.toFixed(0)} s x ${cores} cores): ${(["app", "workers", "postgres", "bench"] as const).map(share).join(", ")}` +
      (WORKERS ? "" : " (embedded: the workers' CPU is in the app's)") + `; postgres counts every server process on the machine.`);
    for (const e of book.errorReasons()) console.log(`  error: ${e.name}: ${e.reason} x${e.count}`);
    if (VIEWER === "player") console.log(`Live updates: ${liveEvents.count} film events reached viewers on open event streams.`);

    const cuts = made.flatMap((f) => f.cutIds);
    const failed = cuts.filter((id) => statuses.get(id) === "failed").length;
    const lost = cuts.length - complete.length - failed;
    // Each idea makes a cut; a follow-up makes one unless the writer found nothing to change.
    const expectedCuts = book.samples("create film").filter((x) => x.ok).length + book.samples("send message").filter((x) => x.ok).length - noNewCut.length;
    for (const summary of noNewCut) console.log(`  a follow-up made no new cut: ${summary}`);
    console.log(`\nJobs: ${cuts.length} cuts made (${expectedCuts} expected), ${complete.length} complete, ${failed} failed, ${lost} not finished after ${(TIMEOUT_MS / 60_000).toFixed(0)} min (lost).`);
    console.log(`Exports: ${labelled} of ${complete.length} downloaded films carry a valid C2PA label saying AI-generated.`);
    const errors = rows.slice(0, -1).reduce((sum, r) => sum + r.errors, 0);
    const readP95 = rows.at(-1)!.p95;
    const verdict = errors === 0 && labelled === complete.length && lost === 0 && failed === 0 && cuts.length === expectedCuts && readP95 < 200;
    console.log(`Target (no errors, no lost jobs, p95 of API reads < 200 ms): ${verdict ? "met" : "NOT met"} (errors ${errors}, lost ${lost}, failed ${failed}, read p95 ${readP95.toFixed(0)} ms).`);
    process.exitCode = verdict ? 0 : 1;
  } finally {
    finished = true;
    await Promise.all(workers.map((w) => w.stop()));
    await app.stop();
    await database?.drop();
  }
  if (PROFILE_DIR) {
    // The app server is the process that ran longest of those with a profile: the largest file. The
    // separate workers' profiles are in workers/.
    const largest = (dir: string) =>
      readdirSync(dir)
        .filter((f) => f.endsWith(".cpuprofile"))
        .map((f) => path.join(dir, f))
        .sort((a, b) => statSync(b).size - statSync(a).size)[0];
    const appProfile = largest(PROFILE_DIR);
    if (appProfile) console.log(`\napp server:\n${formatProfile(summarizeProfile(appProfile))}`);
    const workerProfile = WORKERS ? largest(path.join(PROFILE_DIR, "workers")) : undefined;
    if (workerProfile) console.log(`\nworker:\n${formatProfile(summarizeProfile(workerProfile))}`);
    console.log(`(all profiles: ${PROFILE_DIR})`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(2);
});

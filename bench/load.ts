/**
 * npm run bench:load [-- --users 3 --viewers 20 --seconds 20 --think-ms 500 --timeout-min 15 --profile]
 *
 * Many people at once against the real app on loopback: `next start` in embedded mode (PGlite and the
 * worker in the app's process) in a fresh data folder, built first when sources changed. Every user
 * sends an idea (a new film) and then a follow-up message (a second cut); meanwhile every viewer loops
 * over the films made so far as a player does: the film view, the cut's HLS playlist, one of its
 * segments, and now and then the live events stream (time to the first event). Viewers stop once every
 * cut has finished rendering, so the read figures are taken while workers render.
 *
 * Then every finished film is downloaded once (film.mp4, labelled with its C2PA manifest on first export)
 * and its label read back. Prints per endpoint class: count, requests per second, p50/p95/p99/max latency and errors; then
 * whether every cut finished (no lost jobs). The target is no errors, no lost jobs, and p95 under
 * 200 ms for API reads while workers render. All requests come from one person (the local user of a
 * loopback install), so the per-person limits are turned off for the run. With --profile the app runs
 * under node --cpu-prof and the hottest places of the app server are printed. Not a test: the figures
 * depend on the machine and its load (printed too).
 */
import { mkdtempSync, readdirSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { startApp, type AppServer } from "../tests/e2e/app-server";
import { readProvenance } from "../lib/provenance/read-provenance";
import { formatProfile, summarizeProfile } from "./cpu-profile-summary";
import { formatTable, LatencyBook, summarize } from "./latency";

const { values } = parseArgs({
  options: {
    users: { type: "string", default: "3" },
    viewers: { type: "string", default: "20" },
    seconds: { type: "string", default: "20" },
    "think-ms": { type: "string", default: "500" },
    "timeout-min": { type: "string", default: "15" },
    profile: { type: "boolean", default: false },
  },
});
const USERS = Number(values.users);
const VIEWERS = Number(values.viewers);
const FILM_SECONDS = Number(values.seconds);
const THINK_MS = Number(values["think-ms"]);
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

/** Time to the first event of the live stream, then hang up. */
async function firstEvent(url: string): Promise<void> {
  const started = performance.now();
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), REQUEST_TIMEOUT_MS);
  try {
    const response = await fetch(url, { signal: controller.signal });
    if (!response.ok || !response.body) {
      book.record("events (first)", performance.now() - started, `HTTP ${response.status}`);
      return;
    }
    const reader = response.body.getReader();
    let text = "";
    while (!text.includes("\n\n")) {
      const { value, done } = await reader.read();
      if (done) break;
      text += new TextDecoder().decode(value);
    }
    book.record("events (first)", performance.now() - started, text.includes("data:") ? undefined : "no event");
  } catch (error) {
    book.record("events (first)", performance.now() - started, controller.signal.aborted ? "timeout" : (error as Error).message);
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
}

/** What the writer answered to follow-ups that changed nothing (so made no cut). */
const noNewCut: string[] = [];

interface Made {
  filmId: string;
  cutIds: string[];
}

async function user(app: AppServer, index: number, made: Made[]): Promise<void> {
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

async function viewer(app: AppServer, index: number, made: Made[], done: () => boolean): Promise<void> {
  let round = index;
  await sleep(Math.random() * THINK_MS);
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

async function main(): Promise<void> {
  console.log(`bench:load — ${USERS} users, ${VIEWERS} viewers, ${FILM_SECONDS}-second films, viewer think time ~${THINK_MS} ms`);
  console.log(`machine: ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? "?"}), ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, load average ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}`);
  const startedApp = performance.now();
  const app = await startApp({
    timeoutMs: 300_000,
    env: {
      AUTEUR_MESSAGES_PER_MINUTE: "0",
      AUTEUR_RENDERS_PER_HOUR: "0",
      AUTEUR_CONCURRENT_RENDERS: "0",
      AUTEUR_FILM_MINUTES_PER_DAY: "0",
    },
    ...(PROFILE_DIR ? { nodeArgs: ["--cpu-prof", `--cpu-prof-dir=${PROFILE_DIR}`] } : {}),
  });
  console.log(`app ready on ${app.url} in ${((performance.now() - startedApp) / 1000).toFixed(1)} s (build included when stale)`);
  const made: Made[] = [];
  let finished = false;
  try {
    const started = performance.now();
    const viewers = Array.from({ length: VIEWERS }, (_, i) => viewer(app, i, made, () => finished));
    await Promise.all(Array.from({ length: USERS }, (_, i) => user(app, i, made)));
    const sentSeconds = (performance.now() - started) / 1000;
    const statuses = await waitForCuts(app, made, Date.now() + TIMEOUT_MS);
    const renderSeconds = (performance.now() - started) / 1000;
    finished = true;
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
    for (const e of book.errorReasons()) console.log(`  error: ${e.name}: ${e.reason} x${e.count}`);

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
    await app.stop();
  }
  if (PROFILE_DIR) {
    // The app server is the process that ran longest of those with a profile: the largest file.
    const files = readdirSync(PROFILE_DIR).map((f) => path.join(PROFILE_DIR, f)).sort((a, b) => statSync(b).size - statSync(a).size);
    if (files[0]) console.log(`\n${formatProfile(summarizeProfile(files[0]))}\n(all profiles: ${PROFILE_DIR})`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(2);
});

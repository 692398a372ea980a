/**
 * npm run bench:first-frame [-- --minutes 10] [--database-url postgres://...]: in a fresh world (a new
 * data folder; PGlite unless a database URL is given; the embedded worker), sends a film idea and
 * prints the seconds from sending it until the screenplay is stored, until the cut's HLS playlist lists
 * its first segment, and until that segment can be fetched (remuxed to MPEG-TS, as a player asks for it).
 * Then it prints the first jobs the worker finished, in order, so a slow start shows where time went.
 * The idea is sent once the service is up and its worker has loaded (as a person types into a page
 * that is already open); how long starting took is printed on its own line.
 * The goal: for a 10-minute film offline, the first frame plays within 5 seconds of sending the idea.
 */
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { asc, eq } from "drizzle-orm";
import { getCutById } from "../db/queries";
import { jobResults } from "../db/schema";
import { assetFile } from "../lib/assets/store";
import { getCutPlaylist, getCutSegment } from "../lib/film/playlist";
import { createFilm, getCut } from "../lib/film/service";
import { LOCAL_USER, startRuntime } from "../lib/runtime";
import type { StageSpec } from "../lib/plan/specs";

const owner = LOCAL_USER.id;
const GOAL_SECONDS = 5;

function idea(minutes: number): string {
  return (
    `A ${minutes}-minute heist thriller: Juno, a sharp-tongued safecracker with red curls, and Okafor, a weary ex-cop with a scar, ` +
    "break into a neon-lit casino vault on a rainy night. Open on the rain-soaked city street. The climax: the vault alarm. " +
    "End with them splitting the money on a rooftop at dawn."
  );
}

const seconds = (from: number) => (performance.now() - from) / 1000;
const load = () => os.loadavg().map((l) => l.toFixed(2)).join(" ");

/** "render-shot shot 1", "speak-line shot 3", "score-scene scene 2": what a finished job was for. */
async function describeJob(queue: string, key: string, shotIndex: Map<string, number>, lineShot: Map<string, number>, sceneIndex: Map<string, number>): Promise<string> {
  const spec = JSON.parse(await fs.readFile(assetFile(key, "spec.json"), "utf8").catch(() => "null")) as StageSpec | null;
  if (!spec) return queue;
  switch (spec.stage) {
    case "speak-line":
      return `${queue} (shot ${(lineShot.get(spec.lineId) ?? -1) + 1})`;
    case "render-shot":
    case "mix-shot":
      return `${queue} (shot ${(shotIndex.get(spec.shotId) ?? -1) + 1})`;
    case "score-scene":
      return `${queue} (scene ${(sceneIndex.get(spec.sceneId) ?? -1) + 1})`;
    default:
      return queue;
  }
}

async function main() {
  const { values } = parseArgs({ options: { minutes: { type: "string", default: "10" }, "database-url": { type: "string" } } });
  const minutes = Math.max(1, Number(values.minutes) || 10);
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "auteur-bench-first-frame-"));
  const loadBefore = load();
  const started = performance.now();
  const rt = await startRuntime({ dataDir, databaseUrl: values["database-url"], embeddedWorker: true, log: () => {} });
  await rt.worker?.ready;
  const tStart = seconds(started);
  const rows: [string, string][] = [];
  try {
    const sentAt = Date.now();
    const sent = performance.now();
    const { cutId } = await createFilm({ ownerId: owner, idea: idea(minutes) });
    const tScreenplay = seconds(sent);

    let tListed = NaN;
    for (;;) {
      const playlist = await getCutPlaylist({ ownerId: owner, cutId });
      if (playlist.includes("#EXTINF")) {
        tListed = seconds(sent);
        break;
      }
      const view = await getCut({ ownerId: owner, cutId });
      if (view.status === "failed") throw new Error(`the cut failed: ${view.error ?? "no reason given"}`);
      if (seconds(sent) > 600) throw new Error("no segment after 10 minutes");
      await new Promise((r) => setTimeout(r, 50));
    }
    const segment = await getCutSegment({ ownerId: owner, cutId, index: 0 });
    const tFetched = seconds(sent);

    const sp = (await getCutById({ db: rt.db, cutId }))!.screenplay;
    const shotIndex = new Map<string, number>();
    const lineShot = new Map<string, number>();
    const sceneIndex = new Map<string, number>();
    let lines = 0;
    for (const act of sp.acts)
      for (const scene of act.scenes) {
        sceneIndex.set(scene.id, sceneIndex.size);
        for (const shot of scene.shots) {
          const i = shotIndex.size;
          shotIndex.set(shot.id, i);
          for (const line of shot.lines) {
            lineShot.set(line.id, i);
            lines++;
          }
        }
      }
    const filmSeconds = sp.acts.flatMap((a) => a.scenes.flatMap((s) => s.shots)).reduce((sum, s) => sum + s.duration, 0);

    rows.push(
      ["load average before (1, 5, 15 min)", loadBefore],
      ["load average after (1, 5, 15 min)", load()],
      ["cpu cores", String(os.cpus().length)],
      ["database", values["database-url"] ? "postgres" : "pglite"],
      ["seconds to start the service and load its worker", tStart.toFixed(2)],
      ["film planned: seconds, scenes, shots, lines", `${filmSeconds.toFixed(0)}, ${sceneIndex.size}, ${shotIndex.size}, ${lines}`],
      ["seconds to screenplay (stored, work queued)", tScreenplay.toFixed(2)],
      ["seconds to first segment listed in the playlist", tListed.toFixed(2)],
      ["seconds to first segment fetched (MPEG-TS)", `${tFetched.toFixed(2)} (${segment.size} bytes)`],
      [`first frame within ${GOAL_SECONDS} s of sending the idea`, tFetched <= GOAL_SECONDS ? "yes" : "NO"],
    );
    const finished = await rt.db.select().from(jobResults).where(eq(jobResults.cutId, cutId)).orderBy(asc(jobResults.createdAt));
    // The jobs the worker finished up to the first segment's mix: the opening shot's work should lead.
    const firstMix = finished.findIndex((j) => j.queue === "mix-shot");
    const leading = finished.slice(0, firstMix === -1 ? 20 : firstMix + 1);
    const byQueue = new Map<string, number>();
    for (const j of leading) byQueue.set(j.queue, (byQueue.get(j.queue) ?? 0) + 1);
    rows.push(["jobs finished up to the first mix", `${leading.length} (${[...byQueue].map(([q, n]) => `${q} ${n}`).join(", ")})`]);
    // Started = finished less the stage's own time: two jobs whose spans overlap shared the CPU lanes.
    for (const [i, job] of leading.slice(0, 30).entries()) {
      const end = (job.createdAt.getTime() - sentAt) / 1000;
      const start = job.ms === null ? "?" : `+${(end - job.ms / 1000).toFixed(2)}`;
      rows.push([
        `  job ${i + 1}, ran ${start} .. +${end.toFixed(2)} s`,
        `${await describeJob(job.queue, job.key, shotIndex, lineShot, sceneIndex)}, ${job.status}, ${job.ms ?? "?"} ms`,
      ]);
    }
    for (const [k, v] of rows) console.log(`${k.padEnd(52)} ${v}`);
  } finally {
    await rt.stop();
    await fs.rm(dataDir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

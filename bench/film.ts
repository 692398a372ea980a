/**
 * npm run bench [-- --minutes 3]: makes a fixed film offline in a fresh data folder and prints seconds to
 * screenplay, seconds to the first finished shot, total wall seconds and film seconds per wall second;
 * then regenerates one shot (a new take) and re-speaks one line, and prints each one's wall time as a
 * share of the whole film's.
 */
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { createFilm, getCut, getFilm, sendMessage, waitForCut } from "../lib/film/service";
import { LOCAL_USER, startRuntime } from "../lib/runtime";
import { writeScreenplay } from "../lib/writer";
import { and, asc, eq, sql } from "drizzle-orm";
import { assets, cuts, jobResults } from "../db/schema";

const owner = LOCAL_USER.id;

function idea(minutes: number): string {
  return (
    `A ${minutes}-minute heist thriller: Juno, a sharp-tongued safecracker with red curls, and Okafor, a weary ex-cop with a scar, ` +
    "break into a neon-lit casino vault on a rainy night. Open on the rain-soaked city street. The climax: the vault alarm. " +
    "End with them splitting the money on a rooftop at dawn."
  );
}

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now();
  const value = await fn();
  return [value, (performance.now() - t) / 1000];
}

async function main() {
  const { values } = parseArgs({ options: { minutes: { type: "string", default: "3" } } });
  const minutes = Math.max(1, Number(values.minutes) || 3);
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "auteur-bench-"));
  const rt = await startRuntime({ dataDir, databaseUrl: undefined, embeddedWorker: true, log: () => {} });
  const rows: [string, string][] = [];
  const print = () => {
    for (const [k, v] of rows.splice(0)) console.log(`${k.padEnd(48)} ${v}`);
  };
  try {
    const [, tWriter] = await timed(async () => writeScreenplay(idea(minutes)));
    const start = performance.now();
    const { filmId, cutId } = await createFilm({ ownerId: owner, idea: idea(minutes) });
    const tCreated = (performance.now() - start) / 1000;
    let firstShot = NaN;
    let view = await getCut({ ownerId: owner, cutId });
    while (view.status !== "complete" && view.status !== "failed") {
      await new Promise((r) => setTimeout(r, 100));
      view = await getCut({ ownerId: owner, cutId });
      if (Number.isNaN(firstShot) && view.shots.some((s) => s.status === "done")) firstShot = (performance.now() - start) / 1000;
    }
    const total = (performance.now() - start) / 1000;
    const film = view.durationSeconds ?? 0;
    rows.push(
      ["load average at start (1 min)", os.loadavg()[0]!.toFixed(2)],
      ["status", view.status],
      ["shots", String(view.shots.length)],
      ["film seconds", film.toFixed(1)],
      ["seconds to screenplay (writer alone)", tWriter.toFixed(3)],
      ["seconds to screenplay (stored, queued)", tCreated.toFixed(3)],
      ["seconds to first finished shot", firstShot.toFixed(2)],
      ["total wall seconds", total.toFixed(2)],
      ["film seconds per wall second", (film / total).toFixed(2)],
    );
    // Where the time went: each stage's summed working time (in the CPU children, 2 at once).
    const stagesOf = (id: string) =>
      rt.db
        .select({ queue: jobResults.queue, ms: sql<number>`sum(${jobResults.ms})::float8`, jobs: sql<number>`count(*)::int` })
        .from(jobResults)
        .where(and(eq(jobResults.cutId, id), eq(jobResults.status, "done")))
        .groupBy(jobResults.queue);
    const stitchOf = async (id: string) => {
      const [row] = await rt.db.select({ meta: assets.meta }).from(assets).innerJoin(cuts, eq(cuts.filmKey, assets.key)).where(eq(cuts.id, id));
      const m = (row?.meta ?? {}) as { audioScenesMade?: number; audioScenesReused?: number; videoScenesMade?: number; videoScenesReused?: number; phasesMs?: { scenes: number; mux: number; other: number } };
      const p = m.phasesMs;
      return (
        `scene audio stretches (run-in, body pieces, run-out) made ${m.audioScenesMade ?? "?"}, reused ${m.audioScenesReused ?? "?"}; scene videos joined ${m.videoScenesMade ?? "?"}, reused ${m.videoScenesReused ?? "?"}` +
        (p ? `; ms: scenes ${p.scenes}, film mux ${p.mux}, other ${p.other}` : "")
      );
    };
    // When each job of a cut ran, from its finishing time and working time: where the wall time went.
    const timelineOf = async (id: string, sentAtMs: number) => {
      const jobs = await rt.db
        .select({ queue: jobResults.queue, ms: jobResults.ms, at: jobResults.createdAt })
        .from(jobResults)
        .where(and(eq(jobResults.cutId, id), eq(jobResults.status, "done")))
        .orderBy(asc(jobResults.createdAt));
      return jobs
        .map((j) => {
          const end = (j.at.getTime() - sentAtMs) / 1000;
          return `${j.queue} ${(end - (j.ms ?? 0) / 1000).toFixed(1)}..${end.toFixed(1)}`;
        })
        .join(", ");
    };
    const describeStages = (rows: Awaited<ReturnType<typeof stagesOf>>) =>
      rows.map((r) => `${r.queue} ${r.jobs}x ${(Number(r.ms) / 1000).toFixed(1)}s`).join(", ") || "none";
    const byStage = await stagesOf(cutId);
    const ms = (q: string) => Number(byStage.find((r) => r.queue === q)?.ms ?? 0);
    for (const r of byStage) rows.push([`stage ${r.queue}: jobs, working seconds`, `${r.jobs}, ${(Number(r.ms) / 1000).toFixed(1)}`]);
    const audioSec = (ms("speak-line") + ms("score-scene") + ms("mix-shot")) / 1000;
    rows.push(["audio (speak, score, mix) x real time, one core", (film / audioSec).toFixed(1)]);
    print();

    // Regenerate one shot in the middle: a new take, then the film re-stitched.
    const sp = (await getFilm({ ownerId: owner, filmId })).head.screenplay;
    const shots = sp.acts.flatMap((a) => a.scenes.flatMap((s) => s.shots));
    const middle = shots[Math.floor(shots.length / 2)]!;
    const [take, tTake] = await timed(async () => {
      const sent = await sendMessage({ ownerId: owner, filmId, message: "another take of this shot", target: { kind: "shot", id: middle.id } });
      return waitForCut({ ownerId: owner, cutId: sent.cutId!, intervalMs: 50 });
    });
    rows.push(
      ["regenerate one shot: wall seconds", `${tTake.toFixed(2)} (${take.shotsRendered} rendered, ${take.shotsReused} reused)`],
      ["regenerate one shot: share of the whole film", `${((100 * tTake) / total).toFixed(1)}% (target <= 5%)`],
      ["regenerate one shot: stages that ran", describeStages(await stagesOf(take.id))],
      ["regenerate one shot: stitch", await stitchOf(take.id)],
    );
    print();

    // Re-speak one line in another register.
    const withLine = shots.find((s, i) => i > shots.length / 3 && s.lines.length > 0)!;
    const line = withLine.lines[0]!;
    const lineSentAt = Date.now();
    const [respoken, tLine] = await timed(async () => {
      const sent = await sendMessage({ ownerId: owner, filmId, message: "that line, more sarcastic", target: { kind: "line", id: line.id } });
      return waitForCut({ ownerId: owner, cutId: sent.cutId!, intervalMs: 50 });
    });
    rows.push(
      ["re-speak one line: wall seconds", `${tLine.toFixed(2)} (${respoken.shotsRendered} rendered, ${respoken.shotsReused} reused)`],
      ["re-speak one line: share of the whole film", `${((100 * tLine) / total).toFixed(1)}% (target <= 2%)`],
      ["re-speak one line: stages that ran", describeStages(await stagesOf(respoken.id))],
      ["re-speak one line: stitch", await stitchOf(respoken.id)],
      [
        "re-speak one line: the shot's length",
        `${take.shots.find((s) => s.shotId === withLine.id)?.durationSec?.toFixed(2)} s -> ${respoken.shots.find((s) => s.shotId === withLine.id)?.durationSec?.toFixed(2)} s`,
      ],
      ["re-speak one line: jobs, when they ran (s after sending)", await timelineOf(respoken.id, lineSentAt)],
    );
    print();
  } finally {
    await rt.stop();
    await fs.rm(dataDir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

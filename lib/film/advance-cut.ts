/**
 * The reconciler: looks at a cut's plan and at which assets exist, and enqueues every piece of work
 * whose inputs are ready and whose output is missing. It is idempotent and safe to run from several
 * processes at once (a job per content key at most, by the queue's exclusive policy), so it runs after
 * every finished job and on a timer, and a crash anywhere loses nothing.
 */
import type { PgBoss } from "pg-boss";
import type { Db } from "../../db/client";
import { getCutById, getFilmOwnerByCutId, insertTakes, sumRenderCostByOwner, listCutShotsByCut, listFailuresByCut, updateCut, updateCutShots, type CutShotUpdate } from "../../db/queries";
import type { CutShot } from "../../db/schema";
import { hasAsset, readAssetMeta } from "../assets/store";
import { speechMeta } from "./speech-meta";
import { env } from "../env";
import { toAuteurError } from "../errors";
import { assertCutWithinBudget } from "../providers/estimate-cut";
import { priorityFor, QUEUES, type QueueName, type StagePayloads } from "../jobs/queues";
import { RecentSends } from "../jobs/recent-sends";
import { announceFilmChange } from "./film-changes";
import { nextEarlyRender, planCut, planVoices, type PlanInputs, type PlanOptions, type RenderPlan } from "../plan/plan-cut";
import type { SpeechMeta, VoiceSpec } from "../plan/specs";
import type { Screenplay } from "../screenplay/schema";

export interface AdvanceContext {
  db: Db;
  boss: PgBoss;
  captions: boolean;
  /** Providers and chaining (lib/providers/select.ts planProviders); built-in when absent. */
  providers?: Pick<PlanOptions, "video" | "speech" | "chainFirstFrames">;
}

/**
 * The last plan of each cut in progress. A cut's screenplay never changes and a speech measurement never
 * changes for its key, so the plan changes only when another line is measured, another piece of work
 * fails for good, or the providers change: each pass after a finished job would otherwise key every
 * shot of the film again (tens of milliseconds for a feature).
 */
const planMemo = new Map<string, { fingerprint: string; plan: RenderPlan }>();
const PLAN_MEMO_CUTS = 32;

function plannedCut(cutId: string, sp: Screenplay, voices: readonly VoiceSpec[], inputs: PlanInputs, options: PlanOptions): RenderPlan {
  let fingerprint = JSON.stringify(options) + "\u0000" + JSON.stringify([...inputs.failures].sort()) + "\u0000" + (inputs.previous?.size ?? -1) + "\u0000";
  for (const v of voices) fingerprint += inputs.speech.has(v.key) ? "1" : "0";
  const memo = planMemo.get(cutId);
  if (memo && memo.fingerprint === fingerprint) return memo.plan;
  const plan = planCut(sp, inputs, options);
  planMemo.delete(cutId);
  planMemo.set(cutId, { fingerprint, plan });
  if (planMemo.size > PLAN_MEMO_CUTS) planMemo.delete(planMemo.keys().next().value!);
  return plan;
}

/** Jobs sent through this queue (one per pg-boss instance) that have not settled yet. */
const sentByQueue = new WeakMap<PgBoss, RecentSends>();

/** The worker forgets a job here as it settles, so the next pass may send it again if still needed. */
export function recentSends(boss: PgBoss): RecentSends {
  let sends = sentByQueue.get(boss);
  if (!sends) sentByQueue.set(boss, (sends = new RecentSends()));
  return sends;
}

async function enqueue<Q extends QueueName>(boss: PgBoss, queue: Q, data: StagePayloads[Q], priority: number): Promise<void> {
  const sends = recentSends(boss);
  if (!sends.claim(queue, data.spec.key)) return;
  try {
    await boss.send(queue, data, { singletonKey: data.spec.key, priority });
  } catch (error) {
    sends.forget(queue, data.spec.key);
    throw error;
  }
}

export interface AdvanceResult {
  status: "rendering" | "complete" | "failed" | "missing";
  enqueued: number;
}

/**
 * One pass of the reconciler over a cut. A pass over a cut still in progress may change what its film's
 * view shows (shots done, the cut complete), so it ends by announcing a change of that film.
 */
export async function advanceCut(ctx: AdvanceContext, cutId: string): Promise<AdvanceResult> {
  const { filmId, ...result } = await advanceActiveCut(ctx, cutId);
  if (filmId) await announceFilmChange(ctx.db, filmId);
  return result;
}

async function advanceActiveCut(ctx: AdvanceContext, cutId: string): Promise<AdvanceResult & { filmId?: string }> {
  const { db, boss } = ctx;
  const cut = await getCutById({ db, cutId });
  if (!cut) return { status: "missing", enqueued: 0 };
  if (cut.status === "complete" || cut.status === "failed") return { status: cut.status, enqueued: 0 };
  const sp = cut.screenplay;
  const failures = await listFailuresByCut({ db, cutId });
  let enqueued = 0;

  // 1. Voices: speak every line whose speech is missing.
  const speech = new Map<string, SpeechMeta>();
  // Each line's shot in film order: its speech is queued with that shot's priority.
  const lineShot = new Map<string, number>();
  {
    let i = 0;
    for (const act of sp.acts) for (const scene of act.scenes) for (const shot of scene.shots) {
      for (const line of shot.lines) lineShot.set(line.id, i);
      i++;
    }
  }
  const options: PlanOptions = { captions: ctx.captions, ...ctx.providers };
  const voices = planVoices(sp, options.speech);
  for (const v of voices) {
    const meta = await speechMeta(v.key);
    if (meta) speech.set(v.key, meta);
    else if (!failures.has(v.key)) {
      await enqueue(boss, QUEUES.speakLine, { cutId, spec: v }, priorityFor(lineShot.get(v.lineId) ?? 0, QUEUES.speakLine));
      enqueued++;
    }
  }

  // 2. Scenes whose speech is measured: sound, pictures, mixes (and pictures that need no more of their scene).
  const previous = cut.previousShots ? new Map(Object.entries(cut.previousShots)) : undefined;
  const plan = plannedCut(cutId, sp, voices, { speech, failures, previous }, options);

  // Paid providers: stop before new work would pass the owner's budget, and say so.
  if (env().budgetUsd !== undefined) {
    const ownerId = await getFilmOwnerByCutId({ db, cutId });
    const spent = ownerId ? await sumRenderCostByOwner({ db, ownerId }) : 0;
    try {
      assertCutWithinBudget(sp, plan, spent);
    } catch (err) {
      const e = toAuteurError(err);
      if (e.code !== "limit_exceeded") throw e;
      await updateCut({ db, cutId, set: { status: "failed", error: e.message } });
      return { status: "failed", enqueued, filmId: cut.filmId };
    }
  }
  const rows = new Map((await listCutShotsByCut({ db, cutId })).map((r) => [r.shotId, r]));
  // The rows' changes and new takes are written together, then the jobs are sent: a new cut of a long
  // film changes hundreds of rows in its first pass.
  const rowUpdates: CutShotUpdate[] = [];
  const newTakes: Parameters<typeof insertTakes>[0]["takes"] = [];
  const sends: (() => Promise<void>)[] = [];
  const changeRow = (row: CutShot | undefined, shotId: string, set: Partial<CutShot>) => {
    if (row && Object.entries(set).some(([k, v]) => (row as Record<string, unknown>)[k] !== v)) rowUpdates.push({ shotId, set });
  };
  // Until the opening shot can be mixed, no other picture or score is queued (speech still is). The CPU
  // lanes take whatever waits, and the mix is queued only once its render and score are done: a render
  // or score queued ahead would take the lane first, and the film would start that much later.
  const openingScene = plan.scenes[0];
  const opening = openingScene?.shots[0];
  const holdOthers =
    !opening ||
    !(hasAsset(opening.mix.key) || failures.has(opening.render.key) || (hasAsset(opening.render.key) && (!openingScene!.sound || hasAsset(openingScene!.sound.key))));
  let allMixed = true;
  for (const scene of plan.scenes) {
    if (!scene) {
      allMixed = false;
      continue;
    }
    const bedReady = !scene.sound || hasAsset(scene.sound.key);
    if (scene.sound && !bedReady && (scene === openingScene || !holdOthers)) {
      const spec = scene.sound;
      sends.push(() => enqueue(boss, QUEUES.scoreScene, { cutId, spec }, priorityFor(scene.shots[0]?.index ?? 0, QUEUES.scoreScene)));
    }
    for (const shot of scene.shots) {
      const row = rows.get(shot.shotId);
      const set: Partial<CutShot> = {};
      if (row && (row.renderKey !== shot.render.key || row.mixKey !== shot.mix.key || row.frames !== shot.frames)) {
        set.renderKey = shot.render.key;
        set.mixKey = shot.mix.key;
        set.frames = shot.frames;
        if (row.reused === null) set.reused = hasAsset(shot.render.key);
        newTakes.push({ filmId: cut.filmId, shotId: shot.shotId, renderKey: shot.render.key, take: shot.render.take });
      }
      const error = shot.errors.length ? shot.errors.join(" ") : null;
      if (hasAsset(shot.mix.key)) {
        set.status = error ? "failed" : "done";
        set.error = error;
      } else {
        allMixed = false;
        const renderReady = hasAsset(shot.render.key);
        // A chained shot waits for the shot it continues from (it starts from that one's last frame).
        const chainReady = !shot.render.continuesFrom || hasAsset(shot.render.continuesFrom);
        if (!renderReady) {
          if (chainReady && (shot.index === 0 || !holdOthers)) {
            // In a change of an earlier cut (which plays meanwhile) what counts is finishing: a scene's
            // pictures go right after its sound (which unlocks the mixes of its unchanged shots), ahead
            // of those mixes, so the last re-render is not what the new film waits for. A first cut keeps
            // film order (it starts playing while the rest renders).
            const position = cut.parentCutId ? Math.min(shot.index, (scene.shots[0]?.index ?? shot.index) + 1) : shot.index;
            sends.push(() => enqueue(boss, QUEUES.renderShot, { cutId, spec: shot.render }, priorityFor(position, QUEUES.renderShot)));
            if (row?.status === "waiting") set.status = "queued";
          }
        } else if (bedReady) {
          sends.push(() => enqueue(boss, QUEUES.mixShot, { cutId, spec: shot.mix }, priorityFor(shot.index, QUEUES.mixShot)));
          if (row?.status !== "rendering") set.status = "rendering";
        }
      }
      changeRow(row, shot.shotId, set);
    }
  }

  // The next scene's opening shot renders as soon as its own lines are measured, while the rest of the
  // scene is still spoken (see nextEarlyRender for why only that one). Its row takes the render key (a
  // poster, and `reused` decided before the render is queued); the mix key comes with the scene, so
  // the shot is not listed for playing before then.
  const early = nextEarlyRender(sp, plan);
  if (early && (early.index === 0 || !holdOthers)) {
    const row = rows.get(early.shotId);
    const set: Partial<CutShot> = {};
    if (row && (row.renderKey !== early.render.key || row.frames !== early.frames)) {
      set.renderKey = early.render.key;
      set.frames = early.frames;
      if (row.reused === null) set.reused = hasAsset(early.render.key);
      newTakes.push({ filmId: cut.filmId, shotId: early.shotId, renderKey: early.render.key, take: early.render.take });
    }
    if (!hasAsset(early.render.key)) {
      sends.push(() => enqueue(boss, QUEUES.renderShot, { cutId, spec: early.render }, priorityFor(early.index, QUEUES.renderShot)));
      if (row?.status === "waiting") set.status = "queued";
    }
    changeRow(row, early.shotId, set);
  }

  await insertTakes({ db, takes: newTakes });
  await updateCutShots({ db, cutId, updates: rowUpdates });
  for (const send of sends) await send();
  enqueued += sends.length;

  // 3. The film, once every shot has its segment.
  if (allMixed && plan.stitch) {
    if (hasAsset(plan.stitch.key)) {
      const all = await listCutShotsByCut({ db, cutId });
      const meta = await readAssetMeta<{ durationSec: number }>(plan.stitch.key);
      await updateCut({
        db,
        cutId,
        set: {
          status: "complete",
          filmKey: plan.stitch.key,
          durationSeconds: meta.durationSec,
          shotsRendered: all.filter((r) => r.reused === false).length,
          shotsReused: all.filter((r) => r.reused === true).length,
          completedAt: new Date(),
        },
      });
      return { status: "complete", enqueued, filmId: cut.filmId };
    }
    const failed = failures.get(plan.stitch.key);
    if (failed) {
      await updateCut({ db, cutId, set: { status: "failed", error: `The film could not be joined: ${failed}` } });
      return { status: "failed", enqueued, filmId: cut.filmId };
    }
    await enqueue(boss, QUEUES.stitchCut, { cutId, spec: plan.stitch }, priorityFor(0, QUEUES.stitchCut));
    enqueued++;
  }
  return { status: "rendering", enqueued, filmId: cut.filmId };
}

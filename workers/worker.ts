/**
 * The worker: pulls stage jobs from the queues, runs each stage in a CPU child, records the asset and
 * the job's result, and advances the cut. A stage that fails is retried with backoff; on its last
 * attempt the failure is recorded, and the cut goes on with a placeholder for what failed.
 */
import os from "node:os";
import type { Job, JobWithMetadata, PgBoss } from "pg-boss";
import type { Db } from "../db/client";
import { insertJobResult, listCutIdsByStatus, markShotsRenderingByRenderKey, upsertAsset } from "../db/queries";
import { retryTransient } from "../db/transient";
import { sweepTemp } from "../lib/assets/store";
import { env } from "../lib/env";
import { toAuteurError } from "../lib/errors";
import { advanceCut, recentSends } from "../lib/film/advance-cut";
import { CpuPool, type StageOutcome } from "../lib/jobs/cpu-pool";
import { QUEUES, queueOptions, type Payload, type QueueName } from "../lib/jobs/queues";
import { planProviders } from "../lib/providers/select";

export interface WorkerOptions {
  db: Db;
  boss: PgBoss;
  concurrency: number;
  captions: boolean;
  /** The data folder (assets live in its assets/ folder); the CPU children get it too. */
  dataDir: string;
  /** How often every rendering cut is re-checked (a safety net; jobs advance their cut directly). */
  sweepMs?: number;
  log?: (line: string) => void;
}

export interface Worker {
  name: string;
  /** Resolves once the CPU children have loaded their modules: from then on a stage starts at once. */
  ready: Promise<void>;
  /** Advance a cut now (coalesced: calls while one runs make exactly one more run). */
  advance(cutId: string): Promise<void>;
  stop(): Promise<void>;
}

export async function createQueues(boss: PgBoss): Promise<void> {
  for (const name of Object.values(QUEUES)) {
    const existing = await boss.getQueue(name);
    if (!existing) await boss.createQueue(name, { policy: "exclusive", ...queueOptions(name) });
  }
}

/**
 * How many jobs of a queue this worker holds at once (running, or waiting in the pool for a child).
 * Short stages (a line, a mix: ~0.1-0.2 s) fetch twice the pool's size: each job's bookkeeping (result
 * rows, completion, the next fetch) takes about as long as the stage, and a job already waiting in the
 * pool takes a child the moment one frees. Pictures and scores fetch only what can run, so a shot says
 * "rendering" only while it is.
 */
export function fetchAhead(queue: QueueName, concurrency: number): number {
  return queue === QUEUES.mixShot || queue === QUEUES.speakLine ? concurrency * 2 : concurrency;
}

export async function startWorker(options: WorkerOptions): Promise<Worker> {
  const { db, boss, log = () => {} } = options;
  const name = `${os.hostname()}:${process.pid}`;
  // Jobs sent together reach the pool a few ms apart (each queue fetches on its own): 30 ms lets the
  // most urgent of them take an idle child.
  const pool = new CpuPool(options.concurrency, { AUTEUR_DATA_DIR: options.dataDir }, undefined, env().workerNice, 30);
  // The children load their modules now, not when the first film's first stage is waiting for them.
  const ready = pool.warm();
  const ctx = { db, boss, captions: options.captions, providers: planProviders() };
  const running = new Map<string, Promise<void>>();
  const dirty = new Set<string>();
  /** This worker's pg-boss workers, one per queue: woken when new work is queued, not at their next poll. */
  const queueWorkers: string[] = [];
  let stopping = false;

  const advance = (cutId: string): Promise<void> => {
    const current = running.get(cutId);
    if (current) {
      dirty.add(cutId);
      return current;
    }
    const run = (async () => {
      do {
        dirty.delete(cutId);
        try {
          const { enqueued } = await advanceCut(ctx, cutId);
          if (enqueued > 0 && !stopping) for (const id of queueWorkers) boss.notifyWorker(id);
        } catch (err) {
          if (!stopping) log(`advance ${cutId} failed: ${(err as Error).message}`);
        }
      } while (dirty.has(cutId) && !stopping);
    })().finally(() => running.delete(cutId));
    running.set(cutId, run);
    return run;
  };

  const handle = async (queue: QueueName, job: JobWithMetadata<Payload>) => {
    const { cutId, spec } = job.data;
    // What a job writes must land even if the database restarts meanwhile: a finished render is not
    // thrown away, and a moment without a database is never recorded as the stage's failure.
    const write = <T>(what: string, fn: () => Promise<T>) =>
      retryTransient(fn, {
        signal: job.signal,
        onRetry: (reason, next, ms) => log(`${queue} job ${job.id}: ${what} waits for the database (${reason}); try ${next} in ${ms} ms`),
      });
    if (queue === QUEUES.renderShot) await write("marking the shot", () => markShotsRenderingByRenderKey({ db, renderKey: spec.key }));
    let outcome: StageOutcome | undefined;
    try {
      // The pool runs waiting stages by the job's priority across all queues (lib/jobs/queues priorityFor).
      outcome = await pool.run(spec, job.signal, job.priority);
    } catch (err) {
      const error = toAuteurError(err);
      const last = job.retryCount >= job.retryLimit;
      await write("recording the failure", () =>
        insertJobResult({
          db,
          result: { id: `${job.id}:${job.retryCount}`, queue, key: spec.key, cutId, status: last ? "failed" : "retrying", error: error.message.slice(0, 1000), worker: name },
        }),
      ).catch(() => {});
      log(`${queue} job ${job.id} (${spec.key.slice(0, 12)}) ${last ? "failed" : "will retry"}: ${error.message.split("\n")[0]}`);
      recentSends(boss).forget(queue, spec.key);
      if (!last) throw error;
    }
    // Outside the stage's try: a database that stays away past the retries is not the stage's failure.
    // The job then runs again later (its asset kept, so it is quick), and no shot is marked failed.
    if (outcome) {
      const { made, meta, ms } = outcome;
      await write("recording the asset", () => upsertAsset({ db, asset: { key: spec.key, stage: spec.stage, bytes: 0, meta } }));
      await write("recording the result", () =>
        insertJobResult({ db, result: { id: `${job.id}:${job.retryCount}`, queue, key: spec.key, cutId, status: made ? "done" : "reused", ms, worker: name } }),
      );
    }
    // Settled here, through a restart, rather than by pg-boss's single try after the handler returns
    // (which, missed, leaves the job active until its heartbeat runs out and then runs it again). The
    // settle is fenced to this attempt, and pg-boss's own afterwards finds nothing left to do.
    await write("completing the job", () => boss.complete(queue, { id: job.id, retryCount: job.retryCount }));
    recentSends(boss).forget(queue, spec.key);
    void advance(cutId);
  };

  await createQueues(boss);
  for (const queue of Object.values(QUEUES)) {
    const id = await boss.work<Payload>(
      queue,
      { includeMetadata: true, localConcurrency: fetchAhead(queue, options.concurrency), pollingIntervalSeconds: 0.5, priority: true },
      async (jobs: JobWithMetadata<Payload>[] | Job<Payload>[]) => {
        for (const job of jobs as JobWithMetadata<Payload>[]) await handle(queue, job);
      },
    );
    queueWorkers.push(id);
  }

  const sweep = async () => {
    try {
      for (const cutId of await listCutIdsByStatus({ db, status: "rendering" })) await advance(cutId);
      await sweepTemp();
    } catch (err) {
      if (!stopping) log(`sweep failed: ${(err as Error).message}`);
    }
  };
  void sweep();
  const timer = setInterval(sweep, options.sweepMs ?? 5000);
  timer.unref();

  return {
    name,
    ready,
    advance,
    async stop() {
      stopping = true;
      clearInterval(timer);
      for (const queue of Object.values(QUEUES)) await boss.offWork(queue).catch(() => {});
      await pool.close();
      await Promise.allSettled([...running.values()]);
    },
  };
}

/**
 * The worker: pulls stage jobs from the queues, runs each stage in a CPU child, records the asset and
 * the job's result, and advances the cut. A stage that fails is retried with backoff; on its last
 * attempt the failure is recorded, and the cut goes on with a placeholder for what failed.
 */
import os from "node:os";
import type { Job, JobWithMetadata, PgBoss } from "pg-boss";
import type { Db } from "../db/client";
import { insertJobResult, listCutIdsByStatus, markShotsRenderingByRenderKey, upsertAsset } from "../db/queries";
import { sweepTemp } from "../lib/assets/store";
import { toAuteurError } from "../lib/errors";
import { advanceCut } from "../lib/film/advance-cut";
import { CpuPool } from "../lib/jobs/cpu-pool";
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

export async function startWorker(options: WorkerOptions): Promise<Worker> {
  const { db, boss, log = () => {} } = options;
  const name = `${os.hostname()}:${process.pid}`;
  const pool = new CpuPool(options.concurrency, { AUTEUR_DATA_DIR: options.dataDir });
  // The children load their modules now, not when the first film's first stage is waiting for them.
  pool.warm();
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
    if (queue === QUEUES.renderShot) await markShotsRenderingByRenderKey({ db, renderKey: spec.key });
    try {
      // The pool runs waiting stages by the job's priority across all queues (lib/jobs/queues priorityFor).
      const outcome = await pool.run(spec, job.signal, job.priority);
      await upsertAsset({ db, asset: { key: spec.key, stage: spec.stage, bytes: 0, meta: outcome.meta } });
      await insertJobResult({
        db,
        result: { id: `${job.id}:${job.retryCount}`, queue, key: spec.key, cutId, status: outcome.made ? "done" : "reused", ms: outcome.ms, worker: name },
      });
    } catch (err) {
      const error = toAuteurError(err);
      const last = job.retryCount >= job.retryLimit;
      await insertJobResult({
        db,
        result: { id: `${job.id}:${job.retryCount}`, queue, key: spec.key, cutId, status: last ? "failed" : "retrying", error: error.message.slice(0, 1000), worker: name },
      }).catch(() => {});
      log(`${queue} job ${job.id} (${spec.key.slice(0, 12)}) ${last ? "failed" : "will retry"}: ${error.message.split("\n")[0]}`);
      if (!last) throw error;
    }
    void advance(cutId);
  };

  await createQueues(boss);
  for (const queue of Object.values(QUEUES)) {
    const id = await boss.work<Payload>(
      queue,
      { includeMetadata: true, localConcurrency: options.concurrency, pollingIntervalSeconds: 0.5, priority: true },
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

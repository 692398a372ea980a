/**
 * A small pool of long-lived child processes that run stages (workers/cpu-child.ts). The main process
 * only talks to the database and the queue; drawing and synthesis happen in the children, one stage
 * per child at a time. A child that dies is replaced; its stage fails with a clear error (and the job
 * is retried by the queue).
 */
import { fork, type ChildProcess } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { AuteurError, type ErrorCode } from "../errors";
import type { StageSpec } from "../plan/specs";

export interface StageOutcome {
  meta: Record<string, unknown>;
  made: boolean;
  ms: number;
}

interface Slot {
  child: ChildProcess;
  ready: Promise<void>;
  busy: boolean;
}

interface Pending {
  resolve: (r: StageOutcome) => void;
  reject: (e: Error) => void;
  slot: Slot;
}

interface Waiter {
  priority: number;
  since: number;
  seq: number;
  resolve: (slot: Slot) => void;
  reject: (e: Error) => void;
}

/**
 * Which waiting stage gets the next free child: one that has waited `maxWaitMs` or more (oldest
 * first), so no stage waits past its queue's time limit; else the highest priority, then the oldest.
 * Pure.
 */
export function pickWaiter<W extends { priority: number; since: number; seq: number }>(waiting: readonly W[], now: number, maxWaitMs: number): number {
  let best = -1;
  for (const [i, w] of waiting.entries()) {
    if (best === -1) {
      best = i;
      continue;
    }
    const b = waiting[best]!;
    const wStarved = now - w.since >= maxWaitMs;
    const bStarved = now - b.since >= maxWaitMs;
    if (wStarved !== bStarved ? wStarved : wStarved ? w.seq < b.seq : w.priority > b.priority || (w.priority === b.priority && w.seq < b.seq)) best = i;
  }
  return best;
}

export class CpuPool {
  private slots: Slot[] = [];
  private waiting: Waiter[] = [];
  private pending = new Map<number, Pending>();
  private nextId = 1;
  private nextSeq = 1;
  private closed = false;

  /**
   * `env`: variables the children get on top of this process's (the data folder, above all).
   * `maxWaitMs`: a stage that has waited this long goes next whatever its priority.
   */
  constructor(
    private readonly size: number,
    private readonly env: Record<string, string> = {},
    private readonly maxWaitMs = 45_000,
    /** Niceness of the children (their ffmpegs inherit it); 0 leaves them at this process's priority. */
    private readonly nice = 0,
    /**
     * How long a stage that finds a child free waits for others arriving at the same moment, so the
     * most urgent of them gets it: jobs queued together (a scene's score and its pictures) reach the
     * pool a few milliseconds apart, and without this the first to arrive, not the most urgent, runs.
     * Only stages that find a child idle wait; a child that frees up goes to the most urgent waiting.
     */
    private readonly gatherMs = 0,
  ) {}
  private gatherTimer: NodeJS.Timeout | undefined;

  private spawn(): Slot {
    const entry = path.join(process.cwd(), "workers", "cpu-child.ts");
    const child = fork(entry, [], {
      execArgv: ["--import", "tsx", "--no-warnings=ExperimentalWarning", ...CHILD_V8_FLAGS],
      stdio: ["ignore", "inherit", "inherit", "ipc"],
      serialization: "advanced",
      env: { ...process.env, ...this.env },
    });
    if (this.nice > 0 && child.pid !== undefined) lowerPriority(child.pid, this.nice);
    let markReady!: () => void;
    const slot: Slot = { child, ready: new Promise<void>((r) => (markReady = r)), busy: false };
    child.on("message", (msg: { ready?: boolean; id?: number; ok?: boolean; result?: StageOutcome; error?: { message: string; code?: ErrorCode } }) => {
      if (msg.ready) return markReady();
      const p = msg.id !== undefined ? this.pending.get(msg.id) : undefined;
      if (!p) return;
      this.pending.delete(msg.id!);
      if (msg.ok) p.resolve(msg.result!);
      else p.reject(new AuteurError(msg.error?.code && msg.error.code in { render_failed: 1, invalid_input: 1, provider_failed: 1, timeout: 1 } ? msg.error.code : "render_failed", msg.error?.message ?? "stage failed"));
    });
    child.on("exit", (code, signal) => {
      this.slots = this.slots.filter((s) => s !== slot);
      for (const [id, p] of this.pending)
        if (p.slot === slot) {
          this.pending.delete(id);
          p.reject(new AuteurError("render_failed", `the render process stopped (${signal ?? `exit ${code}`})`));
        }
      markReady();
      this.dispatch();
    });
    this.slots.push(slot);
    return slot;
  }

  /** A free child, or a new one while the pool is not full. */
  private freeSlot(): Slot | undefined {
    const free = this.slots.find((s) => !s.busy && s.child.exitCode === null && !s.child.killed);
    if (free) return free;
    if (this.slots.length < this.size) return this.spawn();
    return undefined;
  }

  /** Hand free children to waiting stages, the most urgent first. */
  private dispatch() {
    while (this.waiting.length && !this.closed) {
      const slot = this.freeSlot();
      if (!slot) return;
      const [waiter] = this.waiting.splice(pickWaiter(this.waiting, Date.now(), this.maxWaitMs), 1);
      slot.busy = true;
      waiter!.resolve(slot);
    }
  }

  private acquire(priority: number): Promise<Slot> {
    if (this.closed) return Promise.reject(new AuteurError("internal", "the worker is shutting down"));
    return new Promise<Slot>((resolve, reject) => {
      this.waiting.push({ priority, since: Date.now(), seq: this.nextSeq++, resolve, reject });
      if (this.gatherMs <= 0) return this.dispatch();
      this.gatherTimer ??= setTimeout(() => {
        this.gatherTimer = undefined;
        this.dispatch();
      }, this.gatherMs);
    });
  }

  /**
   * Start every child now (loading its modules takes about half a second each), so the first stage
   * does not wait for it. Resolves when every child has loaded (or stopped).
   */
  warm(): Promise<void> {
    while (!this.closed && this.slots.length < this.size) this.spawn();
    return Promise.all(this.slots.map((s) => s.ready)).then(() => {});
  }

  /** Run one stage in a child; while all are busy, stages wait and go by `priority` (higher first). */
  async run(spec: StageSpec, signal?: AbortSignal, priority = 0): Promise<StageOutcome> {
    const slot = await this.acquire(priority);
    try {
      await slot.ready;
      if (slot.child.exitCode !== null) throw new AuteurError("render_failed", "the render process could not start");
      const id = this.nextId++;
      // Cancelling a stage kills its child (the only way to stop a synchronous draw loop); the
      // listener is removed as soon as the stage ends, so a later abort never hits the next stage.
      const onAbort = () => {
        if (this.pending.has(id)) slot.child.kill("SIGKILL");
      };
      signal?.addEventListener("abort", onAbort, { once: true });
      try {
        return await new Promise<StageOutcome>((resolve, reject) => {
          this.pending.set(id, { resolve, reject, slot });
          slot.child.send({ id, spec }, (err) => {
            if (err) {
              this.pending.delete(id);
              reject(new AuteurError("render_failed", `could not reach the render process: ${err.message}`));
            }
          });
        });
      } finally {
        signal?.removeEventListener("abort", onAbort);
      }
    } finally {
      slot.busy = false;
      this.dispatch();
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.gatherTimer);
    for (const w of this.waiting.splice(0)) w.reject(new AuteurError("internal", "the worker is shutting down"));
    await Promise.all(
      this.slots.map(
        (s) =>
          new Promise<void>((resolve) => {
            if (s.child.exitCode !== null) return resolve();
            s.child.once("exit", () => resolve());
            s.child.kill("SIGTERM");
            setTimeout(() => s.child.kill("SIGKILL"), 2000).unref();
          }),
      ),
    );
    this.slots = [];
  }
}

/**
 * V8 flags of the children. --single-threaded-gc: the renderer asks for a young-generation collection
 * after every frame (release-frame-memory), and V8's parallel scavenger starts and joins helper threads
 * for each one, however little there is to collect: measured on a 120 s film's shots, the median pause
 * went from 0.7 ms to 0.4 ms and the mean from 1.4 ms to 0.38 ms. The children are already one per core,
 * so helper threads only take time from the other child.
 */
export const CHILD_V8_FLAGS = ["--single-threaded-gc"];

/** Make a process nicer than this one by `nice` (relative, so a worker already started nice stays nicer). */
function lowerPriority(pid: number, nice: number): void {
  try {
    os.setPriority(pid, Math.min(19, os.getPriority() + nice));
  } catch {
    // Not permitted here (some containers): the children run at normal priority.
  }
}

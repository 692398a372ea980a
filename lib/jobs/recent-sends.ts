/**
 * Which jobs this process has sent and not yet seen settle. The reconciler runs after every job and
 * re-plans the whole cut; without this it would send every missing stage again each time (a database
 * round trip each, dropped by the queue's one-job-per-key policy): for a 20-minute film, hundreds of
 * sends per pass, on the thread that answers web requests. A send is skipped while the same job is
 * known to be waiting or running; the worker forgets it when the job settles, and an entry lapses
 * after `ttlMs` in case the job settled somewhere this process cannot see (another worker).
 */
export class RecentSends {
  private sent = new Map<string, number>();

  constructor(private readonly ttlMs = 60_000) {}

  /** True when the job should be sent now (and records it as sent). */
  claim(queue: string, key: string, now = Date.now()): boolean {
    const id = `${queue}\0${key}`;
    const at = this.sent.get(id);
    if (at !== undefined && now - at < this.ttlMs) return false;
    if (this.sent.size > 100_000) this.prune(now);
    this.sent.set(id, now);
    return true;
  }

  /** The job settled (done, failed, or will retry by the queue's own schedule): a later send goes through. */
  forget(queue: string, key: string): void {
    this.sent.delete(`${queue}\0${key}`);
  }

  private prune(now: number): void {
    for (const [id, at] of this.sent) if (now - at >= this.ttlMs) this.sent.delete(id);
    if (this.sent.size > 100_000) this.sent.clear();
  }
}

/**
 * The database going away for a moment (a restart, a failover, a dropped connection) is not a failure
 * of the work: writes that must land are retried through it, with a bound, and every other error is
 * passed on at once.
 */

/**
 * Codes that say the connection, not the statement, failed: SQLSTATE class 08 (connection exception),
 * 57P01-57P03 (the server shutting down, crashed, or still starting), the socket errors Node reports,
 * and postgres.js's own codes for a connection it lost.
 */
const TRANSIENT_CODES = new Set([
  "08000",
  "08001",
  "08003",
  "08004",
  "08006",
  "57P01",
  "57P02",
  "57P03",
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
  "CONNECT_TIMEOUT",
]);

/** node-postgres (pg-boss's driver) reports a dropped socket with this message and no code. */
const TRANSIENT_MESSAGE = /^Connection terminated( unexpectedly)?\b/;

/**
 * Why an error (or one it wraps: drizzle puts the driver's error in `cause`) is a lost connection, in a
 * few words ("ECONNREFUSED", "57P01 terminating connection ..."), or undefined when it is not one. Pure.
 */
export function transientDbReason(err: unknown): string | undefined {
  for (let e = err, depth = 0; e && typeof e === "object" && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const { code, message } = e as { code?: unknown; message?: unknown };
    const text = typeof message === "string" ? message.split("\n")[0]! : "";
    if (typeof code === "string" && TRANSIENT_CODES.has(code)) return text.includes(code) ? text : `${code} ${text}`.trim();
    if (TRANSIENT_MESSAGE.test(text)) return text;
  }
  return undefined;
}

export function isTransientDbError(err: unknown): boolean {
  return transientDbReason(err) !== undefined;
}

export interface RetryOptions {
  /** Give up after this long (ms) and throw the last error: a database down this long is an outage. */
  maxMs?: number;
  /** Stop retrying once this is aborted (the job was given up, the worker is stopping). */
  signal?: AbortSignal;
  /** Told before each wait, for the log: why (transientDbReason), which try comes next, and when. */
  onRetry?: (reason: string, attempt: number, delayMs: number) => void;
}

/**
 * Runs `fn`, and again after a lost connection, waiting 0.25 s, 0.5 s, 1 s ... (at most 4 s between
 * tries) for up to `maxMs` (60 s). Only for statements that are safe to run twice (idempotent writes).
 */
export async function retryTransient<T>(fn: () => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const deadline = Date.now() + (options.maxMs ?? 60_000);
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (err) {
      const delayMs = Math.min(4000, 250 * 2 ** (attempt - 1));
      const reason = transientDbReason(err);
      if (reason === undefined || Date.now() + delayMs > deadline || options.signal?.aborted) throw err;
      options.onRetry?.(reason, attempt + 1, delayMs);
      await new Promise((r) => setTimeout(r, delayMs));
    }
  }
}

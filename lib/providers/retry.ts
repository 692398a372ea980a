/**
 * Retries for provider calls: rate limits (429) and passing server trouble (5xx, network errors) are
 * retried with exponential backoff (honouring Retry-After); anything else fails at once.
 */
import { AuteurError } from "../errors";

export interface RetryOptions {
  /** Attempts in all (1 = no retry). */
  attempts?: number;
  /** First wait, ms; doubles each time. */
  baseMs?: number;
  maxMs?: number;
  signal?: AbortSignal;
  /** Waits (tests pass a fake). */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  onRetry?: (info: { attempt: number; waitMs: number; error: unknown }) => void;
}

/** An HTTP failure from a provider, with its status and Retry-After (seconds). */
export class ProviderHttpError extends AuteurError {
  readonly httpStatus: number;
  readonly retryAfterSec?: number;
  constructor(provider: string, httpStatus: number, message: string, retryAfterSec?: number) {
    super(httpStatus === 429 ? "rate_limited" : "provider_failed", `${provider}: ${message}`, { details: { provider, httpStatus } });
    this.httpStatus = httpStatus;
    this.retryAfterSec = retryAfterSec;
  }
}

export function isRetryable(error: unknown): boolean {
  if (error instanceof ProviderHttpError) return error.httpStatus === 429 || error.httpStatus === 408 || error.httpStatus >= 500;
  if (error instanceof AuteurError) return error.code === "rate_limited" || error.code === "timeout";
  const e = error as { name?: string; statusCode?: number; isRetryable?: boolean; code?: string } | undefined;
  if (e?.name === "AbortError") return false;
  // AI SDK API errors carry these.
  if (typeof e?.isRetryable === "boolean") return e.isRetryable;
  if (typeof e?.statusCode === "number") return e.statusCode === 429 || e.statusCode >= 500;
  // Network trouble (fetch failed, connection reset).
  return error instanceof TypeError || e?.code === "ECONNRESET" || e?.code === "ECONNREFUSED";
}

/** Wait before the retry after `attempt` (1-based): Retry-After when given, else base * 2^(attempt-1). */
export function backoffMs(attempt: number, error: unknown, baseMs: number, maxMs: number): number {
  if (error instanceof ProviderHttpError && error.retryAfterSec !== undefined) return Math.min(maxMs, Math.max(0, error.retryAfterSec * 1000));
  return Math.min(maxMs, baseMs * 2 ** (attempt - 1));
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const t = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(t);
      reject(signal!.reason);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

export async function withRetries<T>(task: (attempt: number) => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const attempts = options.attempts ?? 4;
  const baseMs = options.baseMs ?? 1000;
  const maxMs = options.maxMs ?? 60_000;
  const wait = options.sleep ?? sleep;
  for (let attempt = 1; ; attempt++) {
    options.signal?.throwIfAborted();
    try {
      return await task(attempt);
    } catch (error) {
      if (attempt >= attempts || !isRetryable(error) || options.signal?.aborted) throw error;
      const waitMs = backoffMs(attempt, error, baseMs, maxMs);
      options.onRetry?.({ attempt, waitMs, error });
      await wait(waitMs, options.signal);
    }
  }
}

/** Retry-After header as seconds (a number of seconds; HTTP dates are not used by these APIs). */
export function parseRetryAfter(value: string | null): number | undefined {
  if (!value) return undefined;
  const n = Number(value);
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}

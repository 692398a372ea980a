/**
 * Per-provider concurrency caps (per process): at most `max` calls to one provider run at once;
 * the rest wait their turn in order.
 */
export interface Limiter {
  run<T>(task: () => Promise<T>): Promise<T>;
  readonly active: number;
  readonly waiting: number;
}

export function createLimiter(max: number): Limiter {
  if (!Number.isInteger(max) || max < 1) throw new Error(`a concurrency cap must be a whole number >= 1, not ${max}`);
  let active = 0;
  const queue: (() => void)[] = [];
  const next = () => {
    if (active >= max || !queue.length) return;
    active++;
    queue.shift()!();
  };
  return {
    run<T>(task: () => Promise<T>): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        queue.push(() => {
          Promise.resolve()
            .then(task)
            .then(resolve, reject)
            .finally(() => {
              active--;
              next();
            });
        });
        next();
      });
    },
    get active() {
      return active;
    },
    get waiting() {
      return queue.length;
    },
  };
}

const limiters = new Map<string, Limiter>();

/** The process-wide limiter of a provider (made on first use with its cap). */
export function limiterFor(provider: string, max: number): Limiter {
  let l = limiters.get(provider);
  if (!l) {
    l = createLimiter(max);
    limiters.set(provider, l);
  }
  return l;
}

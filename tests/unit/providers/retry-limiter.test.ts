import { describe, expect, it } from "vitest";
import { createLimiter } from "../../../lib/providers/limiter";
import { backoffMs, isRetryable, ProviderHttpError, withRetries } from "../../../lib/providers/retry";
import { AuteurError } from "../../../lib/errors";

describe("withRetries", () => {
  it("backs off on 429 (honouring Retry-After) and succeeds", async () => {
    const waits: number[] = [];
    let calls = 0;
    const result = await withRetries(
      async () => {
        calls++;
        if (calls === 1) throw new ProviderHttpError("p", 429, "slow down", 3);
        if (calls === 2) throw new ProviderHttpError("p", 503, "busy");
        return "ok";
      },
      { attempts: 4, baseMs: 100, sleep: async (ms) => void waits.push(ms) },
    );
    expect(result).toBe("ok");
    expect(waits).toEqual([3000, 200]);
  });

  it("gives up after its attempts, and never retries a request the provider refused", async () => {
    let calls = 0;
    await expect(withRetries(async () => (calls++, Promise.reject(new ProviderHttpError("p", 500, "boom"))), { attempts: 3, baseMs: 1, sleep: async () => {} })).rejects.toThrow(/p: boom/);
    expect(calls).toBe(3);
    calls = 0;
    await expect(withRetries(async () => (calls++, Promise.reject(new ProviderHttpError("p", 400, "bad workflow"))), { attempts: 3, sleep: async () => {} })).rejects.toThrow(/bad workflow/);
    expect(calls).toBe(1);
  });

  it("classifies errors", () => {
    expect(isRetryable(new ProviderHttpError("p", 429, "x"))).toBe(true);
    expect(isRetryable(new ProviderHttpError("p", 401, "x"))).toBe(false);
    expect(isRetryable(new AuteurError("invalid_input", "x"))).toBe(false);
    expect(isRetryable(new TypeError("fetch failed"))).toBe(true);
    expect(isRetryable({ statusCode: 429 })).toBe(true);
    expect(backoffMs(3, new Error("x"), 1000, 5000)).toBe(4000);
    expect(backoffMs(10, new Error("x"), 1000, 5000)).toBe(5000);
  });
});

describe("createLimiter", () => {
  it("runs at most the cap at once, in order", async () => {
    const limiter = createLimiter(2);
    let running = 0;
    let most = 0;
    const order: number[] = [];
    const task = (i: number) => async () => {
      running++;
      most = Math.max(most, running);
      await new Promise((r) => setTimeout(r, 5));
      order.push(i);
      running--;
      return i;
    };
    const results = await Promise.all([0, 1, 2, 3, 4].map((i) => limiter.run(task(i))));
    expect(results).toEqual([0, 1, 2, 3, 4]);
    expect(most).toBe(2);
    expect(limiter.active).toBe(0);
    await expect(limiter.run(async () => Promise.reject(new Error("x")))).rejects.toThrow("x");
    expect(() => createLimiter(0)).toThrow(/whole number/);
  });
});

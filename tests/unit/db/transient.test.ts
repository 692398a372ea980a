import net from "node:net";
import { sql as raw } from "drizzle-orm";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { describe, expect, it } from "vitest";
import { isTransientDbError, retryTransient, transientDbReason } from "../../../db/transient";
import { AuteurError } from "../../../lib/errors";

/** A port on 127.0.0.1 that nothing listens on (a database that is down). */
async function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** The error a real query gets from drizzle over postgres.js when the server is not there. */
async function refusedQueryError(): Promise<unknown> {
  const client = postgres(`postgres://postgres@127.0.0.1:${await closedPort()}/x`, { max: 1, onnotice: () => {} });
  try {
    return await drizzle(client).execute(raw`select 1`).then(
      () => undefined,
      (err: unknown) => err,
    );
  } finally {
    await client.end({ timeout: 1 });
  }
}

describe("a lost database connection", () => {
  it("is recognised through drizzle's wrapper, with the driver's reason", async () => {
    const err = await refusedQueryError();
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toMatch(/^Failed query/);
    expect(isTransientDbError(err)).toBe(true);
    expect(transientDbReason(err)).toMatch(/ECONNREFUSED/);
  });

  it("is told apart from errors of the work itself", () => {
    expect(isTransientDbError(new Error("boom"))).toBe(false);
    expect(isTransientDbError(new AuteurError("render_failed", "ffmpeg exited with code 1"))).toBe(false);
    expect(isTransientDbError(Object.assign(new Error('duplicate key value violates unique constraint "x"'), { code: "23505" }))).toBe(false);
    expect(isTransientDbError(Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" }))).toBe(true);
    expect(isTransientDbError(new Error("Connection terminated unexpectedly"))).toBe(true);
    expect(isTransientDbError(undefined)).toBe(false);
  });
});

describe("retryTransient", () => {
  it("tries again through a lost connection and returns the answer", async () => {
    const lost = await refusedQueryError();
    let calls = 0;
    const tries: number[] = [];
    const answer = await retryTransient(
      async () => {
        if (++calls < 3) throw lost;
        return "written";
      },
      { onRetry: (_reason, next) => tries.push(next) },
    );
    expect(answer).toBe("written");
    expect(calls).toBe(3);
    expect(tries).toEqual([2, 3]);
  });

  it("passes any other error on at once", async () => {
    let calls = 0;
    const err = new AuteurError("invalid_input", "bad row");
    await expect(
      retryTransient(async () => {
        calls++;
        throw err;
      }),
    ).rejects.toBe(err);
    expect(calls).toBe(1);
  });

  it("gives up with the last error once its time is spent, or when told to stop", async () => {
    const lost = await refusedQueryError();
    let calls = 0;
    await expect(
      retryTransient(
        async () => {
          calls++;
          throw lost;
        },
        { maxMs: 300 },
      ),
    ).rejects.toBe(lost);
    expect(calls).toBe(2);

    const stop = new AbortController();
    stop.abort();
    calls = 0;
    await expect(
      retryTransient(
        async () => {
          calls++;
          throw lost;
        },
        { signal: stop.signal },
      ),
    ).rejects.toBe(lost);
    expect(calls).toBe(1);
  });
});

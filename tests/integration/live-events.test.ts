/**
 * The live events stream against a real database: many viewers of one film each get the film's view,
 * a change announced from another connection (as the worker process announces a finished stage)
 * reaches every viewer at once, and a change nobody announced still shows within the staleness bound.
 */
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { films } from "../../db/schema";
import { filmEvents } from "../../lib/film/events";
import { FILM_CHANGES_CHANNEL } from "../../lib/film/film-changes";
import { createFilm } from "../../lib/film/service";
import { LOCAL_USER } from "../../lib/runtime";
import { startWorld, TEST_DB, type TestWorld } from "./harness";

const owner = LOCAL_USER.id;

/** Reads `film` events off an SSE byte stream, one at a time. */
function eventReader(stream: ReadableStream<Uint8Array>) {
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  return {
    async next(timeoutMs: number): Promise<{ title: string }> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const end = buffer.indexOf("\n\n");
        if (end >= 0) {
          const message = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (message.startsWith("event: film")) {
            const data = message.split("\n").filter((l) => l.startsWith("data: ")).map((l) => l.slice(6)).join("\n");
            return JSON.parse(data) as { title: string };
          }
          continue;
        }
        const left = deadline - Date.now();
        if (left <= 0) throw new Error("no film event in time");
        const chunk = await Promise.race([reader.read(), new Promise<null>((r) => setTimeout(() => r(null), left))]);
        if (chunk === null) throw new Error("no film event in time");
        if (chunk.done) throw new Error("the stream ended");
        buffer += decoder.decode(chunk.value, { stream: true });
      }
    },
  };
}

describe(`live events of a film (${TEST_DB})`, () => {
  let world: TestWorld;
  let filmId = "";
  /** Another connection to the same database, as a separate worker process has (PGlite has only one). */
  let other: postgres.Sql | undefined;
  const stop = new AbortController();

  beforeAll(async () => {
    world = await startWorld({ worker: false });
    filmId = (await createFilm({ ownerId: owner, idea: "A 12-second scene: Ana, a baker, hands Ben, a boy, a loaf at dawn." })).filmId;
    if (world.databaseUrl) other = postgres(world.databaseUrl, { max: 1, onnotice: () => {} });
  });
  afterAll(async () => {
    stop.abort();
    await other?.end();
    await world?.close();
  });

  async function setTitle(title: string, announce: boolean) {
    if (other) {
      await other`update films set title = ${title} where id = ${filmId}`;
      if (announce) await other`select pg_notify(${FILM_CHANGES_CHANNEL}, ${filmId})`;
    } else {
      await world.rt.db.update(films).set({ title }).where(eq(films.id, filmId));
      if (announce) await world.rt.db.execute(sql`select pg_notify(${FILM_CHANGES_CHANNEL}, ${filmId})`);
    }
  }

  it("shows every viewer an announced change at once, and an unannounced one within five seconds", async () => {
    const viewers = Array.from({ length: 20 }, () => eventReader(filmEvents({ ownerId: owner, filmId, signal: stop.signal, intervalMs: 100 })));
    const first = await Promise.all(viewers.map((v) => v.next(10_000)));
    expect(new Set(first.map((v) => v.title)).size).toBe(1);

    const announced = performance.now();
    await setTitle("The Loaf at Dawn", true);
    const seen = await Promise.all(viewers.map((v) => v.next(4_000)));
    expect(seen.map((v) => v.title)).toEqual(Array(20).fill("The Loaf at Dawn"));
    // Well under the five-second bound: the notification moved the film's version.
    expect(performance.now() - announced).toBeLessThan(2_500);

    const quiet = performance.now();
    await setTitle("The Quiet Bakery", false);
    const late = await Promise.all(viewers.map((v) => v.next(9_000)));
    expect(late.map((v) => v.title)).toEqual(Array(20).fill("The Quiet Bakery"));
    // Twenty viewers looking every 100 ms do not read the database each time: the shared view is read
    // again when its film's version moves, or once it is five seconds old.
    expect(performance.now() - quiet).toBeGreaterThan(1_000);
    expect(performance.now() - quiet).toBeLessThan(7_000);
  });
});

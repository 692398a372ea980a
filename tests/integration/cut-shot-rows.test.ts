import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertTakes, listCutShotsByCut, updateCutShots } from "../../db/queries";
import { takes } from "../../db/schema";
import { eq } from "drizzle-orm";
import { createFilm } from "../../lib/film/service";
import { LOCAL_USER } from "../../lib/runtime";
import { startWorld, type TestWorld } from "./harness";

// The reconciler writes a pass's row changes in one statement: each row changes only what its update names.
describe("a cut's shot rows changed together", () => {
  let world: TestWorld;
  let cutId = "";
  let filmId = "";

  beforeAll(async () => {
    world = await startWorld({ worker: false });
    ({ cutId, filmId } = await createFilm({ ownerId: LOCAL_USER.id, idea: "A 30-second fable: a fox named Vell steals the moon from a lake, and gives it back." }));
  });
  afterAll(async () => {
    await world?.close();
  });

  it("changes only the named fields of each named row, null included, and leaves other rows alone", async () => {
    const db = world.rt.db;
    const before = await listCutShotsByCut({ db, cutId });
    expect(before.length).toBeGreaterThanOrEqual(3);
    const [a, b, c] = before;
    await updateCutShots({ db, cutId, updates: [{ shotId: a!.shotId, set: { renderKey: "r-a", mixKey: "m-a", frames: 120, reused: false, status: "queued" } }] });
    await updateCutShots({
      db,
      cutId,
      updates: [
        { shotId: a!.shotId, set: { status: "failed", error: "it's \"broken\"; ünïcode" } },
        { shotId: b!.shotId, set: { frames: 48, reused: true } },
      ],
    });
    await updateCutShots({ db, cutId, updates: [{ shotId: a!.shotId, set: { error: null, status: "done" } }] });
    const after = new Map((await listCutShotsByCut({ db, cutId })).map((r) => [r.shotId, r]));
    expect(after.get(a!.shotId)).toMatchObject({ renderKey: "r-a", mixKey: "m-a", frames: 120, reused: false, status: "done", error: null });
    expect(after.get(b!.shotId)).toMatchObject({ renderKey: b!.renderKey, mixKey: b!.mixKey, frames: 48, reused: true, status: b!.status, error: b!.error });
    expect(after.get(c!.shotId)).toMatchObject({ renderKey: c!.renderKey, frames: c!.frames, reused: c!.reused, status: c!.status });
    await updateCutShots({ db, cutId, updates: [{ shotId: b!.shotId, set: { error: "it's \"broken\"; ünïcode" } }] });
    expect((await listCutShotsByCut({ db, cutId })).find((r) => r.shotId === b!.shotId)!.error).toBe("it's \"broken\"; ünïcode");
  });

  it("records many takes at once and keeps those already known", async () => {
    const db = world.rt.db;
    const rows = Array.from({ length: 600 }, (_, i) => ({ filmId, shotId: `s${i % 300}`, renderKey: `k${i % 300}`, take: 1 }));
    await insertTakes({ db, takes: rows });
    await insertTakes({ db, takes: rows.slice(0, 10) });
    expect((await db.select().from(takes).where(eq(takes.filmId, filmId))).length).toBe(300);
  });
});

import fs from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assetFile, assetsRoot, hasAsset } from "../../lib/assets/store";
import { collectGarbage } from "../../lib/film/collect-garbage";
import { getFilm, sendMessage, createFilm, waitForCut } from "../../lib/film/service";
import { compareCuts, createBranch, deleteBranch, undo } from "../../lib/film/versions";
import { LOCAL_USER } from "../../lib/runtime";
import { startWorld, TEST_DB, type TestWorld } from "./harness";
import { listCutShotsByCut } from "../../db/queries";

const owner = LOCAL_USER.id;

async function countAssets(): Promise<number> {
  let n = 0;
  for (const p of await fs.readdir(assetsRoot())) if (/^[0-9a-f]{2}$/.test(p)) n += (await fs.readdir(path.join(assetsRoot(), p))).length;
  return n;
}

describe(`versions and regeneration (${TEST_DB})`, () => {
  let world: TestWorld;
  let filmId = "";
  let first = "";

  beforeAll(async () => {
    world = await startWorld();
    const made = await createFilm({ ownerId: owner, idea: "A 40-second mystery: Iris, a sharp detective, questions Felix, a nervous butler, in a library at night. End with a confession in the garden." });
    filmId = made.filmId;
    first = made.cutId;
    await waitForCut({ ownerId: owner, cutId: first, timeoutMs: 300_000 });
  });
  afterAll(async () => {
    await world?.close();
  });

  it("a new take of one shot renders that shot only; every other segment is byte-identical", async () => {
    const film = await getFilm({ ownerId: owner, filmId });
    const shot = film.head.shots[1]!;
    const sent = await sendMessage({ ownerId: owner, filmId, message: "another take of this shot", target: { kind: "shot", id: shot.shotId }, requestId: "take-1" });
    // A double click (the same request again) makes no second cut.
    const again = await sendMessage({ ownerId: owner, filmId, message: "another take of this shot", target: { kind: "shot", id: shot.shotId }, requestId: "take-1" });
    expect(again.cutId).toBe(sent.cutId);
    const view = await waitForCut({ ownerId: owner, cutId: sent.cutId!, timeoutMs: 300_000 });
    expect(view.status).toBe("complete");
    expect(view.shotsRendered).toBe(1);
    expect(view.shotsReused).toBe(view.shots.length - 1);
    const before = new Map((await listCutShotsByCut({ db: world.rt.db, cutId: first })).map((r) => [r.shotId, r]));
    for (const row of await listCutShotsByCut({ db: world.rt.db, cutId: sent.cutId! })) {
      const old = before.get(row.shotId)!;
      if (row.shotId === shot.shotId) {
        expect(row.renderKey).not.toBe(old.renderKey);
        continue;
      }
      expect(row.renderKey).toBe(old.renderKey);
      // The same key is the same file: unchanged shots are reused, not re-rendered.
      expect(row.mixKey).toBe(old.mixKey);
      expect(hasAsset(row.mixKey!)).toBe(true);
    }
    const diff = await compareCuts({ ownerId: owner, a: first, b: sent.cutId! });
    expect(diff.shots.filter((s) => s.change !== "same").map((s) => s.shotId)).toEqual([shot.shotId]);
  });

  it("undo goes back to the parent; an alternate ending keeps both endings", async () => {
    const film = await getFilm({ ownerId: owner, filmId });
    const head = film.head.id;
    const undone = await undo({ ownerId: owner, filmId });
    expect(undone.cutId).toBe(first);
    expect((await getFilm({ ownerId: owner, filmId })).head.id).toBe(first);

    const alt = await sendMessage({ ownerId: owner, filmId, message: "try an alternate ending where Felix confesses" });
    expect(alt.cutId).toBeTruthy();
    const after = await getFilm({ ownerId: owner, filmId });
    expect(after.branches.map((b) => b.name)).toEqual(["main", "alternate"]);
    expect(after.head.id).toBe(first); // main is as it was
    const altView = await waitForCut({ ownerId: owner, cutId: alt.cutId!, timeoutMs: 300_000 });
    expect(altView.status).toBe("complete");
    expect(altView.parentCutId).toBe(first);
    // What the new ending did not touch is reused; what it changed or added is rendered.
    const diff = await compareCuts({ ownerId: owner, a: first, b: alt.cutId! });
    expect(diff.summary.changed + diff.summary.added).toBeGreaterThan(0);
    expect(altView.shotsReused).toBe(diff.summary.same);
    expect(altView.shotsRendered).toBe(diff.summary.changed + diff.summary.added);
    expect(after.cuts.map((c) => c.id)).toEqual(expect.arrayContaining([first, head, alt.cutId]));
  });

  it("deleting a branch frees only what no remaining cut uses", async () => {
    const film = await getFilm({ ownerId: owner, filmId });
    const alt = film.branches.find((b) => b.name === "alternate")!;
    const altCut = (await getFilm({ ownerId: owner, filmId, branchId: alt.id })).head;
    const altOnly = (await listCutShotsByCut({ db: world.rt.db, cutId: altCut.id })).map((r) => r.mixKey!);
    const mainKeys = new Set((await listCutShotsByCut({ db: world.rt.db, cutId: first })).map((r) => r.mixKey!));
    const assetsBefore = await countAssets();
    await deleteBranch({ ownerId: owner, filmId, branchId: alt.id });
    const gc = await collectGarbage({ graceMs: 0 });
    expect(gc.removed).toBeGreaterThan(0);
    expect(await countAssets()).toBeLessThan(assetsBefore);
    for (const key of altOnly) expect(hasAsset(key)).toBe(mainKeys.has(key));
    // The main cut still plays: every file it needs is there.
    for (const key of mainKeys) {
      expect(hasAsset(key)).toBe(true);
      await fs.access(assetFile(key, "segment.mp4"));
    }
    const main = await getFilm({ ownerId: owner, filmId });
    expect(main.branches.map((b) => b.name)).toEqual(["main"]);
  });

  it("two edits sent at once both land, one on top of the other", async () => {
    const [a, b] = await Promise.all([
      sendMessage({ ownerId: owner, filmId, message: "make the film black and white" }),
      sendMessage({ ownerId: owner, filmId, message: "make it brighter" }),
    ]);
    expect(a.cutId && b.cutId).toBeTruthy();
    const film = await getFilm({ ownerId: owner, filmId });
    // The one that applied second builds on the first: neither update is lost.
    expect([a.cutId, b.cutId]).toContain(film.head.id);
    const other = film.head.id === a.cutId ? b.cutId : a.cutId;
    expect(film.head.parentCutId).toBe(other);
    expect(film.head.screenplay.style.look.blackAndWhite).toBe(true);
    await createBranch({ ownerId: owner, filmId, name: "keep" });
  });

  it("a line said another way re-renders its own shot only, whatever its new length, and the scene stays on the grid", async () => {
    await waitForCut({ ownerId: owner, cutId: (await getFilm({ ownerId: owner, filmId })).head.id, timeoutMs: 300_000 });
    const film = await getFilm({ ownerId: owner, filmId });
    const scenes = film.head.screenplay.acts.flatMap((a) => a.scenes);
    // A line in a shot that is not its scene's last: before, the scene's last shot took up the change of length.
    const shot = scenes.flatMap((s) => s.shots.slice(0, -1)).find((sh) => sh.lines.length > 0)!;
    expect(shot).toBeTruthy();
    const sent = await sendMessage({ ownerId: owner, filmId, message: "that line, whispered and much slower", target: { kind: "line", id: shot.lines[0]!.id } });
    const view = await waitForCut({ ownerId: owner, cutId: sent.cutId!, timeoutMs: 300_000 });
    expect(view.status).toBe("complete");
    expect(view.shotsRendered).toBe(1);
    const before = new Map((await listCutShotsByCut({ db: world.rt.db, cutId: film.head.id })).map((r) => [r.shotId, r]));
    const after = await listCutShotsByCut({ db: world.rt.db, cutId: sent.cutId! });
    for (const row of after) {
      if (row.shotId === shot.id) expect(row.renderKey).not.toBe(before.get(row.shotId)!.renderKey);
      else expect([row.shotId, row.frames, row.renderKey]).toEqual([row.shotId, before.get(row.shotId)!.frames, before.get(row.shotId)!.renderKey]);
    }
    for (const scene of scenes) expect(after.filter((r) => r.sceneId === scene.id).reduce((n, r) => n + r.frames!, 0) % 64).toBe(0);
  });
});

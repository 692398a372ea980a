import { createHash } from "node:crypto";
import { execFile } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { AuteurError } from "../../lib/errors";
import { exportRecipe, importRecipe } from "../../lib/film/recipe";
import { createFilm, getCutFile, sendMessage, waitForCut } from "../../lib/film/service";
import { LOCAL_USER } from "../../lib/runtime";
import { startWorld, TEST_DB, type TestWorld } from "./harness";

const owner = LOCAL_USER.id;
const run = promisify(execFile);
const IDEA = "A 10-second comedy: Mira, a baker with flour on her apron, tells Sam, a tall mail carrier, that the cake is alive.";

async function filmHash(cutId: string): Promise<string> {
  const file = await getCutFile({ ownerId: owner, cutId, name: "film.mp4" });
  return createHash("sha256").update(await fs.readFile(file.path)).digest("hex");
}

async function expectRefused(recipe: unknown, pattern: RegExp) {
  const err = await importRecipe({ ownerId: owner, recipe }).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(AuteurError);
  expect((err as AuteurError).code).toBe("invalid_input");
  expect((err as AuteurError).message).toMatch(pattern);
}

describe(`film recipes (${TEST_DB})`, () => {
  let world: TestWorld | undefined;
  afterAll(async () => {
    await world?.close();
  });

  it("exports a film's history and re-renders it in a fresh world to the same bytes", async () => {
    world = await startWorld();
    const made = await createFilm({ ownerId: owner, idea: IDEA });
    expect((await waitForCut({ ownerId: owner, cutId: made.cutId, timeoutMs: 300_000 })).status).toBe("complete");
    const edit = await sendMessage({ ownerId: owner, filmId: made.filmId, message: "make the film black and white" });
    expect(edit.cutId).toBeTruthy();
    expect((await waitForCut({ ownerId: owner, cutId: edit.cutId!, timeoutMs: 300_000 })).status).toBe("complete");
    const originals = [await filmHash(made.cutId), await filmHash(edit.cutId!)];

    const recipe = await exportRecipe({ ownerId: owner, filmId: made.filmId });
    const text = JSON.stringify(recipe);
    expect(text.length).toBeLessThan(200_000); // no video, only text
    expect(recipe.format).toBe("auteur-recipe");
    expect(recipe.cuts.map((c) => c.parent)).toEqual([null, made.cutId]);
    expect(recipe.cuts[0]!.messages.find((m) => m.role === "user")?.content).toBe(IDEA);
    expect(recipe.cuts[1]!.messages.find((m) => m.role === "user")?.content).toBe("make the film black and white");
    expect(recipe.branches).toEqual([{ name: "main", head: edit.cutId }]);
    // The edit keeps the lengths of its parent's shots, and the recipe carries them (the same keys on import).
    expect(recipe.cuts[0]!.previousShots).toBeNull();
    expect(Object.keys(recipe.cuts[1]!.previousShots ?? {}).length).toBe(recipe.cuts[0]!.screenplay.acts.flatMap((a) => a.scenes.flatMap((s) => s.shots)).length);
    expect(recipe.providers.video).toMatchObject({ name: "animatic" });
    // Same film, same recipe: exporting is deterministic.
    expect(JSON.stringify(await exportRecipe({ ownerId: owner, filmId: made.filmId }))).toBe(text);

    const filmKeys = await Promise.all(
      [made.cutId, edit.cutId!].map(async (cutId) => (await getCutFile({ ownerId: owner, cutId, name: "film.mp4" })).path.split(path.sep).at(-2)!),
    );

    // Import into a fresh world: a separate process (the CLI) with its own data folder and database.
    const fresh = await fs.mkdtemp(path.join(os.tmpdir(), "auteur-recipe-"));
    try {
      const file = path.join(fresh, "film.json");
      await fs.writeFile(file, text);
      const { stdout } = await run(process.execPath, ["--import", "tsx", "cli/recipe.ts", "import", file], {
        env: { ...process.env, AUTEUR_DATA_DIR: path.join(fresh, "data"), DATABASE_URL: "", AUTEUR_EMBEDDED_WORKER: "1" },
        timeout: 400_000,
      });
      const imported = JSON.parse(stdout.trim().split("\n").at(-1)!) as { filmId: string; cutIds: string[] };
      expect(imported.cutIds).toHaveLength(2);
      expect(imported.filmId).not.toBe(made.filmId);
      // Same screenplays and providers: the same content keys, so the fresh world made the same files.
      const again = await Promise.all(
        filmKeys.map(async (key) => createHash("sha256").update(await fs.readFile(path.join(fresh, "data", "assets", key.slice(0, 2), key, "film.mp4"))).digest("hex")),
      );
      expect(again).toEqual(originals);
    } finally {
      await fs.rm(fresh, { recursive: true, force: true });
    }
  });

  it("refuses malformed recipes with a clear error and makes no film", async () => {
    world ??= await startWorld();
    const good = {
      format: "auteur-recipe",
      version: 1,
      title: "T",
      branches: [{ name: "main", head: "a" }],
      cuts: [{ ref: "a", parent: null, branch: "main", screenplay: { title: "T" } }],
    };
    const before = (await world.rt.db.execute("select count(*)::int as n from films")) as unknown;
    await expectRefused(null, /not a valid film recipe/);
    await expectRefused({ ...good, format: "something-else" }, /format/);
    await expectRefused({ ...good, version: 99 }, /version/);
    await expectRefused({ ...good, cuts: [] }, /cuts/);
    await expectRefused(good, /cuts\.0: The screenplay is not valid/);
    await expectRefused({ ...good, cuts: [{ ...good.cuts[0], parent: "zzz" }] }, /parent "zzz" is not an earlier cut/);
    await expectRefused({ ...good, cuts: [{ ...good.cuts[0], branch: "other" }] }, /branch "other"/);
    await expectRefused({ ...good, branches: [{ name: "main", head: "nope" }] }, /head of branch "main"/);
    const after = (await world.rt.db.execute("select count(*)::int as n from films")) as unknown;
    expect(JSON.stringify(after)).toBe(JSON.stringify(before));
  });
});

/**
 * Film recipes from the command line.
 *   npm run recipe -- export <filmId> > film.json
 *   npm run recipe -- import film.json        (prints {"filmId", "cutIds"} and waits for the cuts)
 */
import fs from "node:fs/promises";
import { AuteurError, toAuteurError } from "../lib/errors";
import { exportRecipe, importRecipe } from "../lib/film/recipe";
import { waitForCut } from "../lib/film/service";
import { LOCAL_USER, startRuntime } from "../lib/runtime";

const USAGE = `Usage:
  npm run recipe -- export <filmId> > film.json
  npm run recipe -- import film.json [--no-wait]`;

async function main(argv: string[]): Promise<number> {
  const [command, arg, ...rest] = argv;
  if ((command !== "export" && command !== "import") || !arg) {
    console.error(USAGE);
    return 2;
  }
  const rt = await startRuntime();
  try {
    if (command === "export") {
      const recipe = await exportRecipe({ ownerId: LOCAL_USER.id, filmId: arg });
      process.stdout.write(JSON.stringify(recipe, null, 2) + "\n");
      return 0;
    }
    let data: unknown;
    try {
      data = JSON.parse(await fs.readFile(arg, "utf8"));
    } catch (err) {
      throw new AuteurError("invalid_input", `Could not read the recipe ${arg}: ${(err as Error).message}`);
    }
    const made = await importRecipe({ ownerId: LOCAL_USER.id, recipe: data });
    console.error(`[auteur] imported film ${made.filmId} (${made.cutIds.length} cuts)`);
    // Without a separate worker, this process renders: wait until every cut is finished.
    if (!rest.includes("--no-wait") && rt.worker) {
      for (const cutId of made.cutIds) {
        const view = await waitForCut({ ownerId: LOCAL_USER.id, cutId });
        console.error(`[auteur] cut ${cutId}: ${view.status}${view.error ? ` (${view.error})` : ""}`);
      }
    }
    process.stdout.write(JSON.stringify(made) + "\n");
    return 0;
  } finally {
    await rt.stop();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    const e = toAuteurError(err);
    console.error(`Error (${e.code}): ${e.message}`);
    process.exit(1);
  },
);

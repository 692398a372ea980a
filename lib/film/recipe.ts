/**
 * Film recipes: a film's whole history as one small JSON (every cut's screenplay with its parent and
 * the messages that made it, the branches and their heads, the providers it was made with), no video.
 * Importing a recipe re-creates the film under new ids and renders it again; with the same providers
 * the content keys are the same, so the films come out byte for byte the same.
 */
import { randomUUID } from "node:crypto";
import { z } from "zod";
import {
  getFilmByIdForOwner,
  insertBranch,
  insertCut,
  insertCutShots,
  insertFilm,
  insertMessage,
  listBranchesByFilm,
  listCutsByFilm,
  listMessagesByFilm,
  setBranchHead,
  getCutById,
} from "../../db/queries";
import { AuteurError } from "../errors";
import { BUILT_IN_PROVIDERS } from "../plan/providers";
import { videoProviderRef } from "../providers/select";
import { getRuntime } from "../runtime";
import { assertMayRender, holdOwnerUsage } from "./enforce-limits";
import { estimateNewSeconds } from "./limits";
import { LIMITS } from "../screenplay/limits";
import type { Screenplay } from "../screenplay/schema";
import { iterateShots, parseScreenplay } from "../screenplay/validate";

export const RECIPE_FORMAT = "auteur-recipe";
export const RECIPE_VERSION = 1;

const MAX_CUTS = 1_000;
const MAX_BRANCHES = 200;
const MAX_MESSAGES_PER_CUT = 50;

const ProviderRefSchema = z.object({ name: z.string().min(1).max(100), version: z.string().min(1).max(100) });

const RecipeMessageSchema = z.object({
  role: z.enum(["user", "assistant"]),
  content: z.string().max(LIMITS.maxIdeaChars),
  target: z.object({ kind: z.string().max(20), id: z.string().max(200) }).nullable().optional(),
});

const RecipeCutSchema = z.object({
  /** The cut's name within the recipe (its id in the film it was exported from). */
  ref: z.string().min(1).max(200),
  /** `ref` of the cut it was made from; null for the first. */
  parent: z.string().min(1).max(200).nullable(),
  branch: z.string().min(1).max(200),
  summary: z.string().max(LIMITS.maxIdeaChars).default(""),
  notes: z.array(z.string().max(LIMITS.maxIdeaChars)).max(100).default([]),
  messages: z.array(RecipeMessageSchema).max(MAX_MESSAGES_PER_CUT).default([]),
  /** Checked against the screenplay schema separately, for a clearer message. */
  screenplay: z.unknown(),
  /** The lengths it keeps of its parent's shots (see lib/film/previous-shots); absent in older recipes. */
  previousShots: z
    .record(z.string().min(1).max(200), z.object({ frames: z.number().int().min(1).max(1_000_000), natural: z.number().int().min(1).max(1_000_000), minFrames: z.number().int().min(1).max(1_000_000) }))
    .nullable()
    .default(null),
});

export const RecipeSchema = z.object({
  format: z.literal(RECIPE_FORMAT),
  version: z.literal(RECIPE_VERSION),
  title: z.string().max(500),
  logline: z.string().max(LIMITS.maxIdeaChars).default(""),
  providers: z.record(z.string(), ProviderRefSchema).default({}),
  branches: z.array(z.object({ name: z.string().min(1).max(200), head: z.string().min(1).max(200).nullable() })).min(1).max(MAX_BRANCHES),
  cuts: z.array(RecipeCutSchema).min(1).max(MAX_CUTS),
});

export type RecipeMessage = z.infer<typeof RecipeMessageSchema>;
export type RecipeCut = Omit<z.infer<typeof RecipeCutSchema>, "screenplay"> & { screenplay: Screenplay };
export type Recipe = Omit<z.infer<typeof RecipeSchema>, "cuts"> & { cuts: RecipeCut[] };

/** The providers a film made now would use (names and versions go into every content key). */
function currentProviders(): Record<string, { name: string; version: string }> {
  const providers: Record<string, { name: string; version: string }> = {};
  for (const [stage, ref] of Object.entries(BUILT_IN_PROVIDERS)) providers[stage] = { name: ref.name, version: ref.version };
  providers.video = videoProviderRef();
  return providers;
}

export async function exportRecipe(input: { ownerId: string; filmId: string }): Promise<Recipe> {
  const rt = await getRuntime();
  const film = await getFilmByIdForOwner({ db: rt.db, filmId: input.filmId, ownerId: input.ownerId });
  if (!film) throw new AuteurError("not_found", "No such film.");
  const [branches, cutRows, messages] = await Promise.all([
    listBranchesByFilm({ db: rt.db, filmId: film.id }),
    listCutsByFilm({ db: rt.db, filmId: film.id }),
    listMessagesByFilm({ db: rt.db, filmId: film.id }),
  ]);
  const branchName = new Map(branches.map((b) => [b.id, b.name]));
  // Parents before children: creation order, then a topological pass for equal timestamps.
  const ordered = [...cutRows].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id));
  const placed = new Set<string>();
  const cuts: RecipeCut[] = [];
  while (cuts.length < ordered.length) {
    const before = cuts.length;
    for (const row of ordered) {
      if (placed.has(row.id)) continue;
      if (row.parentCutId && !placed.has(row.parentCutId) && ordered.some((c) => c.id === row.parentCutId)) continue;
      const cut = await getCutById({ db: rt.db, cutId: row.id });
      if (!cut) continue;
      placed.add(row.id);
      const parent = cut.parentCutId && ordered.some((c) => c.id === cut.parentCutId) ? cut.parentCutId : null;
      cuts.push({
        ref: cut.id,
        parent,
        branch: branchName.get(cut.branchId) ?? "main",
        summary: cut.summary,
        notes: cut.notes,
        messages: messages
          .filter((m) => m.cutId === cut.id)
          .map((m) => ({ role: m.role, content: m.content, target: m.target ?? null })),
        screenplay: cut.screenplay,
        previousShots: parent ? cut.previousShots : null,
      });
    }
    if (cuts.length === before) break;
  }
  return {
    format: RECIPE_FORMAT,
    version: RECIPE_VERSION,
    title: film.title,
    logline: film.logline,
    providers: currentProviders(),
    branches: branches.map((b) => ({ name: b.name, head: b.headCutId && placed.has(b.headCutId) ? b.headCutId : null })),
    cuts,
  };
}

/** Validate a recipe (pure): a clear AuteurError("invalid_input") naming what is wrong. */
export function parseRecipe(data: unknown): Recipe {
  const result = RecipeSchema.safeParse(data);
  if (!result.success) {
    const issues = result.error.issues.slice(0, 10).map((i) => `${i.path.join(".") || "(recipe)"}: ${i.message}`);
    throw new AuteurError("invalid_input", `This is not a valid film recipe:\n${issues.join("\n")}`, { details: { issues } });
  }
  const r = result.data;
  const refs = new Set<string>();
  const branchNames = new Set(r.branches.map((b) => b.name));
  if (branchNames.size !== r.branches.length) throw new AuteurError("invalid_input", "This film recipe names a branch twice.");
  r.cuts.forEach((cut, i) => {
    if (refs.has(cut.ref)) throw new AuteurError("invalid_input", `cuts.${i}: the cut ${JSON.stringify(cut.ref)} appears twice in the recipe.`);
    if (cut.parent !== null && !refs.has(cut.parent))
      throw new AuteurError("invalid_input", `cuts.${i}: its parent ${JSON.stringify(cut.parent)} is not an earlier cut of the recipe.`);
    if (!branchNames.has(cut.branch)) throw new AuteurError("invalid_input", `cuts.${i}: its branch ${JSON.stringify(cut.branch)} is not among the recipe's branches.`);
    refs.add(cut.ref);
  });
  for (const b of r.branches)
    if (b.head !== null && !refs.has(b.head)) throw new AuteurError("invalid_input", `The head of branch ${JSON.stringify(b.name)} is not a cut of the recipe.`);
  const cuts: RecipeCut[] = r.cuts.map((cut, i) => {
    try {
      return { ...cut, screenplay: parseScreenplay(cut.screenplay) };
    } catch (err) {
      throw new AuteurError("invalid_input", `cuts.${i}: ${(err as Error).message}`);
    }
  });
  return { ...r, cuts };
}

/** Re-create a film from a recipe under new ids and start rendering every cut. */
export async function importRecipe(input: { ownerId: string; recipe: unknown }): Promise<{ filmId: string; cutIds: string[] }> {
  const recipe = parseRecipe(input.recipe);
  const rt = await getRuntime();
  const filmId = randomUUID();
  const branchIds = new Map(recipe.branches.map((b) => [b.name, randomUUID()]));
  const cutIds = new Map(recipe.cuts.map((c) => [c.ref, randomUUID()]));
  // Messages keep their order: each a millisecond after the one before.
  const base = Date.now();
  let tick = 0;
  const stamp = () => new Date(base + tick++);
  // Every cut of the recipe renders: the per-person render limits hold for all of them together.
  const byRef = new Map(recipe.cuts.map((c) => [c.ref, c.screenplay]));
  const newSeconds = recipe.cuts.reduce((n, c) => n + estimateNewSeconds(c.parent === null ? null : (byRef.get(c.parent) ?? null), c.screenplay), 0);
  await rt.db.transaction(async (tx) => {
    await holdOwnerUsage({ db: tx, ownerId: input.ownerId });
    await assertMayRender({ db: tx, ownerId: input.ownerId, count: recipe.cuts.length, newSeconds });
    await insertFilm({ db: tx, film: { id: filmId, ownerId: input.ownerId, title: recipe.title.slice(0, 500) || "Untitled", logline: recipe.logline } });
    for (const b of recipe.branches) await insertBranch({ db: tx, branch: { id: branchIds.get(b.name)!, filmId, name: b.name } });
    for (const cut of recipe.cuts) {
      const cutId = cutIds.get(cut.ref)!;
      const branchId = branchIds.get(cut.branch)!;
      let messageId: string | null = null;
      const createdAt = stamp();
      for (const m of cut.messages) {
        const id = randomUUID();
        if (m.role === "user" && !messageId) messageId = id;
        await insertMessage({ db: tx, message: { id, filmId, branchId, role: m.role, content: m.content, target: m.target ?? null, cutId, createdAt: stamp() } });
      }
      await insertCut({
        db: tx,
        cut: {
          id: cutId,
          filmId,
          branchId,
          parentCutId: cut.parent === null ? null : cutIds.get(cut.parent)!,
          messageId,
          screenplay: cut.screenplay,
          previousShots: cut.parent === null ? null : cut.previousShots,
          summary: cut.summary,
          notes: cut.notes,
          status: "rendering",
          createdAt,
        },
      });
      await insertCutShots({
        db: tx,
        rows: [...iterateShots(cut.screenplay)].map(({ scene, shot, index }) => ({ cutId, shotId: shot.id, sceneId: scene.id, position: index, status: "waiting" as const })),
      });
    }
    for (const b of recipe.branches) if (b.head !== null) await setBranchHead({ db: tx, branchId: branchIds.get(b.name)!, cutId: cutIds.get(b.head)! });
  });
  const ids = recipe.cuts.map((c) => cutIds.get(c.ref)!);
  for (const id of ids) await rt.advance(id);
  return { filmId, cutIds: ids };
}

/**
 * What a person can do with films: make one from an idea, talk to it, look at it, fetch its files.
 * Route handlers and the CLI call these; every function is scoped by owner, and another owner's ids
 * answer "not found".
 */
import { randomUUID } from "node:crypto";
import { existsSync, statSync } from "node:fs";
import {
  getCutByIdForOwner,
  getCutStateByIdForOwner,
  getFilmByIdForOwner,
  insertBranch,
  insertCut,
  insertCutShots,
  insertFilm,
  insertMessage,
  listBranchesByFilm,
  listCutShotsByCut,
  listCutsByFilm,
  listFilmsByOwner,
  listMessagesByFilm,
  lockBranchById,
  setBranchHead,
  getCutById,
  getMessageByRequestId,
  deleteBranchById,
  listAssetMetaByKeys,
} from "../../db/queries";
import type { Cut, CutShot } from "../../db/schema";
import { assetFile, hasAsset, POSTER_FILE } from "../assets/store";
import { AuteurError } from "../errors";
import { getRuntime } from "../runtime";
import { iterateShots } from "../screenplay/validate";
import { parseScreenplay } from "../screenplay/validate";
import type { Screenplay } from "../screenplay/schema";
import { checkIdea, checkMessage, type Revision } from "../writer";
import { getWriter } from "../writer/llm/select-writer";
import type { ScreenplayDraft } from "../writer/llm/screenplay-draft";
import { configuredPricing, planProviders } from "../providers/select";
import { cutCostView, shotProviderFields } from "./provider-view";
import { ensureStem, type StemName } from "./stems";
import { assertMayRender, assertMaySendMessage, holdOwnerUsage } from "./enforce-limits";
import { announceFilmChange } from "./film-changes";
import { estimateNewSeconds } from "./limits";
import { previousShotsOf } from "./previous-shots";
import type { CutView, FilmSummary, FilmView, ShotView } from "./views";

export type Target = { kind: "shot" | "scene" | "line" | "act"; id: string };

const newId = () => randomUUID();
/** A reply is stamped a millisecond after the message it answers, so the chat reads in order. */
const later = () => new Date(Date.now() + 1);

function shotRows(cutId: string, sp: Screenplay) {
  return [...iterateShots(sp)].map(({ scene, shot, index }) => ({ cutId, shotId: shot.id, sceneId: scene.id, position: index, status: "waiting" as const }));
}

export async function createFilm(input: {
  ownerId: string;
  idea: string;
  /** The screenplay as it grows, while a model writes it (title, characters, then scenes and shots). */
  onPartial?: (draft: ScreenplayDraft) => void;
  signal?: AbortSignal;
}): Promise<{ filmId: string; cutId: string }> {
  const idea = checkIdea(input.idea);
  const rt = await getRuntime();
  // Refuse before the writer works when a limit is already reached; nothing is written then.
  await assertMaySendMessage({ db: rt.db, ownerId: input.ownerId });
  await assertMayRender({ db: rt.db, ownerId: input.ownerId });
  const { screenplay: written, notes } = await getWriter().write(idea, { onPartial: input.onPartial, signal: input.signal });
  const screenplay = parseScreenplay(written);
  const filmId = newId();
  const branchId = newId();
  const cutId = newId();
  const messageId = newId();
  const summary = `Wrote "${screenplay.title}": ${screenplay.logline}`;
  await rt.db.transaction(async (tx) => {
    await holdOwnerUsage({ db: tx, ownerId: input.ownerId });
    await assertMaySendMessage({ db: tx, ownerId: input.ownerId });
    await assertMayRender({ db: tx, ownerId: input.ownerId, newSeconds: estimateNewSeconds(null, screenplay) });
    await insertFilm({ db: tx, film: { id: filmId, ownerId: input.ownerId, title: screenplay.title, logline: screenplay.logline } });
    await insertBranch({ db: tx, branch: { id: branchId, filmId, name: "main" } });
    await insertMessage({ db: tx, message: { id: messageId, filmId, branchId, role: "user", content: idea, cutId } });
    await insertCut({ db: tx, cut: { id: cutId, filmId, branchId, parentCutId: null, messageId, screenplay, summary, notes, status: "rendering" } });
    await insertMessage({ db: tx, message: { id: newId(), filmId, branchId, role: "assistant", content: [summary, ...notes].join("\n"), cutId, createdAt: later() } });
    await insertCutShots({ db: tx, rows: shotRows(cutId, screenplay) });
    await setBranchHead({ db: tx, branchId, cutId });
  });
  await rt.advance(cutId);
  return { filmId, cutId };
}

/** "Try an alternate ending", "a remix of the ending": keep the current version and branch off it. */
export function asksForAlternate(message: string): boolean {
  return /\b(alternate|alternative|another|different)\s+(ending|version|cut|take on)\b|\bremix\b|\bbranch\b/i.test(message);
}

export async function sendMessage(input: {
  ownerId: string;
  filmId: string;
  message: string;
  target?: Target;
  branchId?: string;
  /** The client's id for this request: sending it again (a double click, a retry) makes no second cut. */
  requestId?: string;
  /** Make the edit without the writer (an upload, a button): the message is then what the chat shows. */
  revise?: (head: Screenplay) => Revision | Promise<Revision>;
}): Promise<{ cutId: string | null; summary: string; branchId: string }> {
  const message = checkMessage(input.message);
  const rt = await getRuntime();
  const film = await getFilmByIdForOwner({ db: rt.db, filmId: input.filmId, ownerId: input.ownerId });
  if (!film) throw new AuteurError("not_found", "No such film.");
  const branches = await listBranchesByFilm({ db: rt.db, filmId: film.id });
  let branch = input.branchId ? branches.find((b) => b.id === input.branchId) : branches.find((b) => b.name === "main");
  if (!branch) throw new AuteurError("not_found", "No such branch.");
  // Limits first: a refused message leaves no message, no branch, no cut and no job behind.
  await assertMaySendMessage({ db: rt.db, ownerId: input.ownerId });
  await assertMayRender({ db: rt.db, ownerId: input.ownerId, filmId: film.id });
  let madeBranchId: string | undefined;
  if (!input.branchId && asksForAlternate(message)) {
    const { createBranch } = await import("./versions");
    const made = await createBranch({ ownerId: input.ownerId, filmId: film.id, fromCutId: branch.headCutId ?? undefined, name: "alternate" });
    branch = { ...branch, id: made.branchId, name: made.name, headCutId: made.cutId };
    madeBranchId = made.branchId;
  }
  try {
    return await applyMessage({ rt, film, branch, message, input });
  } catch (err) {
    // The branch made for this message goes with it when the message is refused.
    if (madeBranchId) await deleteBranchById({ db: rt.db, branchId: madeBranchId }).catch(() => {});
    throw err;
  }
}

async function applyMessage({
  rt,
  film,
  branch,
  message,
  input,
}: {
  rt: Awaited<ReturnType<typeof getRuntime>>;
  film: { id: string };
  branch: { id: string };
  message: string;
  input: Parameters<typeof sendMessage>[0];
}): Promise<{ cutId: string | null; summary: string; branchId: string }> {
  const target = branch;
  const writer = getWriter();
  // The writer (possibly a model taking a while) works on the head as it was read; the branch is then
  // locked and, if another edit landed meanwhile, the message is applied again on top of it, so
  // concurrent edits apply in order and none is lost.
  const requestId = input.requestId?.slice(0, 100);
  const replay = async () => {
    if (!requestId) return null;
    const prior = await getMessageByRequestId({ db: rt.db, filmId: film.id, requestId });
    if (!prior) return null;
    return { cutId: prior.cutId, summary: "Already received; nothing more to do.", branchId: prior.branchId ?? target.id };
  };
  for (let attempt = 0; attempt < 3; attempt++) {
    const replayed = await replay();
    if (replayed) return replayed;
    const headId = (await listBranchesByFilm({ db: rt.db, filmId: film.id })).find((b) => b.id === target.id)?.headCutId;
    const head = headId ? await getCutById({ db: rt.db, cutId: headId }) : undefined;
    if (!head) throw new AuteurError("conflict", "This branch has no cut to edit yet.");
    const revision = input.revise ? await input.revise(head.screenplay) : await writer.revise(head.screenplay, message, input.target);
    // The shots that stay timed as they were keep their lengths (and renders) in the new cut.
    const previousShots = await previousShotsOf(rt.db, head, planProviders().speech);
    const cutId = newId();
    const result = await rt.db
      .transaction(async (tx) => {
      await holdOwnerUsage({ db: tx, ownerId: input.ownerId });
      const locked = await lockBranchById({ db: tx, branchId: target.id });
      if (locked?.headCutId !== head.id) return "moved" as const;
      await assertMaySendMessage({ db: tx, ownerId: input.ownerId });
      const userMessageId = newId();
      if (revision.ops.length === 0) {
        await insertMessage({ db: tx, message: { id: userMessageId, filmId: film.id, branchId: target.id, role: "user", content: message, target: input.target ?? null, cutId: head.id, requestId } });
        await insertMessage({ db: tx, message: { id: newId(), filmId: film.id, branchId: target.id, role: "assistant", content: revision.summary, cutId: head.id, createdAt: later() } });
        return { cutId: null, summary: revision.summary, branchId: target.id };
      }
      const screenplay = parseScreenplay(revision.screenplay);
      await assertMayRender({ db: tx, ownerId: input.ownerId, filmId: film.id, newSeconds: estimateNewSeconds(head.screenplay, screenplay) });
      await insertMessage({ db: tx, message: { id: userMessageId, filmId: film.id, branchId: target.id, role: "user", content: message, target: input.target ?? null, cutId, requestId } });
      await insertCut({
        db: tx,
        cut: { id: cutId, filmId: film.id, branchId: target.id, parentCutId: head.id, messageId: userMessageId, screenplay, previousShots, summary: revision.summary, notes: revision.notes, status: "rendering" },
      });
      await insertMessage({ db: tx, message: { id: newId(), filmId: film.id, branchId: target.id, role: "assistant", content: [revision.summary, ...revision.notes].join("\n"), cutId, createdAt: later() } });
      await insertCutShots({ db: tx, rows: shotRows(cutId, screenplay) });
      await setBranchHead({ db: tx, branchId: target.id, cutId });
      return { cutId, summary: revision.summary, branchId: target.id };
    })
      // The same request id landed meanwhile (a double click): answer with what it made.
      .catch(async (err) => {
        const replayed = await replay();
        if (replayed) return replayed;
        throw err;
      });
    if (result === "moved") continue;
    // The chat grew (and maybe the branch moved) even when no cut was made.
    await announceFilmChange(rt.db, film.id);
    if (result.cutId) await rt.advance(result.cutId);
    return result;
  }
  throw new AuteurError("conflict", "The film kept changing while this message was applied; please send it again.");
}

function shotView(cut: Cut, row: CutShot, meta: Record<string, unknown> | undefined): ShotView {
  const view: ShotView = { shotId: row.shotId, sceneId: row.sceneId, index: row.position, status: row.status, ...shotProviderFields(meta) };
  if (row.frames) view.durationSec = row.frames / 24;
  if (row.error) view.error = row.error;
  if (row.reused !== null) view.reused = row.reused;
  if (row.renderKey && hasAsset(row.renderKey)) view.posterUrl = `/api/cuts/${cut.id}/shots/${encodeURIComponent(row.shotId)}/poster.jpg`;
  return view;
}

async function cutView(cut: Cut, message: string): Promise<CutView> {
  const rt = await getRuntime();
  const rows = await listCutShotsByCut({ db: rt.db, cutId: cut.id });
  const metas = await listAssetMetaByKeys({ db: rt.db, keys: rows.flatMap((r) => (r.renderKey ? [r.renderKey] : [])) });
  const shots = rows.map((r) => shotView(cut, r, r.renderKey ? metas.get(r.renderKey) : undefined));
  const finished = shots.filter((s) => s.status === "done" || s.status === "failed").length;
  const progress = cut.status === "complete" ? 1 : shots.length ? (0.95 * finished) / shots.length : 0;
  const view: CutView = {
    id: cut.id,
    filmId: cut.filmId,
    branchId: cut.branchId,
    parentCutId: cut.parentCutId,
    status: cut.status,
    createdAt: cut.createdAt.toISOString(),
    message,
    summary: cut.summary,
    notes: cut.notes,
    shots,
    shotsRendered: cut.status === "complete" ? cut.shotsRendered : rows.filter((r) => r.reused === false).length,
    shotsReused: cut.status === "complete" ? cut.shotsReused : rows.filter((r) => r.reused === true).length,
    shotsFailed: shots.filter((s) => s.status === "failed").length,
    progress: Math.round(progress * 1000) / 1000,
  };
  if (cut.durationSeconds !== null) view.durationSeconds = cut.durationSeconds;
  if (cut.error) view.error = cut.error;
  const cost = cutCostView(cut.screenplay, rows, metas, configuredPricing());
  if (cost) view.cost = cost;
  if (cut.status === "complete" && cut.filmKey)
    view.outputs = { film: `/api/cuts/${cut.id}/film.mp4`, subtitles: `/api/cuts/${cut.id}/film.srt`, vtt: `/api/cuts/${cut.id}/film.vtt` };
  return view;
}

export async function getFilm(input: { ownerId: string; filmId: string; cutId?: string; branchId?: string }): Promise<FilmView> {
  const rt = await getRuntime();
  const film = await getFilmByIdForOwner({ db: rt.db, filmId: input.filmId, ownerId: input.ownerId });
  if (!film) throw new AuteurError("not_found", "No such film.");
  const [branches, cuts, messages] = await Promise.all([
    listBranchesByFilm({ db: rt.db, filmId: film.id }),
    listCutsByFilm({ db: rt.db, filmId: film.id }),
    listMessagesByFilm({ db: rt.db, filmId: film.id }),
  ]);
  const messageText = new Map(messages.map((m) => [m.id, m.content]));
  const headId = input.cutId ?? (input.branchId ? branches.find((b) => b.id === input.branchId) : branches.find((b) => b.name === "main"))?.headCutId;
  const head = headId ? await getCutByIdForOwner({ db: rt.db, cutId: headId, ownerId: input.ownerId }) : undefined;
  if (!head || head.filmId !== film.id) throw new AuteurError("not_found", "No such cut.");
  return {
    id: film.id,
    title: film.title,
    logline: film.logline,
    createdAt: film.createdAt.toISOString(),
    branches: branches.map((b) => ({ id: b.id, name: b.name, headCutId: b.headCutId })),
    cuts: cuts.map((c) => ({ id: c.id, parentCutId: c.parentCutId, branchId: c.branchId, status: c.status, createdAt: c.createdAt.toISOString(), message: messageText.get(c.messageId ?? "") ?? "" })),
    messages: messages.map((m) => ({ id: m.id, role: m.role, content: m.content, cutId: m.cutId, createdAt: m.createdAt.toISOString() })),
    head: { ...(await cutView(head, messageText.get(head.messageId ?? "") ?? "")), screenplay: head.screenplay },
  };
}

export async function getCut(input: { ownerId: string; cutId: string }): Promise<CutView> {
  const rt = await getRuntime();
  const cut = await getCutByIdForOwner({ db: rt.db, cutId: input.cutId, ownerId: input.ownerId });
  if (!cut) throw new AuteurError("not_found", "No such cut.");
  return cutView(cut, "");
}

export async function listFilms(input: { ownerId: string }): Promise<FilmSummary[]> {
  const rt = await getRuntime();
  const rows = await listFilmsByOwner({ db: rt.db, ownerId: input.ownerId });
  return rows.map((r) => ({ id: r.id, title: r.title, createdAt: r.createdAt.toISOString(), status: r.status ?? "writing" }));
}

const CUT_FILES = {
  "film.mp4": "video/mp4",
  "film.vtt": "text/vtt; charset=utf-8",
  "film.srt": "application/x-subrip; charset=utf-8",
  "dialogue.wav": "audio/wav",
  "music.wav": "audio/wav",
  "effects.wav": "audio/wav",
} as const;
export type CutFileName = keyof typeof CUT_FILES;

export function isCutFileName(name: string): name is CutFileName {
  return Object.hasOwn(CUT_FILES, name);
}

export async function getCutFile(input: { ownerId: string; cutId: string; name: CutFileName }): Promise<{ path: string; contentType: string; size: number }> {
  if (!isCutFileName(input.name)) throw new AuteurError("not_found", "No such file.");
  const rt = await getRuntime();
  const cut = await getCutByIdForOwner({ db: rt.db, cutId: input.cutId, ownerId: input.ownerId });
  if (!cut) throw new AuteurError("not_found", "No such cut.");
  if (!cut.filmKey || !hasAsset(cut.filmKey)) throw new AuteurError("not_found", "This cut is not finished yet.");
  const stem = input.name.endsWith(".wav") ? (input.name.slice(0, -4) as StemName) : undefined;
  const file = stem ? await ensureStem(cut.filmKey, stem) : assetFile(cut.filmKey, input.name);
  return { path: file, contentType: CUT_FILES[input.name], size: statSync(file).size };
}

export async function getShotPoster(input: { ownerId: string; cutId: string; shotId: string }): Promise<{ path: string; contentType: string; size: number } | null> {
  const rt = await getRuntime();
  const cut = await getCutByIdForOwner({ db: rt.db, cutId: input.cutId, ownerId: input.ownerId });
  if (!cut) throw new AuteurError("not_found", "No such cut.");
  const row = (await listCutShotsByCut({ db: rt.db, cutId: cut.id })).find((r) => r.shotId === input.shotId);
  if (!row) throw new AuteurError("not_found", "No such shot.");
  if (!row.renderKey || !hasAsset(row.renderKey)) return null;
  const file = assetFile(row.renderKey, POSTER_FILE);
  if (existsSync(file)) return { path: file, contentType: "image/jpeg", size: statSync(file).size };
  // Renders made before posters were JPEG (a provider's clip, kept across versions) have a PNG.
  const png = assetFile(row.renderKey, "poster.png");
  if (existsSync(png)) return { path: png, contentType: "image/png", size: statSync(png).size };
  return null;
}

/** How often a waiter with a progress callback reads the whole cut view. */
const PROGRESS_EVERY_MS = 500;

/**
 * Wait until a cut is complete or failed, reporting progress (CLI, tests). Each look reads the cut's
 * state alone (one small query); the whole view (every shot, its asset's meta) is read for progress at
 * most every PROGRESS_EVERY_MS and once at the end, so a waiter does not take CPU from the render.
 */
export async function waitForCut(input: { ownerId: string; cutId: string; onProgress?: (view: CutView) => void; timeoutMs?: number; intervalMs?: number }): Promise<CutView> {
  const rt = await getRuntime();
  const deadline = Date.now() + (input.timeoutMs ?? 6 * 60 * 60 * 1000);
  let viewedAt = -Infinity;
  for (;;) {
    const state = await getCutStateByIdForOwner({ db: rt.db, cutId: input.cutId, ownerId: input.ownerId });
    if (!state) throw new AuteurError("not_found", "No such cut.");
    const settled = state.status === "complete" || state.status === "failed";
    const late = Date.now() > deadline;
    if (settled || late || (input.onProgress && Date.now() - viewedAt >= PROGRESS_EVERY_MS)) {
      const view = await getCut({ ownerId: input.ownerId, cutId: input.cutId });
      viewedAt = Date.now();
      input.onProgress?.(view);
      if (view.status === "complete" || view.status === "failed") return view;
      if (late) throw new AuteurError("timeout", `The cut did not finish in time (${Math.round(view.progress * 100)}% done).`);
    }
    await new Promise((r) => setTimeout(r, input.intervalMs ?? 250));
  }
}

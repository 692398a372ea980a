/**
 * The page's only way to the server: JSON over fetch. A non-2xx answer becomes an ApiError carrying the
 * API's `{ error: { code, message } }`, so the page can show the message as it is.
 */
import type { SharedFilmView, ShareView } from "../../lib/film/share";
import type { FilmSummary, FilmView } from "../../lib/film/views";
import type { CutDiff } from "../../lib/screenplay/diff-cuts";
import type { ScreenplayDraft } from "../../lib/writer/llm/screenplay-draft";
import { takeNdjsonLines } from "./ndjson-lines";

export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  constructor(code: string, message: string, status: number) {
    super(message);
    this.name = "ApiError";
    this.code = code;
    this.status = status;
  }
}

export type EditTarget = { kind: "shot" | "scene" | "line" | "act"; id: string };

async function call<T>(url: string, init?: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, { cache: "no-store", ...init, headers: { "Content-Type": "application/json", ...init?.headers } });
  } catch {
    throw new ApiError("network", "Cannot reach the Auteur server. Is it running?", 0);
  }
  const text = await response.text();
  let body: unknown = undefined;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  if (!response.ok) {
    const error = (body as { error?: { code?: string; message?: string } } | undefined)?.error;
    throw new ApiError(error?.code ?? "http_" + response.status, error?.message ?? `The server answered ${response.status}.`, response.status);
  }
  return body as T;
}

export function createFilm(idea: string): Promise<{ filmId: string; cutId: string }> {
  return call("/api/films", { method: "POST", body: JSON.stringify({ idea }) });
}

/**
 * Makes a film and reports the screenplay as it is written (`onDraft`), through the streamed
 * (NDJSON) answer; ends with the new film's ids or throws the API's error.
 */
export async function createFilmStreaming(idea: string, onDraft: (draft: ScreenplayDraft) => void): Promise<{ filmId: string; cutId: string }> {
  let response: Response;
  try {
    response = await fetch("/api/films", { method: "POST", cache: "no-store", body: JSON.stringify({ idea }), headers: { "Content-Type": "application/json", Accept: "application/x-ndjson" } });
  } catch {
    throw new ApiError("network", "Cannot reach the Auteur server. Is it running?", 0);
  }
  if (!response.ok || !response.body || !(response.headers.get("content-type") ?? "").includes("ndjson")) {
    const body = (await response.json().catch(() => undefined)) as { error?: { code?: string; message?: string }; filmId?: string; cutId?: string } | undefined;
    if (response.ok && body?.filmId && body.cutId) return { filmId: body.filmId, cutId: body.cutId };
    throw new ApiError(body?.error?.code ?? "http_" + response.status, body?.error?.message ?? `The server answered ${response.status}.`, response.status);
  }
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (value) buffer += value;
    const { values, rest } = takeNdjsonLines(done ? buffer + "\n" : buffer);
    buffer = rest;
    for (const item of values as { type: string; draft?: ScreenplayDraft; filmId?: string; cutId?: string; error?: { code: string; message: string } }[]) {
      if (item.type === "draft" && item.draft) onDraft(item.draft);
      else if (item.type === "done" && item.filmId && item.cutId) return { filmId: item.filmId, cutId: item.cutId };
      else if (item.type === "error") throw new ApiError(item.error?.code ?? "internal", item.error?.message ?? "The film could not be made.", 500);
    }
    if (done) throw new ApiError("network", "The connection closed before the film was made.", 0);
  }
}

export function sendMessage(
  filmId: string,
  message: string,
  options: { target?: EditTarget; requestId?: string; branchId?: string | null } = {},
): Promise<{ cutId: string | null; summary: string; branchId: string }> {
  const body: Record<string, unknown> = { message };
  if (options.target) body.target = options.target;
  if (options.requestId) body.requestId = options.requestId;
  if (options.branchId) body.branchId = options.branchId;
  return call(`/api/films/${encodeURIComponent(filmId)}/messages`, { method: "POST", body: JSON.stringify(body) });
}

/** Lock a character to the person's own picture (PNG, JPEG or WebP); makes a new cut. */
export function uploadReference(filmId: string, characterId: string, picture: Blob, branchId?: string | null): Promise<{ cutId: string | null; summary: string; branchId: string }> {
  const query = branchId ? `?branchId=${encodeURIComponent(branchId)}` : "";
  return call(`/api/films/${encodeURIComponent(filmId)}/characters/${encodeURIComponent(characterId)}/reference${query}`, {
    method: "POST",
    body: picture,
    headers: { "Content-Type": picture.type || "application/octet-stream", "Idempotency-Key": crypto.randomUUID() },
  });
}

export function getFilm(filmId: string, cutId?: string | null, branchId?: string | null): Promise<FilmView> {
  return call(`/api/films/${encodeURIComponent(filmId)}${filmQuery(cutId, branchId)}`);
}

export function filmQuery(cutId?: string | null, branchId?: string | null): string {
  const params = new URLSearchParams();
  if (cutId) params.set("cutId", cutId);
  if (branchId) params.set("branchId", branchId);
  const text = params.toString();
  return text ? `?${text}` : "";
}

export function filmEventsUrl(filmId: string, cutId?: string | null, branchId?: string | null): string {
  return `/api/films/${encodeURIComponent(filmId)}/events${filmQuery(cutId, branchId)}`;
}

const filmPath = (filmId: string) => `/api/films/${encodeURIComponent(filmId)}`;

export function undoCut(filmId: string, branchId?: string | null): Promise<{ branchId: string; cutId: string }> {
  return call(`${filmPath(filmId)}/undo`, { method: "POST", body: JSON.stringify(branchId ? { branchId } : {}) });
}

export function checkoutCut(filmId: string, cutId: string, branchId?: string | null): Promise<{ branchId: string; cutId: string }> {
  return call(`${filmPath(filmId)}/checkout`, { method: "POST", body: JSON.stringify(branchId ? { cutId, branchId } : { cutId }) });
}

export function createBranch(filmId: string, fromCutId: string, name?: string): Promise<{ branchId: string; name: string; cutId: string }> {
  return call(`${filmPath(filmId)}/branches`, { method: "POST", body: JSON.stringify(name ? { fromCutId, name } : { fromCutId }) });
}

export function deleteBranch(filmId: string, branchId: string): Promise<unknown> {
  return call(`${filmPath(filmId)}/branches/${encodeURIComponent(branchId)}`, { method: "DELETE" });
}

export function deleteFilm(filmId: string): Promise<unknown> {
  return call(filmPath(filmId), { method: "DELETE" });
}

export function compareCuts(filmId: string, a: string, b: string): Promise<CutDiff> {
  return call(`${filmPath(filmId)}/compare?a=${encodeURIComponent(a)}&b=${encodeURIComponent(b)}`);
}

export function createShare(filmId: string, cutId: string): Promise<ShareView> {
  return call(`${filmPath(filmId)}/shares`, { method: "POST", body: JSON.stringify({ cutId }) });
}

export async function listShares(filmId: string): Promise<ShareView[]> {
  return (await call<{ shares: ShareView[] }>(`${filmPath(filmId)}/shares`)).shares;
}

export function revokeShare(filmId: string, shareId: string): Promise<ShareView> {
  return call(`${filmPath(filmId)}/shares/${encodeURIComponent(shareId)}`, { method: "DELETE" });
}

export function getSharedFilm(token: string): Promise<SharedFilmView> {
  return call(`/api/s/${encodeURIComponent(token)}`);
}

export function playlistUrl(cutId: string): string {
  return `/api/cuts/${encodeURIComponent(cutId)}/playlist.m3u8`;
}

export async function listFilms(): Promise<FilmSummary[]> {
  const { films } = await call<{ films: FilmSummary[] }>("/api/films");
  return films;
}

export function filmUrl(cutId: string): string {
  return `/api/cuts/${encodeURIComponent(cutId)}/film.mp4`;
}

export function subtitlesUrl(cutId: string): string {
  return `/api/cuts/${encodeURIComponent(cutId)}/film.vtt`;
}

export function posterUrl(cutId: string, shotId: string): string {
  return `/api/cuts/${encodeURIComponent(cutId)}/shots/${encodeURIComponent(shotId)}/poster.jpg`;
}

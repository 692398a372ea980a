/**
 * What the app, the API and the CLI show of a film: plain JSON views, made by lib/film from the
 * database. Route handlers return these as they are.
 */
import type { Screenplay } from "../screenplay/schema";

export type CutStatus = "writing" | "rendering" | "complete" | "failed";
export type ShotStatus = "waiting" | "queued" | "rendering" | "done" | "failed";

export interface ShotView {
  shotId: string;
  sceneId: string;
  index: number;
  status: ShotStatus;
  /** Seconds (known once its lines are spoken). */
  durationSec?: number;
  /** Why it failed, in words. */
  error?: string;
  /** Rendered for this cut (false: reused from an earlier cut). */
  reused?: boolean;
  /** URL of a poster frame, once the shot exists. */
  posterUrl?: string;
  /** The generator that made the picture (absent for the built-in renderer). */
  provider?: string;
  /** What the picture cost, USD (paid providers only). */
  costUsd?: number;
  /** The continuity check: how close the characters came to their references (1 = identical). */
  continuity?: { score: number; threshold: number; retakes: number; passed: boolean };
}

/** What a cut costs with the configured paid providers (absent on the free, offline path). */
export interface CutCostView {
  /** Every shot of the cut, one take each. */
  estimateUsd: number;
  /** The worst case, every continuity retake spent. */
  maxUsd: number;
  /** What the shots not yet made would still cost. */
  remainingUsd: number;
  /** What this cut's own renders have cost so far. */
  spentUsd: number;
}

export interface CutView {
  id: string;
  filmId: string;
  branchId: string;
  parentCutId: string | null;
  status: CutStatus;
  createdAt: string;
  /** The message that made this cut. */
  message: string;
  summary: string;
  notes: string[];
  durationSeconds?: number;
  shots: ShotView[];
  shotsRendered: number;
  shotsReused: number;
  shotsFailed: number;
  /** 0..1 */
  progress: number;
  error?: string;
  outputs?: { film: string; subtitles: string; vtt: string };
  cost?: CutCostView;
}

export interface MessageView {
  id: string;
  role: "user" | "assistant";
  content: string;
  cutId: string | null;
  createdAt: string;
}

export interface FilmView {
  id: string;
  title: string;
  logline: string;
  createdAt: string;
  branches: { id: string; name: string; headCutId: string | null }[];
  cuts: { id: string; parentCutId: string | null; branchId: string; status: CutStatus; createdAt: string; message: string }[];
  messages: MessageView[];
  /** The head cut of the current branch, with its screenplay. */
  head: CutView & { screenplay: Screenplay };
}

export interface FilmSummary {
  id: string;
  title: string;
  createdAt: string;
  status: CutStatus;
}

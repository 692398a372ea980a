/**
 * What the page shows while the LLM writes: the screenplay growing level by level (title and characters,
 * then acts, then scenes, then shots and lines). Field names follow the Screenplay; everything may be
 * missing until written.
 */
export type WritingLevel = "premise" | "outline" | "scenes" | "shots" | "done";

export interface DraftLine {
  speaker?: string;
  text?: string;
}
export interface DraftShot {
  framing?: string;
  action?: string;
  lines: DraftLine[];
}
export interface DraftScene {
  heading?: string;
  summary?: string;
  mood?: string;
  shots: DraftShot[];
}
export interface DraftAct {
  title?: string;
  summary?: string;
  scenes: DraftScene[];
}
export interface ScreenplayDraft {
  level: WritingLevel;
  title?: string;
  logline?: string;
  characters: { name?: string; role?: string; description?: string }[];
  acts: DraftAct[];
  /** Model calls finished and planned so far. */
  calls: { done: number; planned: number };
}

const str = (v: unknown) => (typeof v === "string" ? v : undefined);
const arr = (v: unknown): any[] => (Array.isArray(v) ? v.filter((x) => x && typeof x === "object") : []);

export function draftShotsFrom(partial: unknown): DraftShot[] {
  return arr((partial as any)?.shots).map((s) => ({
    framing: str(s.framing),
    action: str(s.action),
    lines: arr(s.lines).map((l) => ({ speaker: str(l.speaker), text: str(l.text) })),
  }));
}

export function draftScenesFrom(partial: unknown): DraftScene[] {
  return arr((partial as any)?.scenes).map((s) => ({ heading: str(s.heading), summary: str(s.summary), mood: str(s.mood), shots: [] }));
}

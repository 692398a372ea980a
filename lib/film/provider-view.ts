/**
 * What the page shows of paid and neural generators: each shot's provider, cost and continuity score
 * (read from its render's stored meta), and the cut's cost estimate against what it has spent. Pure.
 */
import { estimateCutCost, type CutPricing } from "../providers/cost";
import type { Screenplay } from "../screenplay/schema";
import type { CutCostView, ShotView } from "./views";

type Meta = Record<string, unknown>;

const num = (v: unknown): number | undefined => (typeof v === "number" && Number.isFinite(v) ? v : undefined);
const usd = (x: number) => Math.round(x * 10_000) / 10_000;

/** The provider fields of a shot's view, from its render meta (nothing for the built-in renderer). */
export function shotProviderFields(meta: Meta | undefined): Pick<ShotView, "provider" | "costUsd" | "continuity"> {
  if (!meta || typeof meta.provider !== "string") return {};
  const out: Pick<ShotView, "provider" | "costUsd" | "continuity"> = { provider: meta.provider };
  const cost = num(meta.costUsd);
  if (cost !== undefined && cost > 0) out.costUsd = cost;
  const c = meta.continuity as Meta | undefined;
  const score = num(c?.score);
  const threshold = num(c?.threshold);
  if (c && score !== undefined && threshold !== undefined)
    out.continuity = { score: Math.round(score * 1000) / 1000, threshold, retakes: num(c.retakes) ?? 0, passed: c.passed === true };
  return out;
}

export interface CostRow {
  shotId: string;
  status: ShotView["status"];
  reused: boolean | null;
  renderKey: string | null;
}

/**
 * The cut's cost with these prices: the whole cut at one take a shot (and at every retake), what the
 * unfinished shots would still cost, and what this cut's own renders cost. Undefined when nothing is paid.
 */
export function cutCostView(sp: Screenplay, rows: CostRow[], metas: ReadonlyMap<string, Meta>, pricing: CutPricing): CutCostView | undefined {
  const full = estimateCutCost(sp, null, pricing);
  if (full.maxUsd <= 0) return undefined;
  const finished = new Set(rows.filter((r) => r.status === "done" || r.status === "failed").map((r) => r.shotId));
  const shotOfLine = new Map<string, string>();
  for (const act of sp.acts) for (const scene of act.scenes) for (const shot of scene.shots) for (const line of shot.lines) shotOfLine.set(line.id, shot.id);
  // Reference sheets are made before the first shot.
  const sheetsMade = finished.size > 0;
  const remaining = full.lines.reduce((t, l) => {
    const done = l.kind === "image" ? sheetsMade : finished.has(l.kind === "video" ? l.id : shotOfLine.get(l.id) ?? "");
    return done ? t : t + l.usd;
  }, 0);
  const spent = rows.reduce((t, r) => (r.reused === false && r.renderKey ? t + (num(metas.get(r.renderKey)?.costUsd) ?? 0) : t), 0);
  return { estimateUsd: full.usd, maxUsd: full.maxUsd, remainingUsd: usd(remaining), spentUsd: usd(spent) };
}

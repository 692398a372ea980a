/**
 * Cost: every provider declares its price; a cut's estimate adds up what its missing work would cost
 * (video seconds, reference sheets, spoken characters), and the budget check refuses new paid work
 * past the person's limit with a clear message. Pure.
 */
import { AuteurError } from "../errors";
import { estimateSpeechSeconds, type RenderPlan } from "../plan/plan-cut";
import { FILM_FORMAT } from "../plan/specs";
import type { Screenplay } from "../screenplay/schema";
import type { ProviderPrice } from "./video/types";

export interface CutPricing {
  /** The video provider's name (shots planned with another provider cost nothing here) and price. */
  video: { name: string; price: ProviderPrice; maxSeconds?: number };
  /** Reference sheets made by an image model (absent: none are made). */
  image?: { price: ProviderPrice };
  /** A paid speech provider (absent: the offline voices). */
  speech?: { price: ProviderPrice };
  /** Continuity retakes allowed per shot (the worst case pays them all). */
  retakes?: number;
}

export interface CostLine {
  kind: "video" | "image" | "speech";
  id: string;
  units: number;
  usd: number;
}

export interface CostEstimate {
  /** Expected cost: one take per shot. */
  usd: number;
  /** Worst case: every continuity retake spent. */
  maxUsd: number;
  videoSeconds: number;
  images: number;
  speechChars: number;
  lines: CostLine[];
}

const cents = (x: number) => Math.round(x * 10_000) / 10_000;

/** Seconds a provider bills for a shot: whole seconds, capped at its longest clip. */
export function billedSeconds(shotSeconds: number, maxSeconds?: number): number {
  const s = Math.ceil(shotSeconds - 1e-9);
  return Math.max(1, maxSeconds ? Math.min(s, Math.ceil(maxSeconds)) : s);
}

/**
 * What rendering the cut would cost. Shots of planned scenes use their planned length; scenes still
 * waiting for speech use the screenplay's lengths (lengthened for their lines). `exists` leaves out
 * work already done (content keys found in the store).
 */
export function estimateCutCost(sp: Screenplay, plan: RenderPlan | null, pricing: CutPricing, exists: (key: string) => boolean = () => false): CostEstimate {
  const lines: CostLine[] = [];
  const perSecond = pricing.video.price.perVideoSecond ?? 0;
  const planned = new Map<string, { frames: number; key: string; provider: string; placeholder: boolean }>();
  for (const scene of plan?.scenes ?? []) for (const shot of scene?.shots ?? []) planned.set(shot.shotId, { frames: shot.frames, key: shot.render.key, provider: shot.render.provider.name, placeholder: !!shot.render.placeholder });

  let videoSeconds = 0;
  for (const act of sp.acts)
    for (const scene of act.scenes)
      for (const shot of scene.shots) {
        const p = planned.get(shot.id);
        if (p && (exists(p.key) || p.placeholder || p.provider !== pricing.video.name)) continue;
        const seconds = p ? p.frames / FILM_FORMAT.fps : Math.max(shot.duration, shot.lines.reduce((t, l) => t + estimateSpeechSeconds(l.text) + 0.4, 0.9));
        const billed = billedSeconds(seconds, pricing.video.maxSeconds);
        videoSeconds += billed;
        if (perSecond) lines.push({ kind: "video", id: shot.id, units: billed, usd: cents(billed * perSecond) });
      }

  let images = 0;
  if (pricing.image)
    for (const c of sp.characters)
      if (!c.identity.referenceImage) {
        images++;
        const usd = pricing.image.price.perImage ?? 0;
        if (usd) lines.push({ kind: "image", id: c.id, units: 1, usd: cents(usd) });
      }

  let speechChars = 0;
  if (pricing.speech) {
    const doneVoices = new Set((plan?.voices ?? []).filter((v) => exists(v.key)).map((v) => v.lineId));
    for (const act of sp.acts)
      for (const scene of act.scenes)
        for (const shot of scene.shots)
          for (const line of shot.lines) {
            if (doneVoices.has(line.id)) continue;
            speechChars += line.text.length;
            const usd = ((pricing.speech.price.perThousandChars ?? 0) * line.text.length) / 1000;
            if (usd) lines.push({ kind: "speech", id: line.id, units: line.text.length, usd: cents(usd) });
          }
  }

  const usd = cents(lines.reduce((t, l) => t + l.usd, 0));
  const videoUsd = lines.filter((l) => l.kind === "video").reduce((t, l) => t + l.usd, 0);
  return { usd, maxUsd: cents(usd + videoUsd * (pricing.retakes ?? 0)), videoSeconds, images, speechChars, lines };
}

export interface BudgetState {
  /** The person's limit, USD (undefined: no limit). */
  budgetUsd?: number;
  /** What their work has cost so far. */
  spentUsd: number;
}

const dollars = (x: number) => `$${x.toFixed(2)}`;

/** Refuse new paid work that would go past the budget (free work always passes). */
export function assertWithinBudget(state: BudgetState, estimateUsd: number): { remainingUsd?: number } {
  if (state.budgetUsd === undefined) return {};
  const remaining = cents(state.budgetUsd - state.spentUsd);
  if (estimateUsd <= 0) return { remainingUsd: remaining };
  if (remaining <= 0)
    throw new AuteurError("limit_exceeded", `Your budget of ${dollars(state.budgetUsd)} is spent (${dollars(state.spentUsd)} so far), so no new shots will be rendered. Raise the budget or switch to the offline renderer.`, {
      details: { budgetUsd: state.budgetUsd, spentUsd: state.spentUsd, estimateUsd },
    });
  if (estimateUsd > remaining)
    throw new AuteurError(
      "limit_exceeded",
      `This cut would cost about ${dollars(estimateUsd)}, but only ${dollars(remaining)} of your ${dollars(state.budgetUsd)} budget is left. Shorten the film, regenerate fewer shots, or raise the budget.`,
      { details: { budgetUsd: state.budgetUsd, spentUsd: state.spentUsd, estimateUsd } },
    );
  return { remainingUsd: cents(remaining - estimateUsd) };
}

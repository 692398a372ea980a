/**
 * The cost of a cut with this process's providers (missing work only), and the budget check before
 * enqueueing paid work: the edges around the pure lib/providers/cost.
 */
import { hasAsset } from "../assets/store";
import { env } from "../env";
import type { RenderPlan } from "../plan/plan-cut";
import type { Screenplay } from "../screenplay/schema";
import { assertWithinBudget, estimateCutCost, type CostEstimate } from "./cost";
import { configuredPricing } from "./select";

export function estimateCut(sp: Screenplay, plan: RenderPlan | null): CostEstimate {
  return estimateCutCost(sp, plan, configuredPricing(), hasAsset);
}

/** Throws limit_exceeded (with a message for the person) when the cut's paid work would pass AUTEUR_BUDGET_USD. */
export function assertCutWithinBudget(sp: Screenplay, plan: RenderPlan | null, spentUsd: number): CostEstimate {
  const estimate = estimateCut(sp, plan);
  assertWithinBudget({ budgetUsd: env().budgetUsd, spentUsd }, estimate.usd);
  return estimate;
}

import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ProgressBar } from "../../../app/_components/progress-bar";
import { Storyboard } from "../../../app/_components/storyboard";
import { cutCostView, shotProviderFields, type CostRow } from "../../../lib/film/provider-view";
import type { CutView } from "../../../lib/film/views";
import type { CutPricing } from "../../../lib/providers/cost";
import { writeScreenplay } from "../../../lib/writer/write-screenplay";

const sp = writeScreenplay("A lighthouse keeper and a smuggler argue about the storm. A short western.").screenplay;
const shots = sp.acts.flatMap((a) => a.scenes.flatMap((s) => s.shots));
const paid: CutPricing = { video: { name: "comfyui", price: { perVideoSecond: 0.5 }, maxSeconds: 8 }, retakes: 2 };
const free: CutPricing = { video: { name: "animatic", price: {} } };

const row = (i: number, over: Partial<CostRow> = {}): CostRow => ({ shotId: shots[i]!.id, status: "waiting", reused: null, renderKey: null, ...over });

describe("shotProviderFields", () => {
  it("shows the generator, its cost and the continuity score from a render's meta", () => {
    expect(
      shotProviderFields({ provider: "comfyui", costUsd: 0.25, continuity: { score: 0.91234, threshold: 0.8, retakes: 1, passed: true, scores: {}, history: [0.7, 0.91] } }),
    ).toEqual({ provider: "comfyui", costUsd: 0.25, continuity: { score: 0.912, threshold: 0.8, retakes: 1, passed: true } });
  });
  it("shows nothing for the built-in renderer, and no cost for a free one", () => {
    expect(shotProviderFields({ frames: 48, drawMs: 100 })).toEqual({});
    expect(shotProviderFields(undefined)).toEqual({});
    expect(shotProviderFields({ provider: "comfyui", costUsd: 0 })).toEqual({ provider: "comfyui" });
  });
});

describe("cutCostView", () => {
  it("is absent when nothing is paid", () => {
    expect(cutCostView(sp, shots.map((_, i) => row(i)), new Map(), free)).toBeUndefined();
  });
  it("estimates the whole cut, what is left, and what this cut's own renders cost", () => {
    const rows = shots.map((_, i) => row(i));
    const before = cutCostView(sp, rows, new Map(), paid)!;
    expect(before.estimateUsd).toBeGreaterThan(0);
    expect(before.maxUsd).toBeCloseTo(before.estimateUsd * 3, 3);
    expect(before.remainingUsd).toBeCloseTo(before.estimateUsd, 3);
    expect(before.spentUsd).toBe(0);

    // The first shot rendered for this cut, the second reused from an earlier one (paid for then).
    rows[0] = row(0, { status: "done", reused: false, renderKey: "k0" });
    rows[1] = row(1, { status: "done", reused: true, renderKey: "k1" });
    const metas = new Map([["k0", { provider: "comfyui", costUsd: 1.5 }], ["k1", { provider: "comfyui", costUsd: 2 }]]);
    const during = cutCostView(sp, rows, metas, paid)!;
    expect(during.spentUsd).toBe(1.5);
    expect(during.remainingUsd).toBeLessThan(before.remainingUsd);
    expect(during.estimateUsd).toBe(before.estimateUsd);
  });
});

describe("what the page shows", () => {
  const cut: CutView = {
    id: "c1", filmId: "f1", branchId: "b1", parentCutId: null, status: "rendering", createdAt: new Date(0).toISOString(), message: "", summary: "", notes: [],
    shots: [
      { shotId: shots[0]!.id, sceneId: "s", index: 0, status: "done", provider: "comfyui", costUsd: 0.4, continuity: { score: 0.93, threshold: 0.8, retakes: 1, passed: true } },
      { shotId: shots[1]!.id, sceneId: "s", index: 1, status: "done", provider: "comfyui", costUsd: 0.4, continuity: { score: 0.61, threshold: 0.8, retakes: 2, passed: false } },
    ],
    shotsRendered: 2, shotsReused: 0, shotsFailed: 0, progress: 0.5,
    cost: { estimateUsd: 3.2, maxUsd: 9.6, remainingUsd: 2.4, spentUsd: 0.8 },
  };
  it("the storyboard shows each shot's generator, cost and likeness score", () => {
    const html = renderToStaticMarkup(createElement(Storyboard, { cut, screenplay: sp }));
    expect(html).toContain("comfyui");
    expect(html).toContain("$0.40");
    expect(html).toContain("likeness 0.93 ✓ after 1 retake");
    expect(html).toContain("likeness 0.61 ✗ after 2 retakes");
  });
  it("the progress bar shows the estimate before and while it renders", () => {
    const html = renderToStaticMarkup(createElement(ProgressBar, { cut }));
    expect(html).toContain("Estimated cost $3.20 (up to $9.60 with continuity retakes) · spent $0.80 · about $2.40 still to render");
    expect(renderToStaticMarkup(createElement(ProgressBar, { cut: { ...cut, cost: undefined } }))).not.toContain("Estimated cost");
  });
});

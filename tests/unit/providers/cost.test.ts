import { describe, expect, it } from "vitest";
import { AuteurError } from "../../../lib/errors";
import { planCut, planVoices } from "../../../lib/plan/plan-cut";
import type { SpeechMeta } from "../../../lib/plan/specs";
import { assertWithinBudget, billedSeconds, estimateCutCost, type CutPricing } from "../../../lib/providers/cost";
import { writeScreenplay } from "../../../lib/writer/write-screenplay";

const sp = writeScreenplay("A lighthouse keeper and a smuggler argue about the storm. A short western.").screenplay;
const shots = sp.acts.flatMap((a) => a.scenes.flatMap((s) => s.shots));
const pricing = (videoName: string): CutPricing => ({ video: { name: videoName, price: { perVideoSecond: 0.5 }, maxSeconds: 8 }, image: { price: { perImage: 0.04 } }, speech: { price: { perThousandChars: 0.3 } }, retakes: 2 });

function measured() {
  const speech = new Map<string, SpeechMeta>();
  for (const v of planVoices(sp)) speech.set(v.key, { durationSec: 1.2, sampleRate: 48_000, envelope: [], words: [] });
  return speech;
}

describe("estimateCutCost", () => {
  it("prices every shot, each character's reference sheet and the spoken characters before anything is planned", () => {
    const e = estimateCutCost(sp, null, pricing("animatic"));
    expect(e.lines.filter((l) => l.kind === "video")).toHaveLength(shots.length);
    expect(e.images).toBe(sp.characters.length);
    expect(e.speechChars).toBe(shots.flatMap((s) => s.lines).reduce((t, l) => t + l.text.length, 0));
    expect(e.usd).toBeCloseTo(e.videoSeconds * 0.5 + sp.characters.length * 0.04 + (e.speechChars * 0.3) / 1000, 3);
    expect(e.maxUsd).toBeCloseTo(e.usd + e.videoSeconds * 0.5 * 2, 3);
    for (const l of e.lines.filter((x) => x.kind === "video")) expect(l.units).toBeLessThanOrEqual(8);
  });

  it("uses planned lengths, and leaves out work already done and shots of other providers", () => {
    const plan = planCut(sp, { speech: measured(), failures: new Map() }, { captions: false });
    const planned = plan.scenes.flatMap((s) => s!.shots);
    const e = estimateCutCost(sp, plan, pricing("animatic"));
    expect(e.videoSeconds).toBe(planned.reduce((t, s) => t + billedSeconds(s.frames / 24, 8), 0));
    const firstKey = planned[0]!.render.key;
    const less = estimateCutCost(sp, plan, pricing("animatic"), (k) => k === firstKey);
    expect(less.videoSeconds).toBe(e.videoSeconds - billedSeconds(planned[0]!.frames / 24, 8));
    // Planned with the free built-in renderer: pricing another provider costs no video.
    expect(estimateCutCost(sp, plan, pricing("comfyui")).videoSeconds).toBe(0);
    // Offline everything: nothing to pay.
    expect(estimateCutCost(sp, plan, { video: { name: "animatic", price: { perVideoSecond: 0 } } }).usd).toBe(0);
  });

  it("bills whole seconds, capped at the provider's longest clip", () => {
    expect(billedSeconds(2.01)).toBe(3);
    expect(billedSeconds(2)).toBe(2);
    expect(billedSeconds(0.2)).toBe(1);
    expect(billedSeconds(30, 8)).toBe(8);
  });
});

describe("assertWithinBudget", () => {
  it("lets work through under the budget and stops it past the limit with a clear message", () => {
    expect(assertWithinBudget({ spentUsd: 100 }, 50)).toEqual({});
    expect(assertWithinBudget({ budgetUsd: 10, spentUsd: 2 }, 5)).toEqual({ remainingUsd: 3 });
    expect(() => assertWithinBudget({ budgetUsd: 10, spentUsd: 8 }, 5)).toThrow("This cut would cost about $5.00, but only $2.00 of your $10.00 budget is left.");
    try {
      assertWithinBudget({ budgetUsd: 10, spentUsd: 10.5 }, 1);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AuteurError);
      expect((e as AuteurError).code).toBe("limit_exceeded");
      expect((e as AuteurError).message).toMatch(/Your budget of \$10.00 is spent/);
    }
    // Free (offline) work goes on at the limit.
    expect(assertWithinBudget({ budgetUsd: 10, spentUsd: 10 }, 0)).toEqual({ remainingUsd: 0 });
  });
});

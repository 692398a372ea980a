import { describe, expect, it } from "vitest";
import { filter } from "../../../lib/sound/dsp/biquad";
import { renderCue } from "../../../lib/sound/cues";

const SR = 48000;

/** Stretches of sound (10 ms windows louder than a tenth of the loudest), and how much of it is low. */
function measure(kind: Parameters<typeof renderCue>[0], seed = 3) {
  const { L } = renderCue(kind, SR, seed);
  const win = SR / 100;
  const rms: number[] = [];
  for (let i = 0; i + win <= L.length; i += win) {
    let s = 0;
    for (let k = i; k < i + win; k++) s += L[k]! * L[k]!;
    rms.push(Math.sqrt(s / win));
  }
  const top = Math.max(...rms);
  const on = rms.map((r) => r > top * 0.1);
  // a stretch is sound with no gap longer than 60 ms in it (a room's tail flickers around the threshold)
  let stretches = 0;
  let gap = Infinity;
  for (const v of on) {
    if (v && gap > 6) stretches++;
    gap = v ? 0 : gap + 1;
  }
  // the share of the energy below 400 Hz (a 4th-order low-pass: two biquads)
  const low = filter(filter(L.slice(), "lowpass", 400, SR), "lowpass", 400, SR);
  let e = 0;
  let el = 0;
  let peak = 0;
  for (let i = 0; i < L.length; i++) {
    e += L[i]! * L[i]!;
    el += low[i]! * low[i]!;
    peak = Math.max(peak, Math.abs(L[i]!));
  }
  return { stretches, lowShare: el / e, seconds: L.length / SR, peak };
}

describe("animal calls", () => {
  it("a bark is two or three short barks; a meow and a roar are one call; a roar is far lower than a meow", () => {
    const bark = measure("bark");
    const meow = measure("meow");
    const neigh = measure("neigh");
    const roar = measure("roar");
    expect(bark.stretches).toBeGreaterThanOrEqual(2);
    expect(bark.stretches).toBeLessThanOrEqual(3);
    expect(meow.stretches).toBe(1);
    expect(roar.stretches).toBe(1);
    expect(roar.seconds).toBeGreaterThan(2);
    expect(roar.lowShare).toBeGreaterThan(0.3);
    expect(meow.lowShare).toBeLessThan(0.1);
    expect(neigh.lowShare).toBeLessThan(roar.lowShare / 3);
    for (const m of [bark, meow, neigh, roar]) expect(m.peak).toBeCloseTo(0.5, 1);
  });
});

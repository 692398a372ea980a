import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createRng } from "../../../lib/sound/dsp/prng";
import { filter } from "../../../lib/sound/dsp/biquad";
import { integratedLoudness, truePeak } from "../../../lib/sound/loudness";
import { writeWav } from "../../../lib/sound/wav";
import { ebur128 } from "./helpers";

const dir = mkdtempSync(path.join(os.tmpdir(), "auteur-loud-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Programme-like test signal: bursts of shaped noise and tones at changing levels, with pauses. */
function programme(seconds: number, seed: number): Float32Array[] {
  const sr = 48000;
  const rng = createRng(seed);
  const L = new Float32Array(sr * seconds);
  const R = new Float32Array(sr * seconds);
  for (let s = 0; s < seconds; s++) {
    const level = Math.pow(10, (-30 + rng() * 22) / 20);
    const silent = rng() < 0.2;
    const f = 80 + rng() * 3000;
    for (let i = s * sr; i < (s + 1) * sr; i++) {
      if (silent) continue;
      const tone = Math.sin((2 * Math.PI * f * i) / sr);
      L[i] = level * (0.6 * tone + 0.4 * (rng() * 2 - 1));
      R[i] = level * (0.6 * tone + 0.4 * (rng() * 2 - 1)) * 0.8;
    }
  }
  filter(L, "lowpass", 9000, sr);
  filter(R, "lowpass", 9000, sr);
  // One sharp inter-sample peak.
  L[sr * 3] = 0.7;
  L[sr * 3 + 1] = 0.7;
  return [L, R];
}

describe("loudness against ffmpeg's ebur128", () => {
  it("agrees on integrated loudness (0.2 LU) and true peak (0.3 dB)", async () => {
    for (const seed of [1, 2]) {
      const channels = programme(12, seed);
      const file = path.join(dir, `p${seed}.wav`);
      await writeWav(file, { sampleRate: 48000, channels }, "float32");
      const ours = { integrated: integratedLoudness(channels, 48000), truePeak: truePeak(channels, 48000) };
      const theirs = await ebur128(file);
      expect(Number.isFinite(theirs.integrated)).toBe(true);
      expect(Math.abs(ours.integrated - theirs.integrated)).toBeLessThan(0.2);
      expect(Math.abs(ours.truePeak - theirs.truePeak)).toBeLessThan(0.3);
    }
  });
});

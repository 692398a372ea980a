import { describe, expect, it } from "vitest";
import { resample } from "../../../lib/sound/dsp/resample";

function toneAt(x: Float32Array, sr: number, freq: number): number {
  // Magnitude of one DFT bin (Goertzel-style), normalised to amplitude.
  let re = 0;
  let im = 0;
  for (let i = 0; i < x.length; i++) {
    re += x[i] * Math.cos((2 * Math.PI * freq * i) / sr);
    im -= x[i] * Math.sin((2 * Math.PI * freq * i) / sr);
  }
  return (2 * Math.hypot(re, im)) / x.length;
}

describe("windowed-sinc resampling", () => {
  it("16 kHz -> 48 kHz keeps a tone's pitch and level and triples the length", () => {
    const x = Float32Array.from({ length: 16000 }, (_, i) => 0.5 * Math.sin((2 * Math.PI * 1000 * i) / 16000));
    const y = resample(x, 16000, 48000);
    expect(y.length).toBe(48000);
    const mid = y.subarray(4800, 43200);
    expect(toneAt(mid, 48000, 1000)).toBeCloseTo(0.5, 2);
    // No images of the tone above the old Nyquist.
    expect(toneAt(mid, 48000, 15000)).toBeLessThan(0.001);
    expect(toneAt(mid, 48000, 17000)).toBeLessThan(0.001);
  });

  it("downsampling removes what the new rate cannot hold", () => {
    const x = Float32Array.from({ length: 48000 }, (_, i) => 0.5 * Math.sin((2 * Math.PI * 1000 * i) / 48000) + 0.5 * Math.sin((2 * Math.PI * 11000 * i) / 48000));
    const y = resample(x, 48000, 16000);
    const mid = y.subarray(1600, 14400);
    expect(toneAt(mid, 16000, 1000)).toBeCloseTo(0.5, 2);
    // 11 kHz would fold to 5 kHz at 16 kHz; it must be gone.
    expect(toneAt(mid, 16000, 5000)).toBeLessThan(0.005);
  });
});

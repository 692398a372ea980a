import { describe, expect, it } from "vitest";
import { integratedLoudness, truePeak } from "../../../lib/sound/loudness";

const SR = 48000;
function sine(freq: number, amplitude: number, seconds: number, phase = 0): Float32Array {
  return Float32Array.from({ length: Math.round(seconds * SR) }, (_, i) => amplitude * Math.sin((2 * Math.PI * freq * i) / SR + phase));
}

describe("integrated loudness (BS.1770-4)", () => {
  it("a 1 kHz sine at -20 dBFS in one channel reads about -23 LUFS", () => {
    expect(integratedLoudness([sine(1000, 0.1, 5)], SR)).toBeCloseTo(-23.0, 1);
  });

  it("the same sine in both channels reads 3 dB louder", () => {
    const s = sine(1000, 0.1, 5);
    expect(integratedLoudness([s, s], SR)).toBeCloseTo(-20.0, 1);
  });

  it("gates out silence: a tone with long silences reads as the tone", () => {
    const tone = sine(1000, 0.1, 4);
    const gapped = new Float32Array(SR * 12);
    gapped.set(tone, SR * 4);
    expect(integratedLoudness([gapped], SR)).toBeCloseTo(-23.0, 0);
  });

  it("weights frequencies: a 100 Hz tone reads quieter than 1 kHz, a 4 kHz tone louder", () => {
    const at1k = integratedLoudness([sine(1000, 0.1, 3)], SR);
    expect(integratedLoudness([sine(100, 0.1, 3)], SR)).toBeLessThan(at1k - 0.5);
    expect(integratedLoudness([sine(4000, 0.1, 3)], SR)).toBeGreaterThan(at1k + 2);
  });

  it("is -Infinity for silence", () => {
    expect(integratedLoudness([new Float32Array(SR)], SR)).toBe(-Infinity);
  });
});

describe("true peak", () => {
  it("finds the peak between samples (fs/4 sine at 45 degrees: samples at -3 dB of the peak)", () => {
    const s = sine(SR / 4, 0.5, 1, Math.PI / 4);
    let sampleMax = 0;
    for (const v of s) sampleMax = Math.max(sampleMax, Math.abs(v));
    expect(20 * Math.log10(sampleMax)).toBeCloseTo(-9.03, 1);
    expect(truePeak([s], SR)).toBeGreaterThan(-6.4);
    expect(truePeak([s], SR)).toBeLessThan(-5.8);
  });

  it("equals the sample peak for a slow sine", () => {
    expect(truePeak([sine(100, 0.5, 1)], SR)).toBeCloseTo(-6.02, 1);
  });
});

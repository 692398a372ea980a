import { describe, expect, it } from "vitest";
import { integratedLoudness, interSamplePeaks, truePeak, truePeakOver, TruePeakMeter } from "../../../lib/sound/loudness";
import { whiteNoise } from "../../../lib/sound/dsp/prng";

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

describe("true peak search", () => {
  // Interpolating every position, as the meter did before it learnt to pass over quiet stretches.
  function everywhere(x: Float32Array): number {
    const out = new Float32Array(x.length);
    interSamplePeaks(x, 0, x.length, out);
    return out.reduce((m, v) => Math.max(m, v), 0);
  }
  const signals: [string, Float32Array][] = [
    ["noise with a loud burst", (() => {
      const x = whiteNoise(SR, 3).map((v) => v * 0.1);
      for (let i = 30000; i < 30400; i++) x[i] = x[i]! * 7;
      return x;
    })()],
    ["fs/4 sine at 45 degrees between quiet noise", (() => {
      const x = whiteNoise(SR / 2, 5).map((v) => v * 0.05);
      x.set(sine(SR / 4, 0.5, 0.01, Math.PI / 4), 9000);
      return x;
    })()],
    ["alternating full-scale samples", Float32Array.from({ length: 4000 }, (_, i) => (i % 2 ? 0.9 : -0.9) * (i > 1000 && i < 1040 ? 1 : 0.2))],
    ["a lone impulse at the very end", (() => {
      const x = new Float32Array(5000);
      x[4999] = 0.8;
      return x;
    })()],
  ];

  it.each(signals)("finds exactly the peak that interpolating everywhere finds: %s", (_, x) => {
    const meter = new TruePeakMeter(1);
    meter.push([x]);
    expect(meter.peak()).toBe(everywhere(x));
    expect(truePeakOver(x, 0, x.length)).toBe(everywhere(x));
  });

  it("gives the same peak fed in chunks as in one piece", () => {
    const x = signals[0]![1];
    const whole = new TruePeakMeter(1);
    whole.push([x]);
    const chunked = new TruePeakMeter(1);
    for (let o = 0; o < x.length; o += 4097) chunked.push([x.subarray(o, Math.min(x.length, o + 4097))]);
    expect(chunked.peak()).toBe(whole.peak());
  });
});

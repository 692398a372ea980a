import { describe, expect, it } from "vitest";
import { AAC_FRAME, BODY_MAX_AAC_FRAMES, planFilmAudio } from "../../../lib/plan/film-audio-plan";
import type { MixMeta, StitchSpec } from "../../../lib/plan/specs";

const SR = 48_000;

function film(sceneSeconds: number[]): { spec: StitchSpec; metas: MixMeta[] } {
  const segments: StitchSpec["segments"] = [];
  const chapters: StitchSpec["chapters"] = [];
  const metas: MixMeta[] = [];
  let at = 0;
  sceneSeconds.forEach((sec, s) => {
    // Two shots a scene, 64-frame grid (2.666 s) multiples.
    const frames = Math.round((sec * 24) / 64) * 64;
    chapters.push({ title: `Scene ${s + 1}`, startSec: at / 24, endSec: (at + frames) / 24 });
    for (const part of [frames / 2 - 7, frames / 2 + 7]) {
      const samples = (part * SR) / 24;
      segments.push({ shotId: `s${s}-${part}`, mixKey: `mix-${s}-${part}`, frames: part });
      metas.push({ durationSec: samples / SR, peak: 0.5, stemsHash: `h-${s}-${part}`, samples, loudnessBlocks: Array(Math.ceil(samples / 4800)).fill(0.01), truePeak: 0.5 });
    }
    at += frames;
  });
  const spec = { stage: "stitch-cut", key: "k", title: "t", segments, chapters, subtitles: [], fps: 24, sampleRate: SR, loudness: { integrated: -16, truePeak: -1 }, provider: { name: "stitch", version: "1" } } as StitchSpec;
  return { spec, metas };
}

describe("the film's audio stretches", () => {
  it("cut a long scene's body into pieces of at most about 15 s, whose kept AAC frames cover the film exactly once", () => {
    const { spec, metas } = film([8, 70, 31]);
    const plan = planFilmAudio(spec, metas);
    const kept = plan.chunks.map((c) => c.keepTo - c.keepFrom);
    expect(kept.reduce((a, b) => a + b, 0)).toBe(plan.aacFrames);
    // 8 s: run-in, one body, run-out; 70 s: run-in, five body pieces, run-out; 31 s: run-in, three, run-out.
    expect(plan.chunks.length).toBe(3 + 7 + 5);
    // Every stretch starts where the one before ended, and the body pieces on AAC frames.
    const startOf = new Map<string, number>();
    let at = 0;
    spec.segments.forEach((seg, i) => {
      startOf.set(seg.mixKey, at);
      at += metas[i]!.samples;
    });
    const spans = plan.chunks.map((c) => [startOf.get(c.pieces[0]!.mixKey)! + c.sceneFrom, startOf.get(c.pieces[0]!.mixKey)! + c.sceneTo] as const);
    expect(spans[0]![0]).toBe(0);
    expect(spans.at(-1)![1]).toBe(at);
    for (let i = 1; i < spans.length; i++) expect(spans[i]![0]).toBe(spans[i - 1]![1]);
    const bodies = spans.slice(4, 9);
    for (const [from, to] of bodies) expect([from % AAC_FRAME, to % AAC_FRAME, (to - from) / AAC_FRAME <= BODY_MAX_AAC_FRAMES]).toEqual([0, 0, true]);
  });
});

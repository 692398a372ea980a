import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { renderPoster } from "../../../lib/render/render-poster";
import { CAMERA_MOVES, FRAMINGS, LOCATION_KINDS, WEATHERS } from "../../../lib/screenplay/schema";
import { drawPixels, meanLuma } from "./frame-helpers";
import { makeShotSpec } from "./make-shot-spec";

/** Standard deviation of luma: a real picture varies, an empty one does not. */
function lumaSpread(p: ReturnType<typeof drawPixels>): number {
  const m = meanLuma(p);
  let s = 0;
  let n = 0;
  for (let i = 0; i < p.data.length; i += 16) {
    const y = 0.2126 * p.data[i]! + 0.7152 * p.data[i + 1]! + 0.0722 * p.data[i + 2]!;
    s += (y - m) ** 2;
    n++;
  }
  return Math.sqrt(s / n);
}

describe("places", () => {
  it("draws every location kind, indoors and out, as a picture with something in it", () => {
    for (const kind of LOCATION_KINDS) {
      for (const interior of [false, true]) {
        const spec = makeShotSpec({ framing: "wide", seconds: 0.25, place: { name: kind, kind, interior, timeOfDay: "afternoon", weather: "clear", mood: "calm", seed: 3 } });
        const p = drawPixels(spec, 0);
        expect(lumaSpread(p), `${kind} interior=${interior}`).toBeGreaterThan(8);
      }
    }
  });

  it("draws every framing, camera move and weather without error", () => {
    for (const framing of FRAMINGS) drawPixels(makeShotSpec({ framing, seconds: 0.25 }), 0);
    for (const move of CAMERA_MOVES) {
      const spec = makeShotSpec({ framing: "full", camera: { move, lens: 50 }, seconds: 1, place: { name: "x", kind: "city-street", interior: false, timeOfDay: "dusk", weather: "clear", mood: "calm", seed: 8 } });
      // first and last frames: the moving camera must never show an unpainted edge (pure black corners)
      for (const f of [0, spec.frames - 1]) {
        const p = drawPixels(spec, f);
        for (const [x, y] of [[0, 0], [1279, 0], [0, 719], [1279, 719]] as const) {
          const i = (y * 1280 + x) * 4;
          expect(p.data[i]! + p.data[i + 1]! + p.data[i + 2]!, `${move} frame ${f} corner ${x},${y}`).toBeGreaterThan(0);
        }
      }
    }
    for (const weather of WEATHERS) drawPixels(makeShotSpec({ framing: "wide", seconds: 0.5, place: { name: "x", kind: "field", interior: false, timeOfDay: "morning", weather, mood: "calm", seed: 1 } }));
  });

  it("a room's window shows the time of day outside: a daylit sky by day, a dark one at night (fog or clear)", () => {
    const room = (timeOfDay: "midday" | "night", weather: "clear" | "fog") =>
      drawPixels(makeShotSpec({ framing: "wide", seconds: 0.25, characters: [], place: { name: "The old manor library", kind: "house", interior: true, timeOfDay, weather, mood: "quiet", seed: 2192033912 } }), 0);
    // The window by day: the sky-blue pixels of the wall's upper part.
    const day = room("midday", "clear");
    const sky: number[] = [];
    for (let y = 0; y < 432; y++)
      for (let x = 0; x < 1280; x++) {
        const i = (y * 1280 + x) * 4;
        if (day.data[i + 2]! > day.data[i]! + 25) sky.push(i);
      }
    expect(sky.length).toBeGreaterThan(5000);
    const luma = (p: ReturnType<typeof drawPixels>, at: number[]) => at.reduce((s, i) => s + 0.2126 * p.data[i]! + 0.7152 * p.data[i + 1]! + 0.0722 * p.data[i + 2]!, 0) / at.length;
    const inSky = new Set(sky);
    const wall: number[] = [];
    for (let i = 0; i < 432 * 1280 * 4; i += 4 * 7) if (!inSky.has(i)) wall.push(i);
    for (const weather of ["clear", "fog"] as const) {
      const night = room("night", weather);
      // The same pixels at night: darker than the lamp-lit room around them.
      expect(luma(night, sky), weather).toBeLessThan(0.75 * luma(night, wall));
    }
  });

  it("writes a PNG poster of the middle frame", async () => {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "auteur-poster-")), "poster.png");
    await renderPoster(makeShotSpec({ framing: "medium" }), out);
    const png = fs.readFileSync(out);
    expect(png.subarray(1, 4).toString()).toBe("PNG");
    expect(png.readUInt32BE(16)).toBe(1280);
    expect(png.readUInt32BE(20)).toBe(720);
    fs.rmSync(path.dirname(out), { recursive: true, force: true });
  });
});

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { prepareShot } from "../../../lib/render/prepare-shot";
import { loadImage } from "@napi-rs/canvas";
import { makeCanvas } from "../../../lib/render/canvas-util";
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

  it("writes a JPEG poster of the middle frame, the picture of the drawn frame", async () => {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "auteur-poster-")), "poster.jpg");
    const spec = makeShotSpec({ framing: "medium" });
    await renderPoster(spec, out);
    const jpeg = fs.readFileSync(out);
    expect([...jpeg.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
    const img = await loadImage(jpeg);
    expect([img.width, img.height]).toEqual([1280, 720]);
    // The same picture as the drawn middle frame, within JPEG's loss.
    const { ctx } = makeCanvas(1280, 720);
    ctx.drawImage(img, 0, 0);
    const got = ctx.getImageData(0, 0, 1280, 720).data;
    const drawn = drawPixels(spec).data;
    let err = 0;
    for (let i = 0; i < got.length; i += 4) err += Math.abs(got[i]! - drawn[i]!) + Math.abs(got[i + 1]! - drawn[i + 1]!) + Math.abs(got[i + 2]! - drawn[i + 2]!);
    expect(err / (got.length / 4) / 3).toBeLessThan(4);
    fs.rmSync(path.dirname(out), { recursive: true, force: true });
  });
  it("nothing a place hangs in the foreground crosses a character's head (bunting and cables hang behind them)", () => {
    for (const kind of LOCATION_KINDS) {
      for (const framing of ["medium", "two-shot", "full"] as const) {
        const spec = makeShotSpec({ framing, seconds: 0.25, place: { name: kind, kind, interior: false, timeOfDay: "afternoon", weather: "clear", mood: "calm", seed: 5 } });
        const shot = prepareShot(spec);
        for (const f of shot.layout.figures) {
          if (f.back) continue;
          const s = f.unit * f.character.identity.height;
          // The head: the top ~20% of the figure, a head wide.
          const head = { x0: f.x - 0.1 * s, x1: f.x + 0.1 * s, y0: f.feetY - 1.05 * s, y1: f.feetY - 0.8 * s };
          for (const layer of shot.front) {
            const data = layer.canvas.getContext("2d").getImageData(0, 0, layer.canvas.width, layer.canvas.height).data;
            let covered = 0;
            for (let y = Math.max(0, Math.floor(head.y0)); y < Math.min(720, head.y1); y += 2)
              for (let x = Math.max(0, Math.floor(head.x0)); x < Math.min(1280, head.x1); x += 2) {
                const lx = Math.round(x - layer.x);
                const ly = Math.round(y - layer.y);
                if (lx >= 0 && ly >= 0 && lx < layer.canvas.width && ly < layer.canvas.height && data[(ly * layer.canvas.width + lx) * 4 + 3]! > 40) covered++;
              }
            expect(covered, `${kind} ${framing}: a foreground layer over ${f.character.name}'s head`).toBe(0);
          }
        }
      }
    }
  });
  it("a souk is not a street of towers: Marrakesh's market is built of warm clay, a plain market of grey blocks", () => {
    const market = (name: string) => drawPixels(makeShotSpec({ framing: "wide", seconds: 0.25, characters: [], place: { name, kind: "market", interior: false, timeOfDay: "afternoon", weather: "clear", mood: "busy", seed: 5 } }), 0);
    // Warmth of the buildings' band (above the stalls): red minus blue, on average.
    const warmth = (p: ReturnType<typeof drawPixels>) => {
      let sum = 0;
      let n = 0;
      for (let y = 330; y < 450; y += 2)
        for (let x = 0; x < 1280; x += 2) {
          const i = (y * 1280 + x) * 4;
          sum += p.data[i]! - p.data[i + 2]!;
          n++;
        }
      return sum / n;
    };
    expect(warmth(market("Marrakesh market"))).toBeGreaterThan(warmth(market("The market")) + 25);
  });
  it("on a bridge the characters stand on its stone deck, by a river they stand on grass", () => {
    const underFeet = (name: string) => {
      const spec = makeShotSpec({ framing: "wide", seconds: 0.25, place: { name, kind: "river", interior: false, timeOfDay: "afternoon", weather: "clear", mood: "calm", seed: 4 } });
      const p = drawPixels(spec, 0);
      const f = prepareShot(spec).layout.figures[0]!;
      const i = (Math.round(f.feetY + 12) * 1280 + Math.round(f.x + 40)) * 4;
      return [p.data[i]!, p.data[i + 1]!, p.data[i + 2]!];
    };
    const [r, g, b] = underFeet("The bridge");
    // warm grey stone: red >= green > blue
    expect(r).toBeGreaterThanOrEqual(g - 4);
    expect(g).toBeGreaterThan(b);
    const [gr, gg] = underFeet("The river");
    // grass: green above red
    expect(gg).toBeGreaterThan(gr + 15);
    // a bridge in a city has the city's roofs beyond it, not fields and trees: a band above the horizon
    const beyond = (name: string) => {
      const spec = makeShotSpec({ framing: "wide", seconds: 0.25, characters: [], place: { name, kind: "river", interior: false, timeOfDay: "afternoon", weather: "clear", mood: "calm", seed: 4 } });
      const p = drawPixels(spec, 0);
      const h = Math.round(prepareShot(spec).layout.horizonY);
      let warm = 0;
      for (let y = h - 60; y < h - 10; y++) for (let x = 0; x < 1280; x++) if (p.data[(y * 1280 + x) * 4]! > p.data[(y * 1280 + x) * 4 + 1]! + 10) warm++;
      return warm / (50 * 1280);
    };
    expect(beyond("the bridge in Paris")).toBeGreaterThan(beyond("The bridge") + 0.3);
  });
  it("a station outside is a platform by the tracks (a western's of timber), not a street of towers", () => {
    const at = (kind: "station" | "city-street", palette: "western" | "natural") => {
      const spec = makeShotSpec({ framing: "wide", seconds: 0.25, characters: [], look: { ...makeShotSpec().look, palette }, place: { name: "The rail depot", kind, interior: false, timeOfDay: "afternoon", weather: "clear", mood: "calm", seed: 4 } });
      const shot = prepareShot(spec);
      return { p: drawPixels(spec, 0), horizon: shot.layout.horizonY, rail: shot.grade.litRgb("#8a8c90"), timber: shot.grade.litRgb("#7a5236") };
    };
    const railShare = (s: ReturnType<typeof at>) => {
      let hit = 0;
      for (let y = Math.round(s.horizon + 50); y < s.horizon + 90; y++)
        for (let x = 0; x < 1280; x++) {
          const i = (y * 1280 + x) * 4;
          if (Math.abs(s.p.data[i]! - s.rail[0]) + Math.abs(s.p.data[i + 1]! - s.rail[1]) + Math.abs(s.p.data[i + 2]! - s.rail[2]) < 20) hit++;
        }
      return hit / (40 * 1280);
    };
    const western = at("station", "western");
    expect(railShare(western)).toBeGreaterThan(0.1);
    expect(railShare(at("station", "natural"))).toBeGreaterThan(0.1);
    expect(railShare(at("city-street", "western"))).toBeLessThan(0.01);
    // the depot's water tower is timber
    let timber = 0;
    for (let i = 0; i < western.p.data.length; i += 4) if (Math.abs(western.p.data[i]! - western.timber[0]) + Math.abs(western.p.data[i + 1]! - western.timber[1]) + Math.abs(western.p.data[i + 2]! - western.timber[2]) < 16) timber++;
    expect(timber).toBeGreaterThan(3000);
  });
});

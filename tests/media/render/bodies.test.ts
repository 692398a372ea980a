import { describe, expect, it } from "vitest";
import { shade } from "../../../lib/render/color";
import { prepareShot } from "../../../lib/render/prepare-shot";
import { drawPixels, shareNear, type Region } from "./frame-helpers";
import { BRANN, character, ELARA, line, makeShotSpec, NATURAL } from "./make-shot-spec";

const meadow = { name: "The meadow", kind: "field" as const, interior: false, timeOfDay: "afternoon" as const, weather: "clear" as const, mood: "calm", seed: 9 };
const two = [character("elara", "Elara", ELARA, 0), character("brann", "Brann", BRANN, 1)];

describe("bodies move", () => {
  it("a speaker's hand comes up beside the shoulder toward the listener mid-line, and is down again after", () => {
    const spec = makeShotSpec({ framing: "two-shot", seconds: 3, place: meadow, look: NATURAL, characters: two, lines: [line("l1", "elara", "Listen to me, this is it.", 0.5, 2.5, "excited")] });
    const shot = prepareShot(spec);
    const f = shot.layout.figures.find((x) => x.id === "elara")!;
    const s = f.unit * ELARA.height;
    // beside her shoulder, on Brann's side, at chest height: her skin (the hand) and her green sleeve
    const beside: Region = { x0: f.x + 0.16 * s, y0: f.feetY - 0.8 * s, x1: f.x + 0.36 * s, y1: f.feetY - 0.55 * s };
    const g = shot.figureGrade;
    // (the arm on the far side of the key light is in shade)
    const there = (frame: number) => shareNear(drawPixels(spec, frame), beside, g.litRgb(shade(ELARA.wardrobe.top, 0.82)), 24) + shareNear(drawPixels(spec, frame), beside, g.litRgb(shade(ELARA.face.skin, 0.88)), 24);
    expect(there(36)).toBeGreaterThan(0.04);
    expect(there(6)).toBeLessThan(0.005);
    expect(there(70)).toBeLessThan(0.005);
  });

  it("from behind (over the shoulder), a braid, long hair or a tied tail shows below the nape; cropped hair does not", () => {
    const below = (style: typeof ELARA.hair.style) => {
      const ada = { ...ELARA, hair: { ...ELARA.hair, style } };
      const spec = makeShotSpec({ framing: "over-the-shoulder", seconds: 0.5, place: meadow, look: NATURAL, characters: [character("ada", "Ada", ada, 0), character("brann", "Brann", BRANN, 1)], lines: [line("l1", "brann", "You look like trouble.", 0, 0.5)] });
      const shot = prepareShot(spec);
      const f = shot.layout.figures.find((x) => x.back)!;
      const s = f.unit * ada.height;
      // under the back of her head, down to the shoulders: how much is hair (her red, dimmed and blurred)
      const r = { x0: f.x - 0.03 * s, y0: f.feetY - 0.81 * s, x1: f.x + 0.03 * s, y1: f.feetY - 0.72 * s };
      const p = drawPixels(spec);
      let red = 0;
      let n = 0;
      for (let y = Math.max(0, Math.round(r.y0)); y < Math.min(720, r.y1); y++)
        for (let x = Math.max(0, Math.round(r.x0)); x < Math.min(1280, r.x1); x++) {
          const i = (y * 1280 + x) * 4;
          if (p.data[i]! > p.data[i + 1]! + 30) red++;
          n++;
        }
      return red / n;
    };
    const short = below("short");
    for (const style of ["braid", "long", "ponytail"] as const) expect(below(style), style).toBeGreaterThan(short + 0.2);
  });

  it("in a tracking shot the feet take turns off the ground", () => {
    const spec = makeShotSpec({ framing: "full", seconds: 1, camera: { move: "tracking", lens: 35 }, place: meadow, look: NATURAL, characters: [character("elara", "Elara", ELARA, 0)] });
    const shot = prepareShot(spec);
    const f = shot.layout.figures[0]!;
    const s = f.unit * ELARA.height;
    const shoe = shot.figureGrade.litRgb("#1e1a18");
    // the lowest row of shoe pixels under each leg, across a stride
    const lowest = (frame: number, side: -1 | 1) => {
      const p = drawPixels(spec, frame);
      const x0 = side < 0 ? f.x - 0.1 * s : f.x;
      const x1 = side < 0 ? f.x : f.x + 0.1 * s;
      for (let y = Math.min(719, Math.round(f.feetY + 4)); y > f.feetY - 0.2 * s; y--)
        for (let x = Math.round(x0); x < x1; x++) {
          const i = (y * 1280 + x) * 4;
          if (Math.abs(p.data[i]! - shoe[0]) + Math.abs(p.data[i + 1]! - shoe[1]) + Math.abs(p.data[i + 2]! - shoe[2]) < 30) return y;
        }
      return NaN;
    };
    const frames = [0, 3, 6, 9, 12, 15, 18, 21];
    const left = frames.map((k) => lowest(k, -1));
    const right = frames.map((k) => lowest(k, 1));
    // each foot is lifted (its lowest shoe pixel higher up) in some frames and down in others
    expect(Math.max(...left) - Math.min(...left)).toBeGreaterThan(0.02 * s);
    expect(Math.max(...right) - Math.min(...right)).toBeGreaterThan(0.02 * s);
  });
});

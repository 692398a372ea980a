import { describe, expect, it } from "vitest";
import { prepareShot } from "../../../lib/render/prepare-shot";
import { figureBox } from "../../../lib/render/shot-layout";
import { letterboxBar } from "../../../lib/render/overlays";
import type { ShotSpec } from "../../../lib/plan/specs";
import { drawPixels, histogram, maxChroma, meanLuma, shareNear, type Pixels, type Region } from "./frame-helpers";
import { BRANN, ELARA, line, makeShotSpec, NATURAL } from "./make-shot-spec";

const field = (timeOfDay: ShotSpec["place"]["timeOfDay"]): ShotSpec["place"] => ({ name: "The Long Field", kind: "field", interior: false, timeOfDay, weather: "clear", mood: "calm", seed: 21 });

function regionOf(spec: ShotSpec, id: string): Region {
  const shot = prepareShot(spec);
  const f = shot.layout.figures.find((x) => x.id === id && !x.back)!;
  const b = figureBox(f, spec.height);
  return { x0: b.x0, y0: Math.max(0, b.y0), x1: b.x1, y1: b.y1 };
}

function sharesOf(spec: ShotSpec, p: Pixels, r: Region, colours: string[]): number[] {
  const g = prepareShot(spec).figureGrade;
  return colours.map((c) => shareNear(p, r, g.litRgb(c), 24));
}

describe("the same character looks the same at every framing", () => {
  const scene = { place: field("afternoon"), look: NATURAL, seconds: 1 };
  const wide = makeShotSpec({ ...scene, framing: "wide" });
  const close = makeShotSpec({ ...scene, framing: "close-up", lines: [line("l1", "elara", "Listen.", 0, 1)] });
  const medium = makeShotSpec({ ...scene, framing: "medium" });

  it("shows Elara's skin, hair and top in the wide and in the close-up", () => {
    const colours = [ELARA.face.skin, ELARA.hair.color];
    const w = sharesOf(wide, drawPixels(wide), regionOf(wide, "elara"), [...colours, ELARA.wardrobe.top]);
    const c = sharesOf(close, drawPixels(close), regionOf(close, "elara"), colours);
    for (const share of [...w, ...c]) expect(share).toBeGreaterThan(0.01);
  });

  it("keeps the two characters apart: colour histograms match per character, not across", () => {
    const pw = drawPixels(wide);
    const pm = drawPixels(medium);
    const hE1 = histogram(pw, regionOf(wide, "elara"));
    const hE2 = histogram(pm, regionOf(medium, "elara"));
    const hB2 = histogram(pm, regionOf(medium, "brann"));
    const overlap = (a: number[], b: number[]) => a.reduce((s, v, i) => s + Math.min(v, b[i]!), 0);
    expect(overlap(hE1, hE2)).toBeGreaterThan(overlap(hE1, hB2));
    // Brann's purple coat is not on Elara, at any framing
    const g = prepareShot(medium).figureGrade;
    expect(shareNear(pm, regionOf(medium, "elara"), g.litRgb(BRANN.wardrobe.top), 12)).toBeLessThan(0.02);
    expect(shareNear(pm, regionOf(medium, "brann"), g.litRgb(BRANN.wardrobe.top), 24)).toBeGreaterThan(0.05);
  });
});

describe("golden frames", () => {
  it("a night scene is much darker than a midday one", () => {
    const day = meanLuma(drawPixels(makeShotSpec({ framing: "wide", place: field("midday"), seconds: 0.5 })));
    const night = meanLuma(drawPixels(makeShotSpec({ framing: "wide", place: field("night"), seconds: 0.5 })));
    expect(night).toBeLessThan(day * 0.5);
  });

  it("black-and-white frames have no colour at all", () => {
    const spec = makeShotSpec({
      framing: "medium",
      seconds: 0.5,
      place: { name: "Office", kind: "office", interior: true, timeOfDay: "night", weather: "rain", mood: "grim", seed: 4 },
      look: { ...NATURAL, palette: "noir", blackAndWhite: true, grain: 0.4, anamorphic: true },
    });
    expect(maxChroma(drawPixels(spec))).toBeLessThanOrEqual(2);
    const colour = makeShotSpec({ ...spec, look: { ...NATURAL } });
    expect(maxChroma(drawPixels(colour))).toBeGreaterThan(60);
  });

  it("a 2.39 look has black letterbox bars and a picture between them", () => {
    const spec = makeShotSpec({ framing: "wide", seconds: 0.5, place: field("midday"), look: { ...NATURAL, aspect: "2.39", vignette: 0.5, grain: 0.5 } });
    const bar = letterboxBar("2.39", 1280, 720);
    expect(bar).toBeGreaterThan(85);
    const p = drawPixels(spec);
    expect(meanLuma(p, { x0: 0, y0: 0, x1: 1280, y1: bar })).toBe(0);
    expect(meanLuma(p, { x0: 0, y0: 720 - bar, x1: 1280, y1: 720 })).toBe(0);
    expect(meanLuma(p, { x0: 0, y0: bar + 2, x1: 1280, y1: 720 - bar - 2 })).toBeGreaterThan(60);
  });

  it("shots of one scene show the same place; another seed makes another place", () => {
    const place = { name: "Market", kind: "market" as const, interior: false, timeOfDay: "morning" as const, weather: "clear" as const, mood: "busy", seed: 5 };
    const a = drawPixels(makeShotSpec({ framing: "wide", place, characters: [], seed: 1, shotId: "s1", seconds: 0.5 }));
    const b = drawPixels(makeShotSpec({ framing: "wide", place, characters: [], seed: 2, shotId: "s2", seconds: 0.5 }));
    const c = drawPixels(makeShotSpec({ framing: "wide", place: { ...place, seed: 6 }, characters: [], seconds: 0.5 }));
    expect(Buffer.from(a.data).equals(Buffer.from(b.data))).toBe(true);
    let diff = 0;
    for (let i = 0; i < a.data.length; i += 4) if (Math.abs(a.data[i]! - c.data[i]!) > 30) diff++;
    expect(diff / (a.data.length / 4)).toBeGreaterThan(0.1);
  });

  it("the speaker's mouth opens with the speech envelope", () => {
    const spec = makeShotSpec({ framing: "close-up", seconds: 2, lines: [{ ...line("l1", "elara", "Ah.", 0.5, 1.5), envelope: new Array(24).fill(1) }] });
    const shot = prepareShot(spec);
    const f = shot.layout.figures[0]!;
    const s = f.unit * f.character.identity.height;
    const mouth: Region = { x0: f.x - 0.03 * s, x1: f.x + 0.03 * s, y0: f.feetY - 0.87 * s, y1: f.feetY - 0.83 * s };
    const dark = (p: Pixels) => {
      let n = 0;
      let all = 0;
      for (let y = Math.floor(mouth.y0); y < mouth.y1; y++)
        for (let x = Math.floor(mouth.x0); x < mouth.x1; x++) {
          const i = (y * p.width + x) * 4;
          all++;
          if (0.2126 * p.data[i]! + 0.7152 * p.data[i + 1]! + 0.0722 * p.data[i + 2]! < 50) n++;
        }
      return n / all;
    };
    const silent = drawPixels(spec, 2);
    const talking = drawPixels(spec, 24);
    expect(dark(talking)).toBeGreaterThan(dark(silent) + 0.05);
    // the rest of the picture holds still (only dust motes drift)
    expect(meanLuma(talking, { x0: 0, y0: 0, x1: 1280, y1: 100 })).toBeCloseTo(meanLuma(silent, { x0: 0, y0: 0, x1: 1280, y1: 100 }), 1);
  });
});

describe("a robot", () => {
  const KIP = { ...BRANN, seed: 31, face: { shape: "square" as const, skin: "#b8bec6" }, eyes: { color: "#52d6f4" }, hair: { style: "bald" as const, color: "#6a6f76" }, marks: [], body: "robot" as const };
  const scene = (framing: ShotSpec["framing"], mouthOpen: boolean) =>
    makeShotSpec({
      framing,
      seconds: 1,
      place: field("afternoon"),
      look: NATURAL,
      characters: [{ id: "kip", name: "Kip", identity: KIP, slot: 0 }],
      lines: mouthOpen ? [{ ...line("l1", "kip", "Hello.", 0, 1), envelope: new Array(24).fill(1) }] : [],
    });

  it("is drawn as a machine: plating, no skin or hair, and eyes that glow in its eye colour, at every framing", () => {
    for (const framing of ["wide", "medium", "close-up"] as const) {
      const spec = scene(framing, false);
      const p = drawPixels(spec);
      const r = regionOf(spec, "kip");
      const g = prepareShot(spec).figureGrade;
      expect(shareNear(p, r, g.litRgb(KIP.face.skin), 20), `${framing}: plating`).toBeGreaterThan(0.01);
      // A person's skin tone (Brann's) is nowhere on it.
      expect(shareNear(p, r, g.litRgb(BRANN.face.skin), 10), `${framing}: skin`).toBeLessThan(0.002);
    }
    const close = scene("close-up", false);
    const p = drawPixels(close);
    const r = regionOf(close, "kip");
    // The eyes' light: the eye colour glowing, paler than the colour itself ((82, 214, 244) lit is a
    // person's iris; a lamp of it is whiter).
    let glow = 0;
    for (let y = Math.floor(r.y0); y < r.y1; y++)
      for (let x = Math.floor(r.x0); x < r.x1; x++) {
        const i = (y * p.width + x) * 4;
        if (p.data[i]! > 130 && p.data[i]! < p.data[i + 2]! - 40 && p.data[i + 1]! > 215 && p.data[i + 2]! > 230) glow++;
      }
    expect(glow).toBeGreaterThan(200);
  });

  it("lights its grille when it speaks", () => {
    const lightIn = (p: Pixels, r: Region) => {
      let n = 0;
      for (let y = Math.floor(r.y0); y < r.y1; y++)
        for (let x = Math.floor(r.x0); x < r.x1; x++) {
          const i = (y * p.width + x) * 4;
          if (p.data[i + 2]! > 200 && p.data[i + 1]! > 180 && p.data[i]! < p.data[i + 2]! - 40) n++;
        }
      return n;
    };
    const silent = scene("close-up", false);
    const talking = scene("close-up", true);
    const f = prepareShot(silent).layout.figures[0]!;
    const s = f.unit * f.character.identity.height;
    // the lower half of the head, where the grille is
    const mouth: Region = { x0: f.x - 0.06 * s, x1: f.x + 0.06 * s, y0: f.feetY - 0.89 * s, y1: f.feetY - 0.82 * s };
    expect(lightIn(drawPixels(talking, 12), mouth)).toBeGreaterThan(lightIn(drawPixels(silent, 12), mouth) + 100);
  });
});

describe("detail shots", () => {
  it("show the thing the action names: a lantern glows in the dark, where a plain box does not", () => {
    const night = { name: "The lighthouse", kind: "beach" as const, interior: false, timeOfDay: "night" as const, weather: "clear" as const, mood: "calm", seed: 7 };
    const centre: Region = { x0: 560, y0: 320, x1: 720, y1: 460 };
    const lantern = drawPixels(makeShotSpec({ framing: "insert", seconds: 0.5, place: night, action: "Detail: the lantern, as the scene goes quiet." }));
    const box = drawPixels(makeShotSpec({ framing: "insert", seconds: 0.5, place: night, action: "Detail: what is left behind, as the scene goes quiet." }));
    expect(meanLuma(lantern, centre)).toBeGreaterThan(meanLuma(box, centre) + 60);
  });
});

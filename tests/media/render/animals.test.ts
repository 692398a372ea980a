import { describe, expect, it } from "vitest";
import type { ShotSpec } from "../../../lib/plan/specs";
import type { Identity } from "../../../lib/screenplay/schema";
import { SPECIES } from "../../../lib/screenplay/schema";
import { SPECIES_HEIGHT } from "../../../lib/screenplay/species";
import { prepareShot } from "../../../lib/render/prepare-shot";
import { figureBox, ridersIn } from "../../../lib/render/shot-layout";
import { drawPixels, shareNear, type Pixels, type Region } from "./frame-helpers";
import { BRANN, character, ELARA, line, makeShotSpec, NATURAL } from "./make-shot-spec";

const meadow: ShotSpec["place"] = { name: "The meadow", kind: "field", interior: false, timeOfDay: "afternoon", weather: "clear", mood: "calm", seed: 9 };

/** Coats no field or person here comes near: a blue dog is easy to find. */
function animal(species: Identity["species"], seed = 5): Identity {
  return {
    ...ELARA,
    seed,
    body: "animal",
    species,
    face: { shape: "oval", skin: "#3050d0" },
    hair: { style: "short", color: "#d03090" },
    eyes: { color: "#f0e020" },
    build: "average",
    height: SPECIES_HEIGHT[species!],
    marks: [],
  };
}

/** The bounding box of a region's pixels near a colour. */
function extentNear(p: Pixels, r: Region, rgb: readonly number[], tolerance: number): { w: number; h: number; n: number; cy: number } {
  let x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity, n = 0, sy = 0;
  for (let y = Math.max(0, Math.floor(r.y0)); y < Math.min(p.height, r.y1); y++)
    for (let x = Math.max(0, Math.floor(r.x0)); x < Math.min(p.width, r.x1); x++) {
      const i = (y * p.width + x) * 4;
      if (Math.abs(p.data[i]! - rgb[0]!) + Math.abs(p.data[i + 1]! - rgb[1]!) + Math.abs(p.data[i + 2]! - rgb[2]!) > tolerance) continue;
      x0 = Math.min(x0, x); x1 = Math.max(x1, x); y0 = Math.min(y0, y); y1 = Math.max(y1, y);
      n++;
      sy += y;
    }
  return n ? { w: x1 - x0 + 1, h: y1 - y0 + 1, n, cy: sy / n } : { w: 0, h: 0, n: 0, cy: 0 };
}

const whole = { x0: 0, y0: 0, x1: 1280, y1: 720 };

describe("animals", () => {
  it("draws every species in profile, in its own coat, on four legs (a cat sits)", () => {
    for (const species of SPECIES) {
      const id = animal(species);
      const spec = makeShotSpec({ framing: species === "dragon" || species === "horse" ? "wide" : "full", place: meadow, look: NATURAL, seconds: 0.5, characters: [character("elara", "Elara", ELARA, 0), character("pet", "Pet", id, 1)] });
      const shot = prepareShot(spec);
      const p = drawPixels(spec);
      const coat = extentNear(p, whole, shot.figureGrade.litRgb(id.face.skin), 30);
      expect(coat.n, species).toBeGreaterThan(400);
      // Elara stands upright (her top is narrow and tall); an animal on four legs is as long as it is tall.
      const elara = extentNear(p, figureBox(shot.layout.figures.find((f) => f.id === "elara")!, 720), shot.figureGrade.litRgb(ELARA.wardrobe.top), 24);
      if (species === "cat") expect(coat.h).toBeGreaterThan(coat.w);
      else expect(coat.w / coat.h, species).toBeGreaterThan(Math.max(0.75, 1.5 * (elara.w / elara.h)));
      // It stands on the ground beside Elara, not on her: its box and hers barely meet.
      const box = figureBox(shot.layout.figures.find((f) => f.id === "pet")!, 720);
      expect(box.y1, species).toBeCloseTo(shot.layout.figures.find((f) => f.id === "elara")!.feetY, 0);
    }
  });

  it("frames an animal's eye in a close-up as it would a person's, its coat filling the frame", () => {
    for (const species of ["cat", "horse", "dragon"] as const) {
      const id = animal(species);
      const spec = makeShotSpec({ framing: "close-up", place: meadow, look: NATURAL, seconds: 0.5, characters: [character("pet", "Pet", id, 0)] });
      const shot = prepareShot(spec);
      const p = drawPixels(spec);
      expect(shareNear(p, whole, shot.figureGrade.litRgb(id.face.skin), 30), species).toBeGreaterThan(0.1);
      const eye = extentNear(p, whole, shot.figureGrade.litRgb(id.eyes.color), 40);
      if (species !== "horse") {
        // the iris is big and sits on the close-up's eye line (0.42 of the frame)
        expect(eye.n, species).toBeGreaterThan(150);
        expect(Math.abs(eye.cy - 0.42 * 720), species).toBeLessThan(30);
      }
    }
  });

  it("keeps people in front: a horse beside Elara does not cover her face", () => {
    const horse = animal("horse");
    const alone = makeShotSpec({ framing: "medium", place: meadow, look: NATURAL, seconds: 0.5, characters: [character("elara", "Elara", ELARA, 0)] });
    const both = makeShotSpec({ ...alone, characters: [character("elara", "Elara", ELARA, 0), character("horse", "Horse", horse, 1)] });
    const face = (spec: ShotSpec) => {
      const f = prepareShot(spec).layout.figures.find((x) => x.id === "elara")!;
      const s = f.unit * ELARA.height;
      return shareNear(drawPixels(spec), { x0: f.x - 0.06 * s, y0: f.feetY - 0.97 * s, x1: f.x + 0.06 * s, y1: f.feetY - 0.84 * s }, prepareShot(spec).figureGrade.litRgb(ELARA.face.skin), 24);
    };
    const a = face(alone);
    expect(a).toBeGreaterThan(0.2);
    expect(face(both)).toBeGreaterThan(a * 0.8);
  });

  it("frames a two-shot of a person and a dog head to toe, so the dog is in it", () => {
    const dog = animal("dog");
    const spec = makeShotSpec({ framing: "two-shot", place: meadow, look: NATURAL, seconds: 0.5, characters: [character("elara", "Elara", ELARA, 0), character("dog", "Rex", dog, 1)] });
    const shot = prepareShot(spec);
    expect(extentNear(drawPixels(spec), whole, shot.figureGrade.litRgb(dog.face.skin), 30).n).toBeGreaterThan(2000);
    const elara = shot.layout.figures.find((f) => f.id === "elara")!;
    expect(elara.feetY).toBeLessThanOrEqual(720);
  });

  it("puts a rider on horseback in a wide shot: on the film's horse when it is there, else on one of their own", () => {
    const people = [character("elara", "Elara", ELARA, 0), character("brann", "Brann", BRANN, 1)];
    const wide = (action: string, characters = people) => makeShotSpec({ framing: "wide", place: meadow, look: NATURAL, seconds: 0.5, characters, action });
    expect(ridersIn("Main street, sunset. Elara riding off at sunset.", people).map((c) => c.id)).toEqual(["elara"]);
    expect(ridersIn("Elara and Brann ride into town.", people).map((c) => c.id)).toEqual(["elara", "brann"]);
    expect(ridersIn("Elara waits. Brann rides in.", people).map((c) => c.id)).toEqual(["brann"]);
    expect(ridersIn("Elara pride of the town.", people)).toEqual([]);
    const standing = prepareShot(wide("Elara and Brann wait.")).layout.figures;
    const riding = prepareShot(wide("Elara riding off at sunset.")).layout;
    const elara = riding.figures.find((f) => f.id === "elara")!;
    expect(elara.rides).toBeDefined();
    // in the saddle: a good way above where she stood, on a horse of her own that is the same in every shot
    expect(standing.find((f) => f.id === "elara")!.feetY - elara.feetY).toBeGreaterThan(0.25 * elara.unit);
    const horse = riding.figures.find((f) => f.id === "elara-horse")!;
    expect(horse.character.identity).toEqual(prepareShot(makeShotSpec({ ...wide("Elara rides home."), framing: "extreme-wide" })).layout.figures.find((f) => f.id === "elara-horse")!.character.identity);
    expect(riding.figures.indexOf(horse)).toBeLessThan(riding.figures.indexOf(elara));
    // Dusty, the film's horse, carries Brann and is not also standing beside him
    const dusty = animal("horse");
    const own = prepareShot(wide("Brann rides Dusty across the plain.", [character("brann", "Brann", BRANN, 0), character("dusty", "Dusty", dusty, 1)])).layout.figures;
    expect(own.map((f) => f.id)).toEqual(["dusty", "brann"]);
    const p = drawPixels(wide("Brann rides Dusty across the plain.", [character("brann", "Brann", BRANN, 0), character("dusty", "Dusty", dusty, 1)]));
    const b = own[1]!;
    // his coat above the saddle, Dusty's coat under him
    const g = prepareShot(wide("Brann rides Dusty.")).figureGrade;
    const below = { x0: b.x - 0.3 * b.unit, y0: b.feetY, x1: b.x + 0.3 * b.unit, y1: b.feetY + 0.4 * b.unit };
    expect(shareNear(p, below, g.litRgb(dusty.face.skin), 30)).toBeGreaterThan(0.05);
    expect(shareNear(p, { ...below, y0: b.feetY - 0.8 * b.unit, y1: b.feetY - 0.5 * b.unit }, g.litRgb(BRANN.wardrobe.top), 30)).toBeGreaterThan(0.05);
  });

  it("opens the jaw with the speech, below the eye, and only there", () => {
    const dog = animal("dog");
    const quiet = makeShotSpec({ framing: "close-up", place: meadow, look: NATURAL, seconds: 1, characters: [character("dog", "Rex", dog, 0)] });
    const talking = makeShotSpec({ ...quiet, lines: [line("l1", "dog", "Woof, I mean hello.", 0, 1)] });
    const frame = 3; // the test line's envelope is wide open here
    const a = drawPixels(quiet, frame);
    const b = drawPixels(talking, frame);
    let changed = 0;
    let above = 0;
    const eyeY = 0.42 * 720;
    for (let i = 0; i < a.data.length; i += 4) {
      if (Math.abs(a.data[i]! - b.data[i]!) + Math.abs(a.data[i + 1]! - b.data[i + 1]!) + Math.abs(a.data[i + 2]! - b.data[i + 2]!) < 30) continue;
      changed++;
      if (Math.floor(i / 4 / 1280) < eyeY) above++;
    }
    expect(changed).toBeGreaterThan(2000);
    expect(above / changed).toBeLessThan(0.05);
  });

  it("shows the animal an insert names ('Ada's stolen mule'), not a box", () => {
    const insert = (action: string) => makeShotSpec({ framing: "insert", place: meadow, look: NATURAL, seconds: 0.5, characters: [], action });
    const mule = insert("Detail: Ada's stolen mule, as the scene goes quiet.");
    const shot = prepareShot(mule);
    const coat = shot.figureGrade.litRgb("#8a7a68");
    const p = drawPixels(mule);
    const body = extentNear(p, whole, coat, 30);
    expect(body.n).toBeGreaterThan(20000);
    expect(body.w / body.h).toBeGreaterThan(0.8);
    expect(extentNear(drawPixels(insert("Detail: the letter on the table.")), whole, coat, 30).n).toBeLessThan(body.n / 10);
  });
});

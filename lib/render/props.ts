/** Insert shots show a detail: a prop chosen from the shot's action words, in the subject's accent colour. */
import type { ShotSpec } from "../plan/specs";
import type { Identity } from "../screenplay/schema";
import { speciesNamed, type Species } from "../screenplay/species";
import { animalExtent } from "./character/draw-animal";
import { drawFace } from "./character/draw-face";
import { drawFigure } from "./character/draw-figure";
import { NEUTRAL } from "./expression";
import { shade, tint } from "./color";
import type { Grade } from "./grade";
import type { Ctx } from "./places/place-context";

type PropKind = "letter" | "key" | "glass" | "device" | "ring" | "weapon" | "lantern" | "box";

const WORDS: [RegExp, PropKind][] = [
  [/\b(lantern|lamp|candle|torch)\b/i, "lantern"],
  [/\b(letter|note|map|paper|page|book|photo|envelope|document|diary)\b/i, "letter"],
  [/\b(key|keys|lock)\b/i, "key"],
  [/\b(glass|drink|cup|bottle|whisk(e)?y|wine|coffee|tea)\b/i, "glass"],
  [/\b(phone|chip|drive|device|screen|terminal|tablet|card|data)\b/i, "device"],
  [/\b(ring|coin|jewel|gem|necklace|amulet|locket)\b/i, "ring"],
  [/\b(gun|pistol|revolver|knife|sword|blade|dagger)\b/i, "weapon"],
];

function propWord(action: string): PropKind | undefined {
  for (const [re, kind] of WORDS) if (re.test(action)) return kind;
  return undefined;
}

export function propFor(action: string): PropKind {
  return propWord(action) ?? "box";
}

/** An animal in a detail shot ("Detail: Ada's stolen mule"): the film's own if it has one, else a plain one. */
function drawAnimalDetail(ctx: Ctx, spec: ShotSpec, species: Species, grade: Grade, W: number, H: number): void {
  const own = spec.characters.find((c) => c.identity.body === "animal" && c.identity.species === species)?.identity;
  const [coat, hair] = DEFAULT_COATS[species];
  const id: Identity = own ?? {
    seed: spec.seed,
    face: { shape: "oval", skin: coat },
    eyes: { color: "#6a4a20" },
    hair: { style: "short", color: hair },
    build: "average",
    height: 1,
    wardrobe: { description: species, top: "#6a4a3a", bottom: "#3a3a3a", accent: "#7a4a2a", headwear: "none" },
    marks: [],
    body: "animal",
    species,
  };
  const e = animalExtent(id, "body");
  const s = Math.min((W * 0.7) / (e.left + e.right), (H * 0.75) / e.top);
  ctx.save();
  ctx.translate(W / 2, H * 0.9);
  ctx.scale(s, s);
  const facing = spec.seed % 2 ? 0.6 : -0.6;
  drawFigure(ctx, id, grade, { back: false, facing, centre: "body" });
  drawFace(ctx, id, grade, { mouth: 0, expression: NEUTRAL, blink: 0, facing, centre: "body" });
  ctx.restore();
}

const DEFAULT_COATS: Record<Species, [string, string]> = {
  dog: ["#a87a4a", "#5a3a20"],
  cat: ["#8a8a90", "#5a5a60"],
  fox: ["#d0642a", "#f0f0f0"],
  wolf: ["#808088", "#404048"],
  horse: ["#7a4a2a", "#1a1410"],
  mule: ["#8a7a68", "#3a3028"],
  dragon: ["#3a7a4a", "#8a3a2a"],
};

export function drawProp(ctx: Ctx, spec: ShotSpec, grade: Grade, W: number, H: number): void {
  const species = speciesNamed(spec.action);
  if (species && !propWord(spec.action)) return drawAnimalDetail(ctx, spec, species, grade, W, H);
  const accent = spec.characters[0]?.identity.wardrobe.accent ?? "#c8a040";
  const cx = W / 2;
  const cy = H * 0.55;
  // a surface for the prop to rest on
  ctx.fillStyle = "rgba(0,0,0,0.28)";
  ctx.beginPath();
  ctx.ellipse(cx, cy + 150, W * 0.3, 50, 0, 0, Math.PI * 2);
  ctx.fill();
  const kind = propFor(spec.action);
  ctx.lineCap = "round";
  switch (kind) {
    case "letter":
      ctx.save();
      ctx.translate(cx, cy + 40);
      ctx.rotate(-0.12);
      ctx.fillStyle = grade.lit("#efe6cf");
      ctx.fillRect(-200, -130, 400, 260);
      ctx.strokeStyle = grade.lit("#5a5a6a", 0.7);
      ctx.lineWidth = 4;
      for (let y = -90; y < 110; y += 32) {
        ctx.beginPath();
        ctx.moveTo(-160, y);
        ctx.lineTo(120 - ((y * 7) % 60), y);
        ctx.stroke();
      }
      ctx.restore();
      break;
    case "key":
      ctx.strokeStyle = grade.lit("#c8a040");
      ctx.lineWidth = 22;
      ctx.beginPath();
      ctx.arc(cx - 120, cy, 60, 0, Math.PI * 2);
      ctx.moveTo(cx - 60, cy);
      ctx.lineTo(cx + 200, cy);
      ctx.moveTo(cx + 150, cy);
      ctx.lineTo(cx + 150, cy + 50);
      ctx.moveTo(cx + 190, cy);
      ctx.lineTo(cx + 190, cy + 40);
      ctx.stroke();
      break;
    case "glass":
      ctx.fillStyle = grade.lit("#b06a20", 0.8);
      ctx.fillRect(cx - 80, cy - 20, 160, 140);
      ctx.strokeStyle = grade.emit("#ffffff", 0.6);
      ctx.lineWidth = 6;
      ctx.strokeRect(cx - 90, cy - 120, 180, 250);
      ctx.fillStyle = grade.emit("#ffffff", 0.25);
      ctx.fillRect(cx - 70, cy - 110, 18, 220);
      break;
    case "device":
      ctx.fillStyle = grade.lit("#1a1c22");
      ctx.beginPath();
      ctx.roundRect(cx - 120, cy - 200, 240, 400, 26);
      ctx.fill();
      ctx.fillStyle = grade.emit(tint(accent, 0.3));
      ctx.fillRect(cx - 100, cy - 170, 200, 330);
      ctx.fillStyle = grade.emit("#ffffff", 0.8);
      for (let i = 0; i < 6; i++) ctx.fillRect(cx - 80, cy - 140 + i * 40, 110 + ((i * 37) % 50), 12);
      break;
    case "ring":
      ctx.strokeStyle = grade.lit("#e0b030");
      ctx.lineWidth = 26;
      ctx.beginPath();
      ctx.ellipse(cx, cy + 30, 120, 60, 0, 0, Math.PI * 2);
      ctx.stroke();
      ctx.fillStyle = grade.emit(tint(accent, 0.2));
      ctx.beginPath();
      ctx.moveTo(cx, cy - 90);
      ctx.lineTo(cx + 40, cy - 40);
      ctx.lineTo(cx, cy - 10);
      ctx.lineTo(cx - 40, cy - 40);
      ctx.fill();
      break;
    case "weapon":
      ctx.fillStyle = grade.lit("#2a2a2e");
      ctx.fillRect(cx - 220, cy - 30, 330, 60);
      ctx.fillStyle = grade.lit(shade("#5a3a22", 1));
      ctx.beginPath();
      ctx.moveTo(cx + 60, cy);
      ctx.lineTo(cx + 150, cy);
      ctx.lineTo(cx + 190, cy + 160);
      ctx.lineTo(cx + 110, cy + 170);
      ctx.fill();
      break;
    case "lantern": {
      // a storm lantern: glow, a glass globe with a flame, a metal cap, frame and handle
      const metal = "#2e2a26";
      const glowR = ctx.createRadialGradient(cx, cy + 20, 10, cx, cy + 20, 300);
      glowR.addColorStop(0, grade.emit("#ffcf70", 0.45));
      glowR.addColorStop(1, grade.emit("#ffcf70", 0));
      ctx.fillStyle = glowR;
      ctx.fillRect(cx - 300, cy - 280, 600, 600);
      ctx.fillStyle = grade.emit("#fff0c0", 0.85);
      ctx.beginPath();
      ctx.ellipse(cx, cy + 20, 85, 105, 0, 0, Math.PI * 2);
      ctx.fill();
      ctx.fillStyle = grade.emit("#ffb040");
      ctx.beginPath();
      ctx.moveTo(cx, cy - 35);
      ctx.quadraticCurveTo(cx + 24, cy + 20, cx, cy + 50);
      ctx.quadraticCurveTo(cx - 24, cy + 20, cx, cy - 35);
      ctx.fill();
      ctx.fillStyle = grade.lit(metal);
      ctx.fillRect(cx - 110, cy + 115, 220, 36);
      ctx.beginPath();
      ctx.moveTo(cx - 100, cy - 80);
      ctx.lineTo(cx, cy - 150);
      ctx.lineTo(cx + 100, cy - 80);
      ctx.closePath();
      ctx.fill();
      ctx.strokeStyle = grade.lit(metal);
      ctx.lineWidth = 10;
      for (const dx of [-95, 95]) {
        ctx.beginPath();
        ctx.moveTo(cx + dx, cy - 80);
        ctx.lineTo(cx + dx, cy + 118);
        ctx.stroke();
      }
      ctx.beginPath();
      ctx.arc(cx, cy - 150, 70, Math.PI * 1.1, Math.PI * 1.9);
      ctx.stroke();
      break;
    }
    default:
      ctx.fillStyle = grade.lit(accent);
      ctx.fillRect(cx - 150, cy - 80, 300, 200);
      ctx.fillStyle = grade.lit(shade(accent, 0.7));
      ctx.fillRect(cx - 150, cy - 80, 300, 40);
  }
}

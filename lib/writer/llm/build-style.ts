import type { Look, Palette, Style } from "../../screenplay/schema";
import { clipText } from "./clip-text";
import type { Premise } from "./level-schemas";

type Grade = Pick<Look, "brightness" | "contrast" | "saturation" | "grain" | "vignette">;

const PALETTE_GRADE: Record<Palette, Grade> = {
  natural: { brightness: 0, contrast: 1, saturation: 1, grain: 0.1, vignette: 0.15 },
  noir: { brightness: -0.2, contrast: 1.5, saturation: 0.3, grain: 0.35, vignette: 0.5 },
  cyberpunk: { brightness: -0.15, contrast: 1.25, saturation: 1.4, grain: 0.15, vignette: 0.35 },
  western: { brightness: 0.05, contrast: 1.15, saturation: 0.9, grain: 0.3, vignette: 0.3 },
  horror: { brightness: -0.3, contrast: 1.3, saturation: 0.6, grain: 0.3, vignette: 0.55 },
  romance: { brightness: 0.1, contrast: 0.9, saturation: 1.1, grain: 0.1, vignette: 0.2 },
  scifi: { brightness: 0, contrast: 1.1, saturation: 0.85, grain: 0.05, vignette: 0.2 },
  eighties: { brightness: 0.05, contrast: 1.1, saturation: 1.35, grain: 0.4, vignette: 0.2 },
  fantasy: { brightness: 0.05, contrast: 1.05, saturation: 1.2, grain: 0.1, vignette: 0.3 },
  bleach: { brightness: -0.05, contrast: 1.45, saturation: 0.45, grain: 0.25, vignette: 0.3 },
};

/** The film's style from the premise: the palette's grade, lens and stock words in the idea or references. */
export function buildStyle(premise: Premise, idea: string): Style {
  const words = `${idea} ${premise.references.join(" ")} ${premise.tone}`.toLowerCase();
  const grade = { ...PALETTE_GRADE[premise.palette] };
  if (/\b(35 ?mm|16 ?mm|super ?8|film grain|grainy)\b/.test(words)) grade.grain = Math.max(grade.grain, /16 ?mm|super ?8/.test(words) ? 0.55 : 0.4);
  const anamorphic = /\banamorphic\b|2\.39|cinemascope/.test(words);
  const blackAndWhite = /\bblack[- ]and[- ]white\b|\bb ?& ?w\b|\bmonochrome\b/.test(words);
  const tempo = Math.round(premise.music.tempo);
  const instruments = premise.music.instruments.map((i) => clipText(i, 30, "")).filter(Boolean).slice(0, 6);
  return {
    genre: clipText(premise.genre, 40, "drama"),
    tone: clipText(premise.tone, 60, "earnest"),
    references: premise.references.map((r) => clipText(r, 80, "")).filter(Boolean).slice(0, 8),
    look: { palette: premise.palette, aspect: anamorphic ? "2.39" : "16:9", ...grade, anamorphic, blackAndWhite },
    music: {
      key: premise.music.key,
      mode: premise.music.mode,
      tempo: Number.isFinite(tempo) ? Math.min(200, Math.max(40, tempo)) : 90,
      instruments: instruments.length ? instruments : ["strings", "piano"],
    },
  };
}

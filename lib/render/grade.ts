/**
 * The grade of a shot as a colour function: every colour the renderer paints passes through it, so
 * lighting (time of day, weather), the palette and the look (brightness, contrast, saturation,
 * black-and-white) cost nothing per frame. Lit colours (surfaces, people) take the scene's light;
 * emitted colours (lamps, neon, sun, screens, windows at night) skip it and only take the grade.
 */
import type { Look, Palette, TimeOfDay, Weather } from "../screenplay/schema";
import type { PlaceSpec } from "../plan/specs";
import { css, toRgb, type Color, type RGB } from "./color";

export interface Grade {
  /** A lit surface colour, as CSS. */
  lit(c: Color, alpha?: number): string;
  /** An emitted colour (light sources), as CSS. */
  emit(c: Color, alpha?: number): string;
  litRgb(c: Color): RGB;
  emitRgb(c: Color): RGB;
  /** How dark the scene is (0 = bright day, 1 = deep night): drawing code uses it to switch lights on. */
  darkness: number;
  look: Look;
}

type Triple = [number, number, number];

const DAYLIGHT: Record<TimeOfDay, { light: Triple; darkness: number }> = {
  dawn: { light: [0.78, 0.74, 0.9], darkness: 0.35 },
  morning: { light: [1.0, 0.98, 0.94], darkness: 0 },
  midday: { light: [1.05, 1.05, 1.04], darkness: 0 },
  afternoon: { light: [1.02, 0.97, 0.88], darkness: 0.05 },
  "golden-hour": { light: [1.1, 0.84, 0.6], darkness: 0.15 },
  dusk: { light: [0.7, 0.55, 0.62], darkness: 0.5 },
  "blue-hour": { light: [0.42, 0.48, 0.75], darkness: 0.7 },
  night: { light: [0.26, 0.3, 0.48], darkness: 1 },
};

/** How dark it is outside at this time of day (0 day .. 1 night): what a window or skylight shows, indoors too. */
export function outdoorDarkness(timeOfDay: TimeOfDay): number {
  return DAYLIGHT[timeOfDay].darkness;
}

const INTERIOR: Record<TimeOfDay, Triple> = {
  dawn: [0.8, 0.78, 0.85],
  morning: [0.95, 0.93, 0.9],
  midday: [0.98, 0.96, 0.93],
  afternoon: [0.96, 0.9, 0.82],
  "golden-hour": [1.0, 0.82, 0.62],
  dusk: [0.82, 0.68, 0.58],
  "blue-hour": [0.72, 0.62, 0.56],
  night: [0.68, 0.56, 0.44],
};

const WEATHER_LIGHT: Record<Weather, { gain: number; sat: number }> = {
  clear: { gain: 1, sat: 1 },
  cloudy: { gain: 0.88, sat: 0.8 },
  rain: { gain: 0.78, sat: 0.72 },
  storm: { gain: 0.62, sat: 0.6 },
  snow: { gain: 0.95, sat: 0.75 },
  fog: { gain: 0.9, sat: 0.6 },
  wind: { gain: 0.97, sat: 0.95 },
  dust: { gain: 0.9, sat: 0.8 },
};

interface PaletteGrade {
  gain: Triple;
  shadows: Triple;
  highlights: Triple;
  sat: number;
  contrast: number;
  lift: number;
}

const N: Triple = [0, 0, 0];
const PALETTES: Record<Palette, PaletteGrade> = {
  natural: { gain: [1, 1, 1], shadows: N, highlights: N, sat: 1, contrast: 1, lift: 0 },
  noir: { gain: [1, 1, 1], shadows: N, highlights: N, sat: 0.12, contrast: 1.3, lift: 0 },
  cyberpunk: { gain: [1.02, 0.92, 1.08], shadows: [0, 0.03, 0.09], highlights: [0.07, -0.03, 0.06], sat: 1.25, contrast: 1.12, lift: 0 },
  western: { gain: [1.1, 0.96, 0.74], shadows: [0.04, 0.01, -0.02], highlights: [0.05, 0.02, -0.04], sat: 0.9, contrast: 1.08, lift: 0.01 },
  horror: { gain: [0.88, 1.0, 0.86], shadows: [-0.01, 0.03, 0.01], highlights: [0, 0.02, -0.02], sat: 0.55, contrast: 1.2, lift: -0.03 },
  romance: { gain: [1.07, 0.98, 0.92], shadows: [0.03, 0.0, 0.02], highlights: [0.04, 0.02, 0.0], sat: 1.05, contrast: 0.9, lift: 0.04 },
  scifi: { gain: [0.9, 1.02, 1.08], shadows: [-0.02, 0.03, 0.06], highlights: [0.02, 0.03, 0.04], sat: 0.95, contrast: 1.05, lift: 0 },
  eighties: { gain: [1.06, 0.98, 1.0], shadows: [0.02, 0, 0.06], highlights: [0.06, 0.03, -0.02], sat: 1.35, contrast: 1.08, lift: 0.02 },
  fantasy: { gain: [1.02, 1.0, 1.06], shadows: [0.02, 0, 0.05], highlights: [0.04, 0.04, 0.0], sat: 1.18, contrast: 1.02, lift: 0.02 },
  bleach: { gain: [1, 1, 1], shadows: N, highlights: N, sat: 0.42, contrast: 1.35, lift: 0 },
};

/**
 * `subject`: the grade for the people in the scene, who get a key light of their own, so they stay
 * readable at night while keeping the scene's colour of light.
 */
export function makeGrade(look: Look, place: Pick<PlaceSpec, "timeOfDay" | "weather" | "interior">, options: { subject?: boolean } = {}): Grade {
  const day = DAYLIGHT[place.timeOfDay];
  const weather = WEATHER_LIGHT[place.weather];
  const base: Triple = place.interior ? INTERIOR[place.timeOfDay] : day.light;
  const key = options.subject ? 0.5 : 0;
  const light: Triple = [base[0] + (0.95 - base[0]) * key * Math.max(0, 1 - base[0]), base[1] + (0.92 - base[1]) * key * Math.max(0, 1 - base[1]), base[2] + (0.9 - base[2]) * key * Math.max(0, 1 - base[2])];
  const wGain = place.interior ? 1 - (1 - weather.gain) * 0.3 : weather.gain;
  const wSat = place.interior ? 1 : weather.sat;
  const pal = PALETTES[look.palette];
  const sat = look.blackAndWhite ? 0 : pal.sat * look.saturation;
  const contrast = pal.contrast * look.contrast;
  const bright = look.brightness * 0.22 + pal.lift;

  const finish = (r: number, g: number, b: number): RGB => {
    // palette colour balance (split toning by luminance)
    r *= pal.gain[0];
    g *= pal.gain[1];
    b *= pal.gain[2];
    const y0 = 0.2126 * r + 0.7152 * g + 0.0722 * b;
    const sh = Math.max(0, 1 - y0 * 2);
    const hi = Math.max(0, y0 * 2 - 1);
    r += pal.shadows[0] * sh + pal.highlights[0] * hi;
    g += pal.shadows[1] * sh + pal.highlights[1] * hi;
    b += pal.shadows[2] * sh + pal.highlights[2] * hi;
    // saturation
    const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
    r = y + (r - y) * sat;
    g = y + (g - y) * sat;
    b = y + (b - y) * sat;
    // contrast about mid grey, then brightness
    r = (r - 0.5) * contrast + 0.5 + bright;
    g = (g - 0.5) * contrast + 0.5 + bright;
    b = (b - 0.5) * contrast + 0.5 + bright;
    if (look.blackAndWhite) {
      const v = Math.min(1, Math.max(0, 0.2126 * r + 0.7152 * g + 0.0722 * b));
      return [v * 255, v * 255, v * 255];
    }
    return [r * 255, g * 255, b * 255];
  };

  const litCache = new Map<string, RGB>();
  const emitCache = new Map<string, RGB>();
  const litRgb = (c: Color): RGB => {
    const k = typeof c === "string" ? c : c.join(",");
    let v = litCache.get(k);
    if (!v) {
      const x = toRgb(c);
      let r = (x[0] / 255) * light[0] * wGain;
      let g = (x[1] / 255) * light[1] * wGain;
      let b = (x[2] / 255) * light[2] * wGain;
      const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
      r = y + (r - y) * wSat;
      g = y + (g - y) * wSat;
      b = y + (b - y) * wSat;
      v = finish(r, g, b);
      litCache.set(k, v);
    }
    return v;
  };
  const emitRgb = (c: Color): RGB => {
    const k = typeof c === "string" ? c : c.join(",");
    let v = emitCache.get(k);
    if (!v) {
      const x = toRgb(c);
      v = finish(x[0] / 255, x[1] / 255, x[2] / 255);
      emitCache.set(k, v);
    }
    return v;
  };
  return {
    lit: (c, a = 1) => css(litRgb(c), a),
    emit: (c, a = 1) => css(emitRgb(c), a),
    litRgb,
    emitRgb,
    darkness: place.interior ? day.darkness * 0.5 : day.darkness,
    look,
  };
}

/** Colours as [r, g, b] in 0..255 (floats allowed), and the few operations the drawing code needs. */
export type RGB = readonly [number, number, number];
export type Color = string | RGB;

const cache = new Map<string, RGB>();

/** "#rrggbb" (or "#rgb") -> RGB. */
export function hexToRgb(hex: string): RGB {
  const hit = cache.get(hex);
  if (hit) return hit;
  let h = hex.startsWith("#") ? hex.slice(1) : hex;
  if (h.length === 3) h = h[0]! + h[0] + h[1] + h[1] + h[2] + h[2];
  if (!/^[0-9a-fA-F]{6}$/.test(h)) throw new Error(`not a colour: ${hex}`);
  const rgb: RGB = [parseInt(h.slice(0, 2), 16), parseInt(h.slice(2, 4), 16), parseInt(h.slice(4, 6), 16)];
  cache.set(hex, rgb);
  return rgb;
}

export function toRgb(c: Color): RGB {
  return typeof c === "string" ? hexToRgb(c) : c;
}

export function mix(a: Color, b: Color, t: number): RGB {
  const x = toRgb(a);
  const y = toRgb(b);
  return [x[0] + (y[0] - x[0]) * t, x[1] + (y[1] - x[1]) * t, x[2] + (y[2] - x[2]) * t];
}

/** Multiply brightness (f < 1 darker, f > 1 lighter; clamped later). */
export function shade(c: Color, f: number): RGB {
  const x = toRgb(c);
  return [x[0] * f, x[1] * f, x[2] * f];
}

/** Mix toward white (t > 0) or black (t < 0). */
export function tint(c: Color, t: number): RGB {
  return t >= 0 ? mix(c, [255, 255, 255], t) : mix(c, [0, 0, 0], -t);
}

export function clamp255(v: number): number {
  return v < 0 ? 0 : v > 255 ? 255 : Math.round(v);
}

export function css(c: RGB, alpha = 1): string {
  const r = clamp255(c[0]);
  const g = clamp255(c[1]);
  const b = clamp255(c[2]);
  if (alpha >= 1) return `rgb(${r},${g},${b})`;
  return `rgba(${r},${g},${b},${Math.max(0, Math.round(alpha * 1000) / 1000)})`;
}

/** Rec. 709 luma of an RGB colour (0..255). */
export function luma(c: RGB): number {
  return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
}

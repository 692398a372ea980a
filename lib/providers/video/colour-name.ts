/** A plain colour word for a #rrggbb colour (prompts read words, not hex). Pure. */
export function colourName(hex: string): string {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) return "neutral";
  const [r, g, b] = [m[1], m[2], m[3]].map((x) => parseInt(x!, 16) / 255) as [number, number, number];
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const l = (max + min) / 2;
  const d = max - min;
  const s = d === 0 ? 0 : d / (1 - Math.abs(2 * l - 1));
  if (s < 0.15 || d < 0.06) {
    if (l < 0.12) return "black";
    if (l < 0.35) return "dark grey";
    if (l < 0.7) return "grey";
    if (l < 0.92) return "light grey";
    return "white";
  }
  let h = 0;
  if (max === r) h = ((g - b) / d) % 6;
  else if (max === g) h = (b - r) / d + 2;
  else h = (r - g) / d + 4;
  h = (h * 60 + 360) % 360;
  // Browns are dark, not very saturated oranges and reds.
  if (h >= 10 && h < 50 && l < 0.45) return l < 0.22 ? "dark brown" : "brown";
  const hues: [number, string][] = [
    [12, "red"],
    [40, "orange"],
    [65, "yellow"],
    [165, "green"],
    [195, "teal"],
    [250, "blue"],
    [290, "purple"],
    [335, "pink"],
    [360, "red"],
  ];
  const name = hues.find(([limit]) => h < limit)![1];
  if (l < 0.25) return `dark ${name}`;
  if (l > 0.78) return `pale ${name}`;
  return name;
}

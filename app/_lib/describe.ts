/**
 * Words for what the screenplay stores as numbers and codes: colours, looks, voices, framings. Pure.
 */
import type { Character, Identity, Voice } from "../../lib/screenplay/schema";
import { builtInVoice } from "../../lib/speech/voices";

/** "#1a1a1a" -> "black", "#c0392b" -> "red", "#8b5a2b" -> "brown". */
export function colorName(hex: string): string {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
  if (!m) return "unknown";
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => parseInt(h, 16) / 255);
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const light = (max + min) / 2;
  const delta = max - min;
  const sat = delta === 0 ? 0 : delta / (1 - Math.abs(2 * light - 1));
  if (light < 0.12) return "black";
  if (light > 0.92) return "white";
  if (sat < 0.15 || delta < 0.06) {
    if (light < 0.3) return "charcoal";
    if (light < 0.55) return "grey";
    return light < 0.8 ? "silver" : "pale grey";
  }
  let hue = 0;
  if (max === r) hue = ((g - b) / delta) % 6;
  else if (max === g) hue = (b - r) / delta + 2;
  else hue = (r - g) / delta + 4;
  hue = (hue * 60 + 360) % 360;
  const dark = light < 0.3;
  if (hue < 15 || hue >= 345) return dark ? "maroon" : light > 0.75 ? "pink" : "red";
  if (hue < 45) return dark || light < 0.45 ? "brown" : light > 0.75 ? "peach" : "orange";
  if (hue < 65) return dark ? "olive" : light > 0.6 ? "blond" : "golden";
  if (hue < 160) return dark ? "dark green" : "green";
  if (hue < 200) return dark ? "dark teal" : "teal";
  if (hue < 255) return dark ? "navy" : light > 0.75 ? "pale blue" : "blue";
  if (hue < 290) return dark ? "deep purple" : "purple";
  return dark ? "plum" : "magenta";
}

const HAIR: Record<string, (color: string) => string> = {
  short: (c) => `short ${c} hair`,
  long: (c) => `long ${c} hair`,
  curly: (c) => `curly ${c} hair`,
  braid: (c) => `${c} hair in a braid`,
  bun: (c) => `${c} hair in a bun`,
  ponytail: (c) => `${c} ponytail`,
  buzz: (c) => `buzz-cut ${c} hair`,
  mohawk: (c) => `${c} mohawk`,
  bob: (c) => `${c} bob`,
  bald: () => "bald",
};

function hairColor(hex: string): string {
  const name = colorName(hex);
  if (name === "golden" || name === "peach" || name === "blond") return "blond";
  if (name === "orange") return lightness(hex) >= 0.55 ? "blond" : "copper";
  if (name === "red" || name === "maroon") return "auburn";
  if (name === "white" || name === "pale grey" || name === "silver") return "white";
  if (name === "charcoal") return "black";
  return name;
}

function lightness(hex: string): number {
  const v = [1, 3, 5].map((i) => parseInt(hex.replace("#", "").slice(i - 1, i + 1), 16) / 255);
  return (Math.max(...v) + Math.min(...v)) / 2;
}

/** "athletic build, short black hair, a scar; grey trench coat, fedora". */
export function describeLook(identity: Identity): string {
  const parts: string[] = [`${identity.build} build`];
  const hair = HAIR[identity.hair.style] ?? ((c: string) => `${identity.hair.style} ${c} hair`);
  parts.push(hair(hairColor(identity.hair.color)));
  parts.push(`${colorName(identity.eyes.color)} eyes`);
  if (identity.marks.length > 0) parts.push(identity.marks.join(", "));
  const wardrobe = identity.wardrobe.description.trim() || `${colorName(identity.wardrobe.top)} top`;
  const hat = identity.wardrobe.headwear === "none" ? "" : `, ${identity.wardrobe.headwear.replace(/-/g, " ")}`;
  return `${parts.join(", ")}; ${wardrobe}${hat}`;
}

/** "flite/rms, male American, +2 st, 1.10x". */
export function describeVoice(voice: Voice): string {
  const base = builtInVoice(voice.voiceId);
  const who = base ? `${base.gender} ${base.accent}` : voice.voiceId;
  const pitch = voice.pitch === 0 ? "natural pitch" : `${voice.pitch > 0 ? "+" : "−"}${formatNumber(Math.abs(voice.pitch))} st`;
  const rate = voice.rate === 1 ? "natural pace" : `${voice.rate.toFixed(2)}× pace`;
  return `${voice.voiceId} · ${who} · ${pitch} · ${rate}`;
}

function formatNumber(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}

/** "medium-close-up" -> "Medium close-up". */
export function humanize(code: string): string {
  const words = code.replace(/-/g, " ").replace(/\bclose up\b/g, "close-up");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** 83 -> "1:23". */
export function formatDuration(seconds: number | undefined): string {
  if (seconds === undefined || !Number.isFinite(seconds)) return "–";
  const total = Math.round(seconds);
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, "0")}`;
}

/** The character's name for a line's speaker id (the id itself when unknown). */
export function speakerName(characters: Pick<Character, "id" | "name">[], speakerId: string): string {
  return characters.find((c) => c.id === speakerId)?.name ?? speakerId;
}

/**
 * The prompt a video model gets for a shot, written from the ShotSpec alone: framing, camera move and
 * lens, the action, the place (location, time of day, weather, mood), the look, and every character's
 * locked description from their identity (so each take describes them the same way). Pure.
 */
import type { CharacterLook, ShotSpec } from "../../plan/specs";
import type { Identity, Look } from "../../screenplay/schema";
import { colourName } from "./colour-name";

export interface ShotPrompt {
  prompt: string;
  negativePrompt: string;
}

const FRAMING_WORDS: Record<ShotSpec["framing"], string> = {
  "extreme-wide": "Extreme wide shot",
  wide: "Wide shot",
  full: "Full shot",
  medium: "Medium shot",
  "two-shot": "Two-shot",
  "over-the-shoulder": "Over-the-shoulder shot",
  "medium-close-up": "Medium close-up",
  "close-up": "Close-up",
  "extreme-close-up": "Extreme close-up",
  insert: "Insert shot",
};

const MOVE_WORDS: Record<ShotSpec["camera"]["move"], string> = {
  static: "static locked-off camera",
  "push-in": "slow push-in",
  "pull-out": "slow pull-out",
  "pan-left": "camera pans left",
  "pan-right": "camera pans right",
  "tilt-up": "camera tilts up",
  "tilt-down": "camera tilts down",
  tracking: "tracking shot following the action",
  "crane-up": "crane shot rising",
  "crane-down": "crane shot descending",
  handheld: "handheld camera",
};

const PALETTE_WORDS: Record<Look["palette"], string> = {
  natural: "naturalistic colour",
  noir: "film noir, hard shadows",
  cyberpunk: "cyberpunk neon colour, magenta and cyan",
  western: "warm dusty western tones",
  horror: "cold desaturated horror tones",
  romance: "soft warm romantic light",
  scifi: "clean cool science-fiction palette",
  eighties: "1980s film look, saturated",
  fantasy: "rich painterly fantasy colour",
  bleach: "bleach-bypass, silvery low saturation",
};

const TIME_WORDS: Record<ShotSpec["place"]["timeOfDay"], string> = {
  dawn: "at dawn",
  morning: "in the morning",
  midday: "at midday",
  afternoon: "in the afternoon",
  "golden-hour": "at golden hour",
  dusk: "at dusk",
  "blue-hour": "at blue hour",
  night: "at night",
};

const WEATHER_WORDS: Record<ShotSpec["place"]["weather"], string> = {
  clear: "clear weather",
  cloudy: "overcast sky",
  rain: "rain falling",
  storm: "a storm raging",
  snow: "snow falling",
  fog: "thick fog",
  wind: "strong wind",
  dust: "dust in the air",
};

const MARK_WORDS: Record<Identity["marks"][number], string> = {
  scar: "a scar on the face",
  glasses: "glasses",
  beard: "a beard",
  mustache: "a mustache",
  eyepatch: "an eyepatch",
  freckles: "freckles",
  tattoo: "a visible tattoo",
  earring: "an earring",
  wrinkles: "a lined, weathered face",
};

function lensWords(mm: number): string {
  if (mm <= 20) return `${mm}mm ultra-wide lens`;
  if (mm <= 35) return `${mm}mm wide lens`;
  if (mm <= 60) return `${mm}mm normal lens`;
  if (mm <= 105) return `${mm}mm portrait lens, shallow depth of field`;
  return `${mm}mm telephoto lens, compressed background`;
}

/** One character's locked description: the same words in every shot they appear in. */
export function describeCharacter(c: Pick<CharacterLook, "name" | "identity">): string {
  const id = c.identity;
  if (id.body === "robot") {
    const robot = [
      `a ${id.build} robot`,
      `${colourName(id.face.skin)} metal plating`,
      `glowing ${colourName(id.eyes.color)} eyes`,
      `a grille for a mouth`,
      `${colourName(id.wardrobe.top)} body panels with ${colourName(id.wardrobe.accent)} lights`,
    ];
    return `${c.name}: ${robot.join(", ")}`;
  }
  if (id.body === "animal") {
    const species = id.species ?? "dog";
    const second = species === "dragon" ? "wings and spines" : species === "horse" || species === "mule" ? "mane and tail" : "markings";
    const worn = species === "horse" || species === "mule" ? `a ${colourName(id.wardrobe.accent)} bridle and saddle` : species === "dog" || species === "cat" ? `a ${colourName(id.wardrobe.accent)} collar` : "";
    const animal = [`a ${id.build} ${species}`, `a ${colourName(id.face.skin)} ${species === "dragon" ? "scaled hide" : "coat"}`, `${colourName(id.hair.color)} ${second}`, `${colourName(id.eyes.color)} eyes`, worn].filter(Boolean);
    return `${c.name}: ${animal.join(", ")}`;
  }
  const hair = id.hair.style === "bald" ? "a bald head" : `${colourName(id.hair.color)} ${id.hair.style} hair`;
  const parts = [
    `${id.build} build`,
    `${id.face.shape} face`,
    `${colourName(id.face.skin)} skin`,
    hair,
    `${colourName(id.eyes.color)} eyes`,
    `wearing ${id.wardrobe.description.trim() || "clothes"} (${colourName(id.wardrobe.top)} top, ${colourName(id.wardrobe.bottom)} trousers, ${colourName(id.wardrobe.accent)} accents)`,
  ];
  if (id.wardrobe.headwear !== "none") parts.push(`a ${id.wardrobe.headwear.replace("-", " ")}`);
  for (const m of id.marks) parts.push(MARK_WORDS[m]);
  return `${c.name}: ${parts.join(", ")}`;
}

function lookWords(look: Look): string[] {
  const words = [PALETTE_WORDS[look.palette]];
  if (look.blackAndWhite) words.push("black and white");
  if (look.anamorphic) words.push("anamorphic lens flares");
  if (look.contrast >= 1.4) words.push("high contrast");
  else if (look.contrast <= 0.75) words.push("low contrast");
  if (look.brightness <= -0.4) words.push("low-key lighting");
  else if (look.brightness >= 0.4) words.push("bright high-key lighting");
  if (look.saturation <= 0.4 && !look.blackAndWhite) words.push("muted colour");
  else if (look.saturation >= 1.5) words.push("vivid colour");
  if (look.grain >= 0.4) words.push("visible film grain");
  return words;
}

export function shotPrompt(spec: ShotSpec): ShotPrompt {
  const place = spec.place;
  const where = `${place.interior ? "inside" : "outside"} ${place.name} (${place.kind.replace("-", " ")}) ${TIME_WORDS[place.timeOfDay]}, ${WEATHER_WORDS[place.weather]}, ${place.mood} mood`;
  const sentences = [
    `${FRAMING_WORDS[spec.framing]}, ${MOVE_WORDS[spec.camera.move]}, ${lensWords(spec.camera.lens)}.`,
    `${spec.action.trim().replace(/[.\s]+$/, "")}.`,
    `Setting: ${where}.`,
  ];
  const people = [...spec.characters].sort((a, b) => a.slot - b.slot);
  if (people.length) {
    const order = people.length > 1 ? ` From left to right: ${people.map((c) => c.name).join(", ")}.` : "";
    sentences.push(`Characters: ${people.map(describeCharacter).join("; ")}.${order}`);
    const speakers = [...new Set(spec.lines.map((l) => l.speaker))].map((id) => people.find((c) => c.id === id)?.name).filter(Boolean);
    if (speakers.length) sentences.push(`${speakers.join(" and ")} ${speakers.length > 1 ? "talk" : "talks"}, lips moving.`);
  } else sentences.push("No people in frame.");
  sentences.push(`Look: ${lookWords(spec.look).join(", ")}. Cinematic, film still quality, consistent character identity.`);

  const negative = [
    "blurry",
    "low quality",
    "distorted faces",
    "extra limbs",
    "deformed hands",
    "morphing",
    "flicker",
    "watermark",
    "text",
    "subtitles",
    "logo",
    "split screen",
  ];
  if (!people.length) negative.push("people", "person");
  if (spec.look.blackAndWhite) negative.push("colour");
  if (spec.camera.move === "static") negative.push("camera shake");
  return { prompt: sentences.join(" "), negativePrompt: negative.join(", ") };
}

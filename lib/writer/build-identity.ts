import type { CharacterSketch } from "./find-characters";
import type { GenreProfile } from "./genres";
import { createRng } from "./prng";
import type { Build, FaceShape, HairStyle, Headwear, Identity, Mark } from "./types";
import { FACE_SHAPES } from "../screenplay/schema";
import { SPECIES_HEIGHT, type Species } from "../screenplay/species";

const SKIN = ["#f3d9c4", "#e9c3a0", "#d8a77f", "#c68b62", "#a86f4c", "#8a5637", "#6b4028", "#4b2c1c"];
const EYES = ["#5a3a22", "#3b2a1a", "#6b8e23", "#4a7ab0", "#7a6a4a", "#2f4f4f", "#8b6f47"];
const HAIR = ["#1b1b1d", "#2b2118", "#5a3a22", "#6b3b1f", "#8a5a2b", "#d8b45a", "#a3341c", "#3a2a1a"];
const GREY = ["#9a9a9a", "#b8b8b8", "#d8d8d8", "#7d7d7d"];
const FEMALE_HAIR: HairStyle[] = ["long", "bun", "ponytail", "bob", "curly", "braid", "short"];
const MALE_HAIR: HairStyle[] = ["short", "short", "buzz", "curly", "long", "short"];
const BUILDS: Build[] = ["slight", "average", "average", "athletic", "broad", "heavy"];
/** A robot's plating (face.skin) and the light of its eyes (eyes.color). */
const METALS = ["#b8bec6", "#d9dde2", "#8d949c", "#b08d57", "#6a737d", "#c9b27c"];
const ROBOT_EYES = ["#52d6f4", "#7cf29c", "#ffb347", "#f2f27a", "#9fb8ff"];
/** An animal's coats (face.skin) and its mane, markings or wings (hair.color), by species. */
const COATS: Record<Species, [string[], string[]]> = {
  dog: [["#a87a4a", "#c8a070", "#3a2a20", "#e8d8b8", "#7a5030", "#1e1a18"], ["#5a3a20", "#e8e0d0", "#2a1e18"]],
  cat: [["#e0a050", "#8a8a90", "#2a2624", "#e8e0d4", "#b07040"], ["#a06020", "#5a5a60", "#f0ece4"]],
  fox: [["#d0642a", "#c8581e"], ["#f0ece4"]],
  wolf: [["#808088", "#6a6660", "#a8a4a0", "#3a3634"], ["#404048", "#e0dcd8"]],
  horse: [["#7a4a2a", "#5a3420", "#2a2220", "#a87a4a", "#d8ccb8"], ["#1a1410", "#3a2418", "#e8e0d0"]],
  mule: [["#8a7a68", "#6a5a4a", "#9a8a78"], ["#3a3028", "#2a2018"]],
  dragon: [["#3a7a4a", "#8a2a20", "#2a4a7a", "#4a4a52", "#b08a30"], ["#8a3a2a", "#d8b040", "#3a2a4a", "#a8c8d8"]],
};

/**
 * The locked look of a character: what the idea said, and a seeded choice for what it did not
 * (skin, eyes, hair, wardrobe colours from the genre palette). Same sketch and genre, same identity.
 */
export function buildIdentity(sketch: CharacterSketch, genre: GenreProfile, seedText: string): Identity {
  const seed = createRng("identity", seedText, sketch.name).int(2 ** 31);
  const rng = createRng("identity-look", seed);
  const age = sketch.age ?? 35;
  const gender = sketch.gender ?? "unspecified";
  const old = age >= 58;
  const hairColor = sketch.hairColor ?? (old ? rng.pick(GREY) : age >= 48 && rng.chance(0.35) ? GREY[3] : rng.pick(HAIR));
  const hairStyle: HairStyle = sketch.hairStyle ?? (gender === "male" ? (old && rng.chance(0.35) ? "bald" : rng.pick(MALE_HAIR)) : gender === "female" ? rng.pick(FEMALE_HAIR) : rng.pick([...FEMALE_HAIR, ...MALE_HAIR]));
  const marks: Mark[] = [...sketch.marks];
  if (old && !marks.includes("wrinkles")) marks.push("wrinkles");
  if (!sketch.marks.length && gender === "male" && age >= 30 && rng.chance(0.3) && !marks.includes("beard")) marks.push(rng.pick(["beard", "mustache"] as Mark[]));
  if (!sketch.marks.length && rng.chance(0.15) && !marks.includes("freckles") && age < 40) marks.push("freckles");
  const colors = genre.wardrobe.colors;
  const top = sketch.wardrobeColor ?? rng.pick(colors);
  const bottom = rng.pick(colors.filter((c) => c !== top).length ? colors.filter((c) => c !== top) : colors);
  const picked = rng.pick(colors);
  const accent = sketch.accentColor ?? picked;
  let headwear: Headwear = sketch.headwear ?? "none";
  const job = sketch.job ?? "";
  if (!sketch.headwear) {
    if (/sheriff|marshal|deputy|cowboy|cowgirl|rancher|gunslinger|outlaw|bandit|bounty hunter|drifter|prospector/.test(job)) headwear = "cowboy-hat";
    else if (/detective|private eye|gangster|mob boss/.test(job) && genre.id === "noir") headwear = "fedora";
    else if (/king|queen|prince|princess/.test(job)) headwear = "crown";
    else if (/astronaut|soldier|knight|pilot/.test(job)) headwear = "helmet";
    else if (/hacker|netrunner|thief|assassin/.test(job)) headwear = "hood";
    else if (genre.wardrobe.headwear !== "none" && sketch.role === "protagonist" && hairStyle !== "bald") headwear = genre.wardrobe.headwear;
  }
  const words = sketch.wardrobe.length ? sketch.wardrobe : [rng.pick(genre.wardrobe.words), rng.pick(genre.wardrobe.words)].filter((w, i, a) => a.indexOf(w) === i);
  const description = `${job ? `${job}: ` : ""}${words.join(", ")}`.slice(0, 200);
  const shape: FaceShape = rng.pick(FACE_SHAPES);
  if (sketch.animal) {
    // An animal: its coat (said, or seeded from the species' own), markings, eyes, a collar or tack in
    // the accent; its size is the species' eye height, varied a little by build and seed.
    const fur = createRng("identity-animal", seed);
    const [coats, marks] = COATS[sketch.animal];
    const build = sketch.build ?? fur.pick(["slight", "average", "average", "athletic", "broad"] as Build[]);
    const size = SPECIES_HEIGHT[sketch.animal] * (sketch.height ?? 1) * (build === "broad" ? 1.08 : build === "slight" ? 0.92 : 1) * fur.range(0.95, 1.05);
    return {
      seed,
      face: { shape, skin: sketch.coat ?? fur.pick(coats) },
      eyes: { color: fur.pick(sketch.animal === "dragon" || sketch.animal === "cat" ? ["#d8a020", "#8ac040", "#e07020", "#60a0d0"] : ["#5a3a1a", "#3a2410", "#7a5020", "#8a6a2a"]) },
      hair: { style: "short", color: fur.pick(marks) },
      build,
      height: Math.round(Math.min(1.3, Math.max(0.25, size)) * 100) / 100,
      wardrobe: { description: sketch.animalWord ?? sketch.animal, top, bottom, accent, headwear: "none" },
      marks: [],
      body: "animal",
      species: sketch.animal,
    };
  }
  if (sketch.robot) {
    // A machine: metal plating for skin, lit eyes, no hair or hat, none of a person's marks but glasses
    // and a scar (a scratch in the plating) — still from the same seeded choices, so it stays locked.
    const metal = createRng("identity-robot", seed);
    return {
      seed,
      face: { shape, skin: sketch.plating ?? metal.pick(METALS) },
      eyes: { color: metal.pick(ROBOT_EYES) },
      hair: { style: "bald", color: "#6a6f76" },
      build: sketch.build ?? rng.pick(BUILDS),
      height: Math.round((sketch.height ?? 0.96 + metal.range(-0.06, 0.08)) * 100) / 100,
      wardrobe: { description: sketch.wardrobe.length ? description : `${job ? `${job}: ` : ""}metal plating, chest lights`, top, bottom, accent, headwear: "none" },
      marks: sketch.marks.filter((m) => m === "scar" || m === "glasses" || m === "eyepatch").slice(0, 6),
      body: "robot",
    };
  }
  const height = sketch.height ?? (age < 13 ? 0.72 : age < 16 ? 0.9 : gender === "male" ? 1.04 + rng.range(-0.04, 0.06) : 0.97 + rng.range(-0.05, 0.05));
  return {
    seed,
    face: { shape, skin: rng.pick(SKIN) },
    eyes: { color: rng.pick(EYES) },
    hair: { style: hairStyle, color: hairColor },
    build: sketch.build ?? (age < 13 ? "slight" : rng.pick(BUILDS)),
    height: Math.round(height * 100) / 100,
    wardrobe: { description, top, bottom, accent, headwear },
    marks: marks.slice(0, 6),
  };
}

import type { Headwear } from "./types";
import type { LocationKind, Look, Music, Palette, Role, SoundCueKind, TimeOfDay, Weather } from "./types";

export interface PlaceTemplate {
  name: string;
  kind: LocationKind;
  interior: boolean;
}

export interface CastTemplate {
  role: Role;
  gender: "female" | "male";
  age: number;
  job: string;
  traits: string[];
}

/** What a genre brings: palette, music, places, weather, sound, who is in it and what they want. */
export interface GenreProfile {
  id: string;
  label: string;
  /** Words that point to this genre in an idea (lower-case, matched as whole words). */
  keywords: string[];
  tone: string;
  look: Omit<Look, "aspect" | "anamorphic" | "blackAndWhite"> & { palette: Palette };
  music: Music;
  places: PlaceTemplate[];
  weathers: Weather[];
  times: TimeOfDay[];
  cues: SoundCueKind[];
  /** Beat set name (see beats.ts). */
  beats: "classic" | "heist" | "mystery" | "romance" | "horror";
  actTitles: [string, string, string];
  cast: CastTemplate[];
  goal: { verb: string; object: string };
  wardrobe: { words: string[]; colors: string[]; headwear: Headwear };
}

const g = (p: GenreProfile) => p;

export const GENRES: readonly GenreProfile[] = [
  g({
    id: "western", label: "western", keywords: ["western", "cowboy", "cowgirl", "sheriff", "outlaw", "saloon", "frontier", "ranch", "gunslinger", "marshal", "posse", "rodeo", "wild west", "stagecoach", "mule", "bandit", "deputy"],
    tone: "dusty and elegiac",
    look: { palette: "western", brightness: 0.05, contrast: 1.15, saturation: 0.9, grain: 0.25, vignette: 0.3 },
    music: { key: "A", mode: "minor", tempo: 84, instruments: ["harmonica", "acoustic guitar", "whistle", "strings"] },
    places: [
      { name: "Dry Creek main street", kind: "village", interior: false },
      { name: "the Silver Spur saloon", kind: "bar", interior: true },
      { name: "the open desert", kind: "desert", interior: false },
      { name: "a red-rock canyon", kind: "mountain", interior: false },
      { name: "the homestead", kind: "house", interior: true },
      { name: "the river crossing", kind: "river", interior: false },
      { name: "the rail depot", kind: "station", interior: false },
    ],
    weathers: ["clear", "dust", "wind", "clear", "storm"], times: ["dawn", "midday", "afternoon", "golden-hour", "dusk", "night"],
    cues: ["horse", "footsteps", "wind-gust", "gunshot", "door", "bell"], beats: "classic",
    actTitles: ["The Ride Out", "The Long Trail", "Sundown"],
    cast: [
      { role: "protagonist", gender: "female", age: 45, job: "drifter", traits: ["stubborn", "quiet"] },
      { role: "antagonist", gender: "male", age: 40, job: "outlaw", traits: ["cruel", "charming"] },
      { role: "ally", gender: "male", age: 25, job: "deputy", traits: ["eager", "loyal"] },
    ],
    goal: { verb: "bring", object: "the outlaw to justice" },
    wardrobe: { words: ["dusty duster coat", "leather vest", "bandana", "worn boots"], colors: ["#8a5a2b", "#5b3a1e", "#c2a278", "#3b2f2f", "#9c3d2a", "#6b6b47"], headwear: "cowboy-hat" },
  }),
  g({
    id: "noir", label: "noir", keywords: ["noir", "detective", "private eye", "gumshoe", "femme fatale", "1940s", "mobster", "gangster", "crooked", "dame"],
    tone: "hard-boiled and fatalistic",
    look: { palette: "noir", brightness: -0.2, contrast: 1.6, saturation: 0.2, grain: 0.35, vignette: 0.5 },
    music: { key: "C", mode: "minor", tempo: 70, instruments: ["muted trumpet", "upright bass", "piano", "brushed drums"] },
    places: [
      { name: "a rain-slick street", kind: "city-street", interior: false },
      { name: "the detective's office", kind: "office", interior: true },
      { name: "the Blue Note club", kind: "bar", interior: true },
      { name: "the docks warehouse", kind: "warehouse", interior: true },
      { name: "a rooftop above the city", kind: "rooftop", interior: false },
      { name: "a cheap hotel room", kind: "room", interior: true },
    ],
    weathers: ["rain", "fog", "rain", "clear"], times: ["night", "night", "blue-hour", "dusk", "night"],
    cues: ["footsteps", "door", "gunshot", "engine", "glass", "thunder"], beats: "mystery",
    actTitles: ["The Client", "The Big Sleep", "The Last Word"],
    cast: [
      { role: "protagonist", gender: "male", age: 48, job: "private detective", traits: ["cynical", "tired"] },
      { role: "love-interest", gender: "female", age: 34, job: "singer", traits: ["mysterious", "elegant"] },
      { role: "antagonist", gender: "male", age: 55, job: "mob boss", traits: ["calm", "ruthless"] },
    ],
    goal: { verb: "find", object: "out who killed the senator" },
    wardrobe: { words: ["trench coat", "rumpled suit", "loosened tie"], colors: ["#2b2b2b", "#4a4a4a", "#6e6254", "#1c1c24", "#7a1f1f"], headwear: "fedora" },
  }),
  g({
    id: "heist", label: "heist", keywords: ["heist", "robbery", "rob", "vault", "casino", "bank job", "steal", "thief", "thieves", "crew", "safecracker", "con", "caper"],
    tone: "slick and playful",
    look: { palette: "natural", brightness: 0, contrast: 1.2, saturation: 1.1, grain: 0.15, vignette: 0.2 },
    music: { key: "D", mode: "minor", tempo: 112, instruments: ["funk bass", "brass", "drums", "electric piano"] },
    places: [
      { name: "the back room of a diner", kind: "bar", interior: true },
      { name: "the crew's warehouse", kind: "warehouse", interior: true },
      { name: "the Meridian Bank lobby", kind: "office", interior: true },
      { name: "the vault", kind: "warehouse", interior: true },
      { name: "the city streets", kind: "city-street", interior: false },
      { name: "a rooftop", kind: "rooftop", interior: false },
    ],
    weathers: ["clear", "clear", "rain", "cloudy"], times: ["morning", "afternoon", "dusk", "night", "night"],
    cues: ["footsteps", "alarm", "engine", "door", "glass", "whoosh"], beats: "heist",
    actTitles: ["The Plan", "The Job", "The Twist"],
    cast: [
      { role: "protagonist", gender: "female", age: 38, job: "mastermind", traits: ["cool", "meticulous"] },
      { role: "ally", gender: "male", age: 29, job: "hacker", traits: ["nervous", "brilliant"] },
      { role: "ally", gender: "male", age: 52, job: "safecracker", traits: ["gruff", "old-school"] },
      { role: "antagonist", gender: "male", age: 50, job: "casino owner", traits: ["smug", "ruthless"] },
    ],
    goal: { verb: "crack", object: "the vault" },
    wardrobe: { words: ["sharp suit", "black turtleneck", "leather gloves"], colors: ["#1f2a44", "#2b2b2b", "#8c1c13", "#c9a227", "#3d5a80"], headwear: "none" },
  }),
  g({
    id: "mystery", label: "mystery", keywords: ["mystery", "murder", "whodunit", "clue", "clues", "investigate", "investigation", "inspector", "suspect", "missing", "disappearance", "secret"],
    tone: "curious and tense",
    look: { palette: "natural", brightness: -0.05, contrast: 1.15, saturation: 0.85, grain: 0.2, vignette: 0.35 },
    music: { key: "E", mode: "minor", tempo: 76, instruments: ["celesta", "strings", "piano", "clarinet"] },
    places: [
      { name: "the old manor library", kind: "house", interior: true },
      { name: "the village square", kind: "village", interior: false },
      { name: "the inspector's office", kind: "office", interior: true },
      { name: "the churchyard", kind: "church", interior: false },
      { name: "the boathouse", kind: "river", interior: false },
      { name: "the attic", kind: "room", interior: true },
    ],
    weathers: ["fog", "rain", "cloudy", "clear"], times: ["morning", "afternoon", "dusk", "night"],
    cues: ["footsteps", "door", "bell", "thunder", "glass"], beats: "mystery",
    actTitles: ["The Crime", "The Clues", "The Reveal"],
    cast: [
      { role: "protagonist", gender: "female", age: 41, job: "inspector", traits: ["sharp", "patient"] },
      { role: "ally", gender: "male", age: 30, job: "constable", traits: ["earnest", "clumsy"] },
      { role: "antagonist", gender: "male", age: 58, job: "heir", traits: ["polite", "secretive"] },
    ],
    goal: { verb: "find", object: "out who did it" },
    wardrobe: { words: ["tweed coat", "wool scarf", "sensible shoes"], colors: ["#4b5320", "#6f4e37", "#2f4f4f", "#8b7d6b", "#702963"], headwear: "none" },
  }),
  g({
    id: "romance", label: "romance", keywords: ["romance", "romantic", "love", "lovers", "falls in love", "wedding", "date", "kiss", "heart", "sweetheart", "rom-com", "romcom"],
    tone: "warm and yearning",
    look: { palette: "romance", brightness: 0.15, contrast: 0.9, saturation: 1.1, grain: 0.15, vignette: 0.25 },
    music: { key: "F", mode: "major", tempo: 72, instruments: ["piano", "strings", "acoustic guitar"] },
    places: [
      { name: "a corner cafe", kind: "bar", interior: true },
      { name: "the city park", kind: "field", interior: false },
      { name: "a small apartment", kind: "room", interior: true },
      { name: "the train platform", kind: "station", interior: false },
      { name: "the beach at the edge of town", kind: "beach", interior: false },
      { name: "a busy market", kind: "market", interior: false },
    ],
    weathers: ["clear", "clear", "rain", "cloudy", "snow"], times: ["morning", "afternoon", "golden-hour", "dusk", "night"],
    cues: ["footsteps", "door", "crowd", "bell", "glass"], beats: "romance",
    actTitles: ["Meet", "Apart", "The Gesture"],
    cast: [
      { role: "protagonist", gender: "female", age: 31, job: "architect", traits: ["guarded", "witty"] },
      { role: "love-interest", gender: "male", age: 33, job: "musician", traits: ["open", "restless"] },
      { role: "ally", gender: "female", age: 30, job: "best friend", traits: ["blunt", "funny"] },
    ],
    goal: { verb: "win", object: "back the one who got away" },
    wardrobe: { words: ["soft knit sweater", "linen shirt", "long coat"], colors: ["#e8a0a0", "#f2d7b6", "#7d9cb8", "#a35d6a", "#f5f0e6"], headwear: "none" },
  }),
  g({
    id: "horror", label: "horror", keywords: ["horror", "haunted", "ghost", "demon", "monster", "creature", "zombie", "possessed", "curse", "cursed", "scary", "terror", "slasher", "witch", "vampire"],
    tone: "dread-soaked",
    look: { palette: "horror", brightness: -0.3, contrast: 1.3, saturation: 0.6, grain: 0.3, vignette: 0.6 },
    music: { key: "C#", mode: "minor", tempo: 60, instruments: ["drone", "prepared piano", "strings", "low brass"] },
    places: [
      { name: "the old farmhouse", kind: "house", interior: true },
      { name: "the cellar", kind: "cave", interior: true },
      { name: "the woods behind the house", kind: "forest", interior: false },
      { name: "the nursery", kind: "room", interior: true },
      { name: "the abandoned chapel", kind: "church", interior: true },
      { name: "the empty road", kind: "road", interior: false },
    ],
    weathers: ["fog", "clear", "storm", "rain"], times: ["afternoon", "dusk", "night", "night", "night"],
    cues: ["heartbeat", "door", "footsteps", "thunder", "wind-gust", "impact"], beats: "horror",
    actTitles: ["Normality", "The Thing in the House", "Survivor"],
    cast: [
      { role: "protagonist", gender: "female", age: 27, job: "nurse", traits: ["practical", "brave"] },
      { role: "ally", gender: "male", age: 29, job: "brother", traits: ["skeptical", "loyal"] },
      { role: "antagonist", gender: "male", age: 70, job: "caretaker", traits: ["unsettling", "quiet"] },
    ],
    goal: { verb: "survive", object: "the night" },
    wardrobe: { words: ["faded cardigan", "work shirt", "muddy boots"], colors: ["#4f5d4a", "#3b3b3b", "#6b5b4b", "#2e3b33", "#7a6a5a"], headwear: "none" },
  }),
  g({
    id: "cyberpunk", label: "cyberpunk", keywords: ["cyberpunk", "neon", "hacker", "megacorp", "corporation", "android", "cyborg", "implant", "netrunner", "dystopia", "dystopian", "augmented", "data chip"],
    tone: "neon-noir and paranoid",
    look: { palette: "cyberpunk", brightness: -0.15, contrast: 1.35, saturation: 1.4, grain: 0.2, vignette: 0.4 },
    music: { key: "F#", mode: "minor", tempo: 100, instruments: ["analog synth", "drum machine", "bass synth", "pads"] },
    places: [
      { name: "a neon alley", kind: "neon-alley", interior: false },
      { name: "a noodle bar", kind: "bar", interior: true },
      { name: "the megacorp tower lab", kind: "lab", interior: true },
      { name: "a rain-soaked rooftop", kind: "rooftop", interior: false },
      { name: "the night market", kind: "market", interior: false },
      { name: "a capsule apartment", kind: "room", interior: true },
      { name: "the maglev train", kind: "train", interior: true },
    ],
    weathers: ["rain", "rain", "fog", "cloudy"], times: ["night", "night", "blue-hour", "night"],
    cues: ["engine", "alarm", "footsteps", "whoosh", "crowd", "thunder"], beats: "classic",
    actTitles: ["Jack In", "Ghosts in the Wire", "Burn"],
    cast: [
      { role: "protagonist", gender: "female", age: 26, job: "netrunner", traits: ["defiant", "quick"] },
      { role: "ally", gender: "male", age: 45, job: "street doctor", traits: ["weary", "kind"] },
      { role: "antagonist", gender: "male", age: 50, job: "corporate fixer", traits: ["cold", "precise"] },
    ],
    goal: { verb: "steal", object: "the data chip" },
    wardrobe: { words: ["reflective jacket", "hoodie", "glowing visor"], colors: ["#ff2a6d", "#05d9e8", "#1a1a2e", "#d1f7ff", "#7b2cbf"], headwear: "hood" },
  }),
  g({
    id: "scifi", label: "science fiction", keywords: ["sci-fi", "scifi", "science fiction", "space", "spaceship", "starship", "alien", "aliens", "planet", "mars", "robot", "astronaut", "galaxy", "future", "time travel", "orbit"],
    tone: "awed and lonely",
    look: { palette: "scifi", brightness: 0.05, contrast: 1.1, saturation: 0.85, grain: 0.1, vignette: 0.25 },
    music: { key: "B", mode: "minor", tempo: 90, instruments: ["synth pads", "strings", "choir", "piano"] },
    places: [
      { name: "the ship's bridge", kind: "spaceship", interior: true },
      { name: "the research lab", kind: "lab", interior: true },
      { name: "the red desert of the planet", kind: "desert", interior: false },
      { name: "open space", kind: "space", interior: false },
      { name: "the crew quarters", kind: "room", interior: true },
      { name: "the orbital station", kind: "station", interior: true },
    ],
    weathers: ["clear", "clear", "dust", "wind"], times: ["morning", "midday", "night", "blue-hour"],
    cues: ["alarm", "whoosh", "engine", "footsteps", "impact", "door"], beats: "classic",
    actTitles: ["Signal", "Deep Space", "Homecoming"],
    cast: [
      { role: "protagonist", gender: "female", age: 39, job: "commander", traits: ["determined", "calm"] },
      { role: "ally", gender: "male", age: 31, job: "engineer", traits: ["funny", "anxious"] },
      { role: "antagonist", gender: "male", age: 47, job: "corporate liaison", traits: ["smooth", "ambitious"] },
    ],
    goal: { verb: "bring", object: "the crew home" },
    wardrobe: { words: ["flight suit", "utility jacket", "mission patch"], colors: ["#e0e6ed", "#1b4965", "#5fa8d3", "#f4a259", "#3d3d3d"], headwear: "none" },
  }),
  g({
    id: "fantasy", label: "fantasy", keywords: ["fantasy", "dragon", "wizard", "sorcerer", "sorceress", "magic", "kingdom", "elf", "elves", "dwarf", "quest", "sword", "enchanted", "fairy", "prophecy", "knight"],
    tone: "mythic and wondrous",
    look: { palette: "fantasy", brightness: 0.1, contrast: 1.05, saturation: 1.25, grain: 0.1, vignette: 0.3 },
    music: { key: "D", mode: "major", tempo: 96, instruments: ["horns", "strings", "harp", "choir"] },
    places: [
      { name: "the castle great hall", kind: "castle", interior: true },
      { name: "the enchanted forest", kind: "forest", interior: false },
      { name: "a mountain pass", kind: "mountain", interior: false },
      { name: "the village inn", kind: "bar", interior: true },
      { name: "the dragon's cave", kind: "cave", interior: true },
      { name: "ancient ruins", kind: "ruins", interior: false },
    ],
    weathers: ["clear", "fog", "snow", "wind", "storm"], times: ["dawn", "morning", "golden-hour", "dusk", "night"],
    cues: ["horse", "footsteps", "bell", "wind-gust", "whoosh", "impact"], beats: "classic",
    actTitles: ["The Call", "The Road", "The Return"],
    cast: [
      { role: "protagonist", gender: "female", age: 19, job: "apprentice", traits: ["brave", "curious"] },
      { role: "mentor", gender: "male", age: 72, job: "wizard", traits: ["wise", "secretive"] },
      { role: "antagonist", gender: "female", age: 50, job: "sorceress queen", traits: ["proud", "cold"] },
    ],
    goal: { verb: "recover", object: "the lost crown" },
    wardrobe: { words: ["travelling cloak", "embroidered tunic", "leather bracers"], colors: ["#2d6a4f", "#7f5539", "#9d4edd", "#e9c46a", "#264653"], headwear: "hood" },
  }),
  g({
    id: "comedy", label: "comedy", keywords: ["comedy", "funny", "hilarious", "comic", "silly", "absurd", "farce", "sitcom", "slapstick", "goofy", "wacky"],
    tone: "light and absurd",
    look: { palette: "natural", brightness: 0.2, contrast: 1, saturation: 1.3, grain: 0.05, vignette: 0.1 },
    music: { key: "G", mode: "major", tempo: 120, instruments: ["pizzicato strings", "clarinet", "bassoon", "glockenspiel"] },
    places: [
      { name: "a cramped kitchen", kind: "room", interior: true },
      { name: "the office", kind: "office", interior: true },
      { name: "the high street", kind: "city-street", interior: false },
      { name: "the local pub", kind: "bar", interior: true },
      { name: "a village fete", kind: "village", interior: false },
    ],
    weathers: ["clear", "clear", "rain", "cloudy"], times: ["morning", "midday", "afternoon", "golden-hour"],
    cues: ["door", "crowd", "glass", "impact", "footsteps", "bell"], beats: "classic",
    actTitles: ["A Small Problem", "A Bigger Problem", "No Problem At All"],
    cast: [
      { role: "protagonist", gender: "male", age: 34, job: "substitute teacher", traits: ["hapless", "optimistic"] },
      { role: "ally", gender: "female", age: 36, job: "neighbour", traits: ["sarcastic", "loyal"] },
      { role: "antagonist", gender: "female", age: 60, job: "committee chair", traits: ["pompous", "relentless"] },
    ],
    goal: { verb: "win", object: "the village bake-off" },
    wardrobe: { words: ["mismatched cardigan", "bright scarf", "sneakers"], colors: ["#f4a261", "#e76f51", "#2a9d8f", "#e9c46a", "#8ecae6"], headwear: "none" },
  }),
  g({
    id: "thriller", label: "thriller", keywords: ["thriller", "spy", "assassin", "conspiracy", "agent", "hostage", "bomb", "chase", "kidnapped", "kidnapping", "fugitive", "cia", "on the run"],
    tone: "taut and urgent",
    look: { palette: "bleach", brightness: -0.1, contrast: 1.3, saturation: 0.7, grain: 0.15, vignette: 0.35 },
    music: { key: "G", mode: "minor", tempo: 104, instruments: ["strings", "pulse synth", "percussion", "low piano"] },
    places: [
      { name: "a safe house", kind: "house", interior: true },
      { name: "a crowded train station", kind: "station", interior: true },
      { name: "the embassy office", kind: "office", interior: true },
      { name: "a parking garage", kind: "warehouse", interior: true },
      { name: "the city streets", kind: "city-street", interior: false },
      { name: "a rooftop", kind: "rooftop", interior: false },
    ],
    weathers: ["cloudy", "rain", "clear", "fog"], times: ["morning", "afternoon", "dusk", "night"],
    cues: ["footsteps", "engine", "gunshot", "door", "heartbeat", "alarm"], beats: "classic",
    actTitles: ["The Setup", "The Hunt", "The Reckoning"],
    cast: [
      { role: "protagonist", gender: "male", age: 42, job: "former agent", traits: ["guarded", "resourceful"] },
      { role: "ally", gender: "female", age: 35, job: "analyst", traits: ["sharp", "nervous"] },
      { role: "antagonist", gender: "male", age: 56, job: "station chief", traits: ["calm", "treacherous"] },
    ],
    goal: { verb: "clear", object: "their name" },
    wardrobe: { words: ["dark jacket", "grey suit", "earpiece"], colors: ["#2f3e46", "#354f52", "#52796f", "#1b1b1b", "#84a98c"], headwear: "none" },
  }),
  g({
    id: "adventure", label: "adventure", keywords: ["adventure", "treasure", "expedition", "explorer", "jungle", "map", "island", "pirate", "pirates", "journey", "lost city", "temple"],
    tone: "bold and sunlit",
    look: { palette: "natural", brightness: 0.15, contrast: 1.1, saturation: 1.2, grain: 0.15, vignette: 0.2 },
    music: { key: "C", mode: "major", tempo: 116, instruments: ["brass", "strings", "timpani", "horns"] },
    places: [
      { name: "a harbour market", kind: "market", interior: false },
      { name: "the ship's deck", kind: "sea", interior: false },
      { name: "the jungle", kind: "forest", interior: false },
      { name: "temple ruins", kind: "ruins", interior: false },
      { name: "a hidden cave", kind: "cave", interior: true },
      { name: "a cliffside beach", kind: "beach", interior: false },
    ],
    weathers: ["clear", "clear", "wind", "storm", "rain"], times: ["dawn", "morning", "midday", "golden-hour", "dusk"],
    cues: ["footsteps", "splash", "wind-gust", "impact", "crowd", "thunder"], beats: "classic",
    actTitles: ["The Map", "The Crossing", "The Treasure"],
    cast: [
      { role: "protagonist", gender: "male", age: 35, job: "explorer", traits: ["reckless", "charming"] },
      { role: "ally", gender: "female", age: 32, job: "cartographer", traits: ["clever", "dry"] },
      { role: "antagonist", gender: "male", age: 48, job: "rival collector", traits: ["greedy", "polished"] },
    ],
    goal: { verb: "find", object: "the lost treasure" },
    wardrobe: { words: ["canvas jacket", "rolled sleeves", "satchel"], colors: ["#bc6c25", "#dda15e", "#606c38", "#283618", "#fefae0"], headwear: "fedora" },
  }),
  g({
    id: "action", label: "action", keywords: ["action", "explosions", "fight", "fights", "martial arts", "car chase", "shootout", "mercenary", "soldier", "war", "battle", "commando"],
    tone: "kinetic and defiant",
    look: { palette: "bleach", brightness: 0, contrast: 1.35, saturation: 0.9, grain: 0.15, vignette: 0.3 },
    music: { key: "E", mode: "minor", tempo: 132, instruments: ["drums", "brass", "electric guitar", "strings"] },
    places: [
      { name: "the compound", kind: "warehouse", interior: true },
      { name: "a highway", kind: "road", interior: false },
      { name: "the city streets", kind: "city-street", interior: false },
      { name: "a rooftop", kind: "rooftop", interior: false },
      { name: "the harbour", kind: "sea", interior: false },
      { name: "a bar", kind: "bar", interior: true },
    ],
    weathers: ["clear", "dust", "rain", "clear"], times: ["morning", "midday", "afternoon", "dusk", "night"],
    cues: ["gunshot", "explosion", "engine", "impact", "footsteps", "glass"], beats: "classic",
    actTitles: ["Lock and Load", "Crossfire", "Last Stand"],
    cast: [
      { role: "protagonist", gender: "female", age: 36, job: "ex-soldier", traits: ["tough", "loyal"] },
      { role: "ally", gender: "male", age: 40, job: "mechanic", traits: ["wry", "steady"] },
      { role: "antagonist", gender: "male", age: 45, job: "warlord", traits: ["brutal", "clever"] },
    ],
    goal: { verb: "rescue", object: "the hostages" },
    wardrobe: { words: ["tactical vest", "cargo pants", "combat boots"], colors: ["#4b5320", "#2f2f2f", "#6b4423", "#8b0000", "#556b2f"], headwear: "none" },
  }),
  g({
    id: "drama", label: "drama", keywords: ["drama", "family", "grief", "divorce", "mother", "father", "reunion", "funeral", "illness", "small town", "coming of age", "forgiveness"],
    tone: "intimate and bittersweet",
    look: { palette: "natural", brightness: 0, contrast: 1, saturation: 0.95, grain: 0.2, vignette: 0.3 },
    music: { key: "Eb", mode: "major", tempo: 68, instruments: ["piano", "cello", "strings"] },
    places: [
      { name: "the family kitchen", kind: "room", interior: true },
      { name: "the old house", kind: "house", interior: true },
      { name: "the lake shore", kind: "river", interior: false },
      { name: "a hospital corridor", kind: "lab", interior: true },
      { name: "the town diner", kind: "bar", interior: true },
      { name: "a country road", kind: "road", interior: false },
    ],
    weathers: ["clear", "cloudy", "rain", "snow"], times: ["morning", "afternoon", "golden-hour", "dusk", "night"],
    cues: ["door", "footsteps", "bell", "engine", "glass"], beats: "classic",
    actTitles: ["Home", "What Was Said", "What Remains"],
    cast: [
      { role: "protagonist", gender: "female", age: 44, job: "teacher", traits: ["proud", "tired"] },
      { role: "supporting", gender: "male", age: 72, job: "father", traits: ["stubborn", "gentle"] },
      { role: "ally", gender: "female", age: 40, job: "sister", traits: ["warm", "blunt"] },
    ],
    goal: { verb: "make", object: "peace with the past" },
    wardrobe: { words: ["wool coat", "plain shirt", "well-worn jeans"], colors: ["#6d6875", "#b5838d", "#e5989b", "#ffb4a2", "#3d405b"], headwear: "none" },
  }),
];

export function genreById(id: string): GenreProfile {
  return GENRES.find((p) => p.id === id || p.label === id) ?? GENRES.find((p) => p.id === "drama")!;
}

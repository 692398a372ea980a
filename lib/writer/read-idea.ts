import { findCharacters, type CharacterSketch, type PlaceName } from "./find-characters";
import { findLength, findOverreach } from "./find-length";
import { GENRES, type GenreProfile } from "./genres";
import { CITIES, PLACE_WORDS } from "./lexicon";
import type { EndingDirection } from "./beats";
import type { Look, LocationKind, TimeOfDay, Weather } from "./types";

export type ScenePosition = "opening" | "middle" | "climax" | "ending";

/** A scene the person asked for ("open on...", "the climax...", "end with..."). */
export interface RequestedScene {
  position: ScenePosition;
  text: string;
  quote?: string;
  index: number;
}

export interface StyleReading {
  references: string[];
  look: Partial<Look>;
  genreHint?: string;
  /** Character spans the references cover, so they are not read as names. */
  spans: [number, number][];
}

export interface IdeaReading {
  genre: GenreProfile;
  secondaryGenre?: GenreProfile;
  seconds: number;
  characters: CharacterSketch[];
  placeNames: PlaceName[];
  places: { name: string; kind: LocationKind; interior: boolean }[];
  timeOfDay?: TimeOfDay;
  weather?: Weather;
  style: StyleReading;
  scenes: RequestedScene[];
  goal?: { verb: string; object: string };
  /** The first thing the idea names that a detail shot can show ("lantern", "letter", "cake"). */
  prop?: string;
  ending?: EndingDirection;
  title?: string;
  notes: string[];
  /** How much the reader recognised (0..1); low means nonsense or another language. */
  confidence: number;
}

const REFERENCES: { re: RegExp; name: string; look: Partial<Look>; genre?: string }[] = [
  { re: /\bblade runner\b/i, name: "Blade Runner", look: { palette: "cyberpunk", contrast: 1.35, saturation: 1.3 }, genre: "cyberpunk" },
  { re: /\bwes anderson\b/i, name: "Wes Anderson", look: { saturation: 1.35, brightness: 0.15, contrast: 0.95, vignette: 0.05 } },
  { re: /\b(sergio )?leone\b/i, name: "Sergio Leone", look: { palette: "western", aspect: "2.39", anamorphic: true }, genre: "western" },
  { re: /\bkurosawa\b/i, name: "Akira Kurosawa", look: { contrast: 1.3 } },
  { re: /\bhitchcock\b/i, name: "Alfred Hitchcock", look: { contrast: 1.25 }, genre: "thriller" },
  { re: /\b(studio )?ghibli\b|\bmiyazaki\b/i, name: "Studio Ghibli", look: { palette: "fantasy", saturation: 1.2, brightness: 0.15 }, genre: "fantasy" },
  { re: /\bnolan\b/i, name: "Christopher Nolan", look: { contrast: 1.2, saturation: 0.85, aspect: "2.39" } },
  { re: /\bdavid lynch\b|\blynchian\b/i, name: "David Lynch", look: { contrast: 1.3, vignette: 0.5 } },
  { re: /\bwong kar[- ]wai\b/i, name: "Wong Kar-wai", look: { saturation: 1.4, grain: 0.35 }, genre: "romance" },
  { re: /\bcoen brothers\b/i, name: "the Coen brothers", look: { saturation: 0.85 } },
  { re: /\btarantino\b/i, name: "Quentin Tarantino", look: { saturation: 1.15, grain: 0.25 } },
  { re: /\bkubrick\b/i, name: "Stanley Kubrick", look: { contrast: 1.15 } },
  { re: /\bspielberg\b/i, name: "Steven Spielberg", look: { brightness: 0.1 }, genre: "adventure" },
  { re: /\bmad max\b/i, name: "Mad Max", look: { palette: "western", saturation: 1.3, contrast: 1.3 }, genre: "action" },
  { re: /\bstar wars\b/i, name: "Star Wars", look: { palette: "scifi" }, genre: "scifi" },
  { re: /\bfilm noir\b/i, name: "film noir", look: { palette: "noir", blackAndWhite: true, contrast: 1.6 }, genre: "noir" },
  { re: /\b35 ?mm\b/i, name: "35mm film", look: { grain: 0.35 } },
  { re: /\b16 ?mm\b/i, name: "16mm film", look: { grain: 0.6 } },
  { re: /\bsuper ?8\b/i, name: "Super 8", look: { grain: 0.75, vignette: 0.5 } },
  { re: /\banamorphic\b|\bcinemascope\b|\bwidescreen\b/i, name: "anamorphic", look: { aspect: "2.39", anamorphic: true } },
  { re: /\bblack[- ]and[- ]white\b|\bb ?& ?w\b|\bmonochrome\b/i, name: "black and white", look: { blackAndWhite: true, saturation: 0 } },
  { re: /\btechnicolou?r\b/i, name: "Technicolor", look: { saturation: 1.5 } },
  { re: /\bvhs\b|\b(19)?80s\b|\beighties\b/i, name: "1980s", look: { palette: "eighties", grain: 0.4, saturation: 1.3 } },
];

function readStyle(idea: string): StyleReading {
  const reading: StyleReading = { references: [], look: {}, spans: [] };
  for (const ref of REFERENCES) {
    const m = ref.re.exec(idea);
    if (!m) continue;
    reading.references.push(ref.name);
    Object.assign(reading.look, ref.look);
    if (ref.genre && !reading.genreHint) reading.genreHint = ref.genre;
    reading.spans.push([m.index, m.index + m[0].length]);
  }
  const styleOf = /\b(?:in the style of|a la|à la|inspired by|reminiscent of|styled like)\s+((?:[A-Z][\w'’.-]*\s?){1,4})/g;
  for (let m = styleOf.exec(idea); m; m = styleOf.exec(idea)) {
    const name = m[1].trim();
    if (!reading.references.some((r) => r.toLowerCase() === name.toLowerCase()) && reading.references.length < 8) reading.references.push(name.slice(0, 80));
    reading.spans.push([m.index, m.index + m[0].length]);
  }
  return reading;
}

function mask(text: string, spans: [number, number][]): string {
  let out = text;
  for (const [a, b] of spans) out = out.slice(0, a) + " ".repeat(b - a) + out.slice(b);
  return out;
}

function countHits(text: string, words: string[]): number {
  let n = 0;
  for (const w of words) if (new RegExp(`\\b${w.replace(/[-]/g, "[- ]?")}\\b`).test(text)) n += w.includes(" ") ? 2 : 1;
  return n;
}

function readGenre(lower: string, hint?: string): { genre: GenreProfile; secondary?: GenreProfile; hits: number } {
  // "a romantic comedy" is a romance played light (its second genre is comedy), not a comedy
  const romcom = /\bromantic comed(?:y|ies)\b/.test(lower);
  const scored = GENRES.map((g, i) => ({ g, i, score: countHits(lower, g.keywords) * 2 + (new RegExp(`\\b${g.id}\\b|\\b${g.label}\\b`).test(lower) ? 5 : 0) + (hint === g.id ? 3 : 0) + (romcom && g.id === "romance" ? 8 : 0) }))
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score || a.i - b.i);
  if (!scored.length) return { genre: GENRES.find((g) => g.id === "drama")!, hits: 0 };
  return { genre: scored[0].g, secondary: scored[1]?.g, hits: scored[0].score };
}

const POSITION_MARKERS: { re: RegExp; position: ScenePosition }[] = [
  { re: /\b(?:for|in) the (?:opening|first) scene\b[,:]?|\bthe (?:opening|first) scene\b(?: is| should be| shows)?[,:]?|\bopens? (?:on|with)\b|\b(?:start|starts|begin|begins) (?:with|on)\b|\bthe film opens(?: on| with)?\b/gi, position: "opening" },
  { re: /\bin the middle(?: of the film)?\b[,:]?|\bat the midpoint\b[,:]?|\bhalfway through\b[,:]?/gi, position: "middle" },
  { re: /\b(?:for |in |at )?the climax\b(?: is| should be| comes when)?[,:]?|\bclimax(?:es)? (?:with|in|at)\b/gi, position: "climax" },
  { re: /\b(?:end|ends|ending) (?:with|on|at)\b|\b(?:for |in )?the (?:final|last|closing) scene\b(?: is| should be| shows)?[,:]?|\bin the end\b[,:]?|\bthe (?:film|story) ends\b(?: with| on| when)?/gi, position: "ending" },
];

function readScenes(text: string): RequestedScene[] {
  const found: RequestedScene[] = [];
  for (const { re, position } of POSITION_MARKERS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const rest = text.slice(m.index + m[0].length);
      const stop = /[.!?;](?=\s|$)/.exec(rest.replace(/["“][^"”]*["”]/g, (q) => "x".repeat(q.length)));
      let body = (stop ? rest.slice(0, stop.index) : rest).trim().replace(/^(?:is|should be|will be|where|in which|with|:|,)\s+/i, "").trim();
      if (body.length < 3) continue;
      if (body.length > 300) body = body.slice(0, 297).replace(/\s+\S*$/, "") + "...";
      const quote = /["“]([^"”]{2,120})["”]/.exec(body)?.[1];
      if (found.some((f) => f.position === position)) continue;
      found.push({ position, text: body, quote, index: m.index });
    }
  }
  const order: ScenePosition[] = ["opening", "middle", "climax", "ending"];
  return found.sort((a, b) => order.indexOf(a.position) - order.indexOf(b.position));
}

const GOAL_VERBS = "find|rescue|save|stop|catch|recover|steal|rob|protect|escape|win|reach|break into|avenge|hunt down|track down|bring|get back|return|solve|uncover|expose|defeat|destroy|free|deliver|survive|clear|finish|retrieve|reclaim|take back|win back|unmask|capture|warn|crack|heal|prove|confront|kill|enter|compete in|join";

function readGoal(lower: string): { verb: string; object: string } | undefined {
  const m =
    new RegExp(`\\b(?:to|must|will|tries to|wants to|sets out to|needs to|has to|in order to|until (?:she|he|they))\\s+(${GOAL_VERBS})\\s+([^.,;!?:"“]+)`).exec(lower) ??
    /\b(?:looking|searching|hunting) for\s+([^.,;!?:"“]+)/.exec(lower) ??
    // "Sam and his dog enter a dog show": a contest entered is the goal
    /\b(enters?|compete(?:s)? in|join(?:s)?)\s+((?:a|an|the|their|his|her)\s+[^.,;!?:"“]*\b(?:show|contest|competition|race|tournament|championship|cup|games|match|pageant|talent show|bake-off|festival)\b)/.exec(lower);
  if (!m) return undefined;
  const verb = m.length === 3 ? m[1].replace(/^enters$/, "enter").replace(/^competes in$/, "compete in").replace(/^joins$/, "join") : "find";
  let object = (m.length === 3 ? m[2] : m[1]).split(/\s+(?:and|but|before|while|when|who|because|after|so|until|only to|with the help)\s+/)[0];
  object = object.split(/\s+/).slice(0, 7).join(" ").trim();
  if (!object) return undefined;
  return { verb, object };
}

function readEnding(lower: string): EndingDirection | undefined {
  if (/\b(happy|hopeful|uplifting|triumphant|happily)\b[^.]{0,20}\b(end|ending|ends)\b|\bends? (happily|well|on a hopeful note)\b/.test(lower)) return "hopeful";
  if (/\bbittersweet\b/.test(lower)) return "bittersweet";
  if (/\b(tragic|dark|sad|bleak|grim)\b[^.]{0,20}\b(end|ending|ends)\b|\bends? (badly|tragically|in tragedy)\b/.test(lower)) return "dark";
  if (/\btwist ending\b|\bends? (?:with|on) a twist\b/.test(lower)) return "twist";
  return undefined;
}

function readPlaces(lower: string, names: PlaceName[]) {
  const out: { name: string; kind: LocationKind; interior: boolean; index: number }[] = [];
  for (const [re, place] of PLACE_WORDS) {
    const m = re.exec(lower);
    if (!m) continue;
    if (out.some((p) => p.kind === place.kind)) continue;
    out.push({ name: place.noun.replace("$1", m[1] ?? m[0]), kind: place.kind, interior: place.interior, index: m.index });
  }
  // A proper place name ("Tombstone") lends its name to the first outdoor town-like place, or stands alone.
  for (const p of names) {
    const near = out.find((o) => Math.abs(o.index - p.index) < 40 && !o.name.includes(p.name));
    if (near) near.name = `${p.name} ${near.name.replace(/^the /, "")}`;
    else out.push({ name: p.name, kind: CITIES.has(p.name.toLowerCase()) ? "city-street" : "village", interior: false, index: p.index });
  }
  // A bridge in a film set in a city is that city's bridge (drawn with the city behind it, not fields).
  const city = names.find((p) => CITIES.has(p.name.toLowerCase()));
  const bridge = out.find((o) => o.name === "the bridge");
  if (city && bridge) bridge.name = `the bridge in ${city.name}`;
  return out.sort((a, b) => a.index - b.index).slice(0, 12).map(({ name, kind, interior }) => ({ name: name.slice(0, 80), kind, interior }));
}

const PROPS = /\b(lantern|lamp|letter|map|key|ring|locket|photograph|photo|cake|revolver|pistol|gun|knife|sword|book|diary|phone|bottle|coin|necklace|briefcase|suitcase|diamond|crown|rose|compass|pocket watch|watch|envelope|candle|guitar|violin)\b/;

function withoutLaterScenes(lower: string, scenes: RequestedScene[]): string {
  let out = lower;
  for (const scene of scenes) {
    if (scene.position === "opening") continue;
    const body = scene.text.toLowerCase().replace(/\.\.\.$/, "");
    const at = lower.indexOf(body, scene.index);
    const end = at >= 0 ? at + body.length : scene.index;
    out = out.slice(0, scene.index) + " ".repeat(end - scene.index) + out.slice(end);
  }
  return out;
}

function readTime(lower: string): TimeOfDay | undefined {
  if (/\b(dawn|sunrise|daybreak|first light)\b/.test(lower)) return "dawn";
  if (/\b(golden hour|sunset|sundown)\b/.test(lower)) return "golden-hour";
  if (/\b(dusk|twilight|evening)\b/.test(lower)) return "dusk";
  if (/\b(night|midnight|nighttime|moonlight|moonlit)\b/.test(lower)) return "night";
  if (/\b(noon|midday|high noon)\b/.test(lower)) return "midday";
  if (/\bmorning\b/.test(lower)) return "morning";
  return undefined;
}

function readWeather(lower: string): Weather | undefined {
  if (/\b(storm|stormy|thunder|thunderstorm|lightning|hurricane|tempest)\b/.test(lower)) return "storm";
  if (/\b(rain|raining|rainy|downpour|drizzle)\b/.test(lower)) return "rain";
  if (/\b(snow|snowing|snowy|blizzard|winter)\b/.test(lower)) return "snow";
  if (/\b(fog|foggy|mist|misty|haze)\b/.test(lower)) return "fog";
  if (/\b(dust storm|sandstorm|dusty)\b/.test(lower)) return "dust";
  if (/\b(wind|windy|gale)\b/.test(lower)) return "wind";
  return undefined;
}

const ENGLISH = /\b(the|a|an|and|of|to|in|with|is|her|his|who|on|for|at|from|by|she|he|they|it|that|film|story)\b/g;
const FOREIGN = /\b(el|la|los|las|que|y|del|una|der|die|das|und|ein|eine|mit|le|les|et|des|une|est|il|di|che|un|och|een|het|och|não|com|para)\b/g;

function readLanguage(text: string): { note?: string; foreign: boolean } {
  const letters = text.match(/\p{L}/gu) ?? [];
  const latin = letters.filter((c) => /[a-zA-Z\u00c0-\u024f]/.test(c)).length;
  const lower = text.toLowerCase();
  const en = (lower.match(ENGLISH) ?? []).length;
  const other = (lower.match(FOREIGN) ?? []).length;
  if (letters.length && latin / letters.length < 0.5)
    return { foreign: true, note: "The offline story engine writes in English; your idea looks like it is in another language or script, so the film is in English and keeps the names it could find. Configure a language model for other languages." };
  if (other > en && other >= 3)
    return { foreign: true, note: "The offline story engine writes in English; your idea looks like it is in another language, so the film is in English and keeps the names it could find." };
  return { foreign: false };
}

/** Read everything the writer uses from an idea (already cleaned by checkIdea). Pure. */
export function readIdea(idea: string): IdeaReading {
  const style = readStyle(idea);
  const lower = idea.toLowerCase();
  const masked = mask(idea, style.spans);
  const { characters, places: placeNames } = findCharacters(masked);
  const { genre, secondary, hits } = readGenre(mask(lower, style.spans), style.genreHint);
  const length = findLength(idea);
  const notes = [...length.notes, ...findOverreach(idea)];
  const language = readLanguage(idea);
  if (language.note) notes.push(language.note);
  const scenes = readScenes(idea);
  // The film's time and weather come from the idea less its later scenes: "end at dawn on a calm sea"
  // sets the ending, not the whole film.
  const setting = withoutLaterScenes(lower, scenes);
  const goal = readGoal(lower);
  const places = readPlaces(mask(lower, style.spans), placeNames);
  const words = (lower.match(/\p{L}+/gu) ?? []).length;
  const english = (lower.match(ENGLISH) ?? []).length;
  const recognised = hits + characters.length * 2 + places.length + (goal ? 2 : 0) + scenes.length * 2 + english + style.references.length * 2;
  const confidence = Math.min(1, recognised / Math.max(3, words * 0.6));
  if (!language.foreign && confidence < 0.25)
    notes.push("The writer found little to go on in this idea (no genre, people, places or goal it recognised), so it made up a story; add a sentence about who it is about and what they want to steer it.");
  const titled = /\b(?:called|titled|entitled)\s+["“]([^"”]{1,100})["”]/i.exec(idea)?.[1];
  return {
    genre, secondaryGenre: secondary, seconds: length.seconds, characters, placeNames, places,
    timeOfDay: readTime(setting), weather: readWeather(setting), style, scenes, goal, prop: PROPS.exec(lower)?.[1], ending: readEnding(lower), title: titled, notes, confidence,
  };
}

import {
  COLOR_WORDS, COMMON_NOUNS, FEMALE_NAMES, FEMALE_WORDS, HAIR_WORDS, JOB_ROLE, JOBS, KNOWN_PLACES, MALE_NAMES, MALE_WORDS, NOT_NAMES,
  PLACE_PREPOSITIONS, PLACE_SUFFIXES, TITLES, TRAITS, WARDROBE_WORDS,
} from "./lexicon";
import { SPECIES_WORD, speciesNamed, type Species } from "../screenplay/species";
import type { Build, HairStyle, Headwear, Mark, Role } from "./types";

/** What the idea says about one person. Everything but the name is optional. */
export interface CharacterSketch {
  name: string;
  firstIndex: number;
  mentions: number;
  gender?: "female" | "male" | "nonbinary";
  age?: number;
  job?: string;
  traits: string[];
  role?: Role;
  hairColor?: string;
  hairColorWord?: string;
  hairStyle?: HairStyle;
  build?: Build;
  height?: number;
  marks: Mark[];
  wardrobe: string[];
  wardrobeColor?: string;
  /** A colour said of the headwear ("a green cap"): the wardrobe's accent, which hats are drawn in. */
  accentColor?: string;
  headwear?: Headwear;
  /** A robot, android or droid: drawn as a machine. */
  robot?: boolean;
  /** The colour said of a robot ("a brass robot"): its plating. */
  plating?: string;
  /** An animal ("her dragon Ember", "a dog named Rex"): which one, the word the idea used, its coat colour. */
  animal?: Species;
  animalWord?: string;
  coat?: string;
  /** An animal the idea says can talk ("a talking cat"). */
  talks?: boolean;
}

export interface PlaceName {
  name: string;
  index: number;
}

interface Token {
  text: string;
  start: number;
  end: number;
}

interface Mention {
  key: string;
  words: string[];
  start: number;
  end: number;
  title?: string;
}

const WORD = /[\p{L}][\p{L}\p{M}'’-]*/gu;
const CAP = /^\p{Lu}/u;

function sentenceStarts(text: string): Set<number> {
  const starts = new Set<number>([0]);
  const re = /[.!?:;]["'”’)\]]*\s+["'“‘(]*/g;
  for (let m = re.exec(text); m; m = re.exec(text)) starts.add(m.index + m[0].length);
  const quote = /["“‘]/g;
  for (let m = quote.exec(text); m; m = quote.exec(text)) starts.add(m.index + 1);
  return starts;
}

function tokens(text: string): Token[] {
  const out: Token[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) out.push({ text: m[0].replace(/[’']s$/, ""), start: m.index, end: m.index + m[0].length });
  return out;
}

const lc = (s: string) => s.toLowerCase();
const NUMBER_AGE: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90, ten: 10, twelve: 12, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, eleven: 11, thirteen: 13, fourteen: 14, eight: 8, nine: 9, seven: 7, six: 6, five: 5 };
const DECADES: Record<string, number> = { teens: 16, twenties: 25, thirties: 35, forties: 45, fifties: 55, sixties: 65, seventies: 75, eighties: 85, nineties: 92 };

function readAge(text: string): number | undefined {
  let m = /\b(\d{1,3})[- ]?(?:years?|yrs?)[- ]old\b/.exec(text) ?? /\baged? (\d{1,3})\b/.exec(text);
  if (m) return Math.min(120, Math.max(1, Number(m[1])));
  // "a boy of ten", "her daughter, aged nine"
  m = /\b(?:boy|girl|child|kid|son|daughter|grandson|granddaughter|lad|lass|aged) (?:of )?(ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|five|six|seven|eight|nine)\b/.exec(text);
  if (m) return NUMBER_AGE[m[1]];
  m = /\b(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|five|six|seven|eight|nine)(?:[- ](one|two|three|four|five|six|seven|eight|nine))?[- ]years?[- ]old\b/.exec(text);
  if (m) return NUMBER_AGE[m[1]] + ({ one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9 }[m[2] ?? ""] ?? 0);
  m = /\bin (?:her|his|their) (?:early |late |mid-)?(teens|twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b/.exec(text);
  if (m) return DECADES[m[1]];
  if (/\b(child|kid|little (?:girl|boy))\b/.test(text)) return 9;
  if (/\b(teen|teenage|teenager|adolescent)\b/.test(text)) return 16;
  // "a curious boy", "a schoolgirl": a child ("girl" alone is too often said of a woman).
  if (/\b(schoolboy|schoolgirl)\b|\ban? (?:[a-z-]+ ){0,2}boy\b/.test(text)) return 11;
  if (/\b(grandmother|grandfather|grandma|grandpa|granny|elderly|ancient|aged)\b/.test(text)) return 74;
  if (/\bmiddle[- ]aged\b/.test(text)) return 48;
  if (/\b(retired|old|aging|ageing|veteran|grizzled)\b/.test(text)) return 63;
  if (/\b(young|youthful|rookie)\b/.test(text)) return 23;
  return undefined;
}

function readHair(text: string, sketch: CharacterSketch) {
  const colors = Object.keys(COLOR_WORDS).join("|");
  const m =
    new RegExp(`\\b(${colors})(?:[- ](?:and[- ])?(?:${colors}))?[- ](?:${HAIR_WORDS})\\b`).exec(text) ??
    new RegExp(`\\b(?:${HAIR_WORDS}) (?:that is |of )?(${colors})\\b`).exec(text);
  if (m) {
    sketch.hairColorWord = m[1];
    sketch.hairColor = COLOR_WORDS[m[1]];
  } else if (/\bredhead\b/.test(text)) {
    sketch.hairColorWord = "red";
    sketch.hairColor = COLOR_WORDS.red;
  } else if (/\b(white|silver|grey|gray)[- ]haired\b/.test(text)) sketch.hairColor = COLOR_WORDS.grey;
  const styles: [RegExp, HairStyle][] = [
    [/\bbald|shaved head|shaven head\b/, "bald"], [/\bbraid(s|ed)?\b|\bplait(s|ed)?\b/, "braid"], [/\bcurl(s|y)\b|\bafro\b/, "curly"],
    [/\bponytail\b/, "ponytail"], [/\bbun\b/, "bun"], [/\bbob\b/, "bob"], [/\bmohawk\b/, "mohawk"], [/\b(buzz|crew)[- ]?cut\b|\bbuzzed\b|\bcropped\b/, "buzz"],
    [/\blong (?:\w+ )?hair\b|\bdreadlocks\b|\blocks\b|\bmane\b/, "long"], [/\bshort (?:\w+ )?hair\b/, "short"],
  ];
  for (const [re, style] of styles) if (re.test(text)) { sketch.hairStyle = style; break; }
}

const COLOR_NAMES = Object.keys(COLOR_WORDS).join("|");
const ROBOT_WORDS = /\b(robot|android|droid|automaton|mech)\b/;

/** Whether words about someone say they are a machine ("a cheerful repair robot"), not that they meet one. */
export function saysRobot(text: string): boolean {
  return ROBOT_WORDS.test(text) && !/\b(?:fights?|builds?|built|repairs?|fix(?:es)?|hunts?|with|and|owns?|meets?|finds?)\s+(?:a|an|the|his|her|their|its|my)\s+(?:[a-z-]+ )?(?:robot|android|droid|automaton|mech)/.test(text);
}
const HEADWEAR_WORD = /^(?:stetson|cowboy hat|fedora|cap|baseball cap|hood|helmet|crown|beanie|top hat|bowler hat|hat|veil|goggles)$/;

function readLooks(text: string, sketch: CharacterSketch) {
  readHair(text, sketch);
  if (/\b(broad[- ]shouldered|broad|burly|stocky|hulking|barrel-chested|giant)\b/.test(text)) sketch.build = "broad";
  else if (/\b(heavy|heavyset|stout|portly|fat|plump|round)\b/.test(text)) sketch.build = "heavy";
  else if (/\b(thin|slight|skinny|wiry|slender|frail|scrawny|petite|lanky|gangly|bony)\b/.test(text)) sketch.build = "slight";
  else if (/\b(athletic|muscular|strong|fit|lean|toned)\b/.test(text)) sketch.build = "athletic";
  if (/\b(tall|towering|lanky)\b/.test(text)) sketch.height = 1.12;
  else if (/\b(short|tiny|little|small)\b(?! (?:\w+ )?hair)/.test(text)) sketch.height = 0.9;
  const marks: [RegExp, Mark][] = [
    [/\bscar(s|red)?\b/, "scar"], [/\b(glasses|spectacles|bespectacled|monocle)\b/, "glasses"], [/\b(beard|bearded)\b/, "beard"],
    [/\b(mustache|moustache|mustached)\b/, "mustache"], [/\b(eye ?patch|one-eyed)\b/, "eyepatch"], [/\bfreckle(s|d)\b/, "freckles"],
    [/\btattoo(s|ed)?\b/, "tattoo"], [/\bearrings?\b/, "earring"], [/\bwrinkle(s|d)\b|\bweathered face\b/, "wrinkles"],
  ];
  for (const [re, mark] of marks) if (re.test(text) && !sketch.marks.includes(mark)) sketch.marks.push(mark);
  // Garments in the order the idea names them; a longer name first ("flight suit" is not also a "suit").
  const found: { at: number; end: number; word: string; phrase: string; color?: string }[] = [];
  for (const word of [...WARDROBE_WORDS].sort((a, b) => b.length - a.length)) {
    const re = new RegExp(`(?:\\b(${COLOR_NAMES}) )?\\b${word}\\b`, "g");
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const at = m.index + (m[1] ? m[1].length + 1 : 0);
      if (found.some((f) => at < f.end && at + word.length > f.at)) continue;
      found.push({ at, end: at + word.length, word, phrase: m[0], color: m[1] });
      break;
    }
  }
  found.sort((a, b) => a.at - b.at);
  for (const { word, phrase, color } of found) {
    if (HEADWEAR_WORD.test(word)) {
      const hw: Headwear | undefined = /cowboy|stetson/.test(word) ? "cowboy-hat" : /fedora|bowler|top hat/.test(word) ? "fedora" : /cap/.test(word) ? "cap" : /hood/.test(word) ? "hood" : /helmet|goggles/.test(word) ? "helmet" : /crown/.test(word) ? "crown" : /beanie/.test(word) ? "beanie" : word === "hat" ? "fedora" : undefined;
      if (hw && !sketch.headwear) sketch.headwear = hw;
      // "a green cap": the cap is green (headwear is drawn in the accent colour), not the shirt.
      if (color && !sketch.accentColor) sketch.accentColor = COLOR_WORDS[color];
    } else if (color && !sketch.wardrobeColor) sketch.wardrobeColor = COLOR_WORDS[color];
    if (!sketch.wardrobe.some((w) => w.includes(word))) sketch.wardrobe.push(phrase);
  }
  if (/\bhooded\b/.test(text) && !sketch.headwear) sketch.headwear = "hood";
}

/** "her dragon Ember", "a dog named Rex" (words before a name) or "Rex, a scruffy terrier" (after it). */
const ANIMAL_BEFORE = new RegExp(`\\b((?:[a-z-]+\\s+){0,3}?)(${SPECIES_WORD})(?:\\s+(?:named|called))?\\s*$`);
const ANIMAL_AFTER = new RegExp(`^\\s*,?\\s*(?:a|an|the|her|his|their|its|my|our)\\s+((?:[a-z-]+\\s+){0,3}?)(${SPECIES_WORD})\\b`);

/** The animal a description says someone is ("a loyal old dog", "an ancient red dragon"), not one they meet. */
export function saysAnimal(description: string): Species | undefined {
  // the words before it describe it ("loyal old"); "a man with a dog" is a man
  const m = new RegExp(`^\\s*(?:a|an|the)?\\s*(?:(?!(?:with|and|who|of|has|owns|walks|that|whose|a|an|the|his|her|their)\\b)[a-z-]+\\s+){0,3}?(${SPECIES_WORD})\\b`).exec(description.toLowerCase());
  return m ? speciesNamed(m[1]!) : undefined;
}

function readAnimal(pre: string, window: string): { species: Species; word: string; said: string } | undefined {
  const m = ANIMAL_BEFORE.exec(pre) ?? ANIMAL_AFTER.exec(window);
  const species = m && speciesNamed(m[2]!);
  // What is said of it: the words after its article or owner ("rides his old horse" -> "old").
  const said = (m?.[1] ?? "").split(/\b(?:a|an|the|her|his|their|its|my|our|and|with)\b/).pop()!.trim();
  return species ? { species, word: m![2]!, said } : undefined;
}

/** What the idea says of an animal: its coat, size, traits, whether it talks, whether it is the enemy. */
function readAnimalLooks(said: string, text: string, sketch: CharacterSketch) {
  const coat = new RegExp(`\\b(${COLOR_NAMES})\\b`).exec(said);
  if (coat && !sketch.coat) sketch.coat = COLOR_WORDS[coat[1]!];
  const all = `${said} ${text}`;
  if (/\b(huge|giant|enormous|massive|great|big|hulking)\b/.test(said)) { sketch.build = "broad"; sketch.height = 1.12; }
  else if (/\b(tiny|little|small|scrawny|skinny|young|baby)\b/.test(said)) { sketch.build = "slight"; sketch.height = 0.85; }
  else if (/\b(fat|plump|chubby|round|stout)\b/.test(said)) sketch.build = "heavy";
  if (/\b(talking|talks|speaking|speaks)\b/.test(all)) sketch.talks = true;
  // What the idea calls it ("scruffy", "old") comes first, then traits said later.
  for (const word of said.split(/\s+/)) if (word && !(word in COLOR_WORDS) && !/^(talking|named|called)$/.test(word) && !sketch.traits.includes(word) && sketch.traits.length < 8) sketch.traits.push(word);
  for (const word of all.split(/[^a-z-]+/)) if (TRAITS.has(word) && !sketch.traits.includes(word) && sketch.traits.length < 8) sketch.traits.push(word);
  if (/\b(villain|nemesis|arch-?enemy|antagonist|monstrous|man-eating)\b/.test(all)) sketch.role = "antagonist";
}

function readGender(sketch: CharacterSketch, ownWindow: string) {
  if (!sketch.gender) {
    if (/\bnon-?binary\b/.test(ownWindow)) sketch.gender = "nonbinary";
    else {
      // An object pronoun ("follows her", "betrays him") points at someone else.
      const subjectOnly = ownWindow.replace(/\b(\w+(?:s|ed)|to|with|for|at|and|tells|asks|finds|meets|sees|loves|kills|than)\s+(her|him|his)\b(?!\s+(?:own\s+)?[a-z]+(?:s|e|t|d|n|r|l|y|k|h|g)\b)/g, "$1 _");
      const f = FEMALE_WORDS.exec(subjectOnly);
      const m = MALE_WORDS.exec(subjectOnly);
      if (f && (!m || f.index < m.index)) sketch.gender = "female";
      else if (m) sketch.gender = "male";
    }
  }
}

function readPerson(text: string, sketch: CharacterSketch, ownWindow: string) {
  const age = readAge(text);
  if (age !== undefined && sketch.age === undefined) sketch.age = age;
  readGender(sketch, ownWindow);
  for (const job of JOBS) {
    if (sketch.job) break;
    if (new RegExp(`\\b${job}s?\\b`).test(text) && !["man", "woman", "girl", "boy", "kid"].includes(job)) sketch.job = job;
  }
  if (saysRobot(text)) {
    sketch.robot = true;
    const said = new RegExp(`\\b(${COLOR_NAMES}) (?:[a-z-]+ )?(?:robot|android|droid|automaton|mech)\\b`).exec(text);
    if (said && !sketch.plating) sketch.plating = COLOR_WORDS[said[1]!];
  }
  for (const word of text.split(/[^a-z-]+/)) if (TRAITS.has(word) && !sketch.traits.includes(word) && sketch.traits.length < 8) sketch.traits.push(word);
  if (/\b(villain|nemesis|arch-?enemy|antagonist)\b/.test(text)) sketch.role = "antagonist";
  readLooks(text, sketch);
}

const VERBISH = /^\s+(is|was|has|had|who|must|will|can|wants|says|said|finds|meets|rides|runs|takes|steals|stole|and|gets|goes|lives|works|loves|hates|hunts|tries|becomes|returns|leaves|discovers|learns|[a-z]+s)\b/;

/**
 * Find the people an idea names ("Ada", "Marcus Vale", "Sheriff Ada") and what it says about each.
 * Place names ("in Tombstone"), sentence-initial common words and style references are not people.
 * `masked` is the idea with style references blanked out (same length).
 */
export function findCharacters(masked: string): { characters: CharacterSketch[]; places: PlaceName[] } {
  const text = masked;
  const lower = text.toLowerCase();
  const starts = sentenceStarts(text);
  const toks = tokens(text);
  const lowerWords = new Set(toks.filter((t) => !CAP.test(t.text)).map((t) => lc(t.text)));
  const groups: { toks: Token[]; from: number }[] = [];
  for (let i = 0; i < toks.length; i++) {
    if (!CAP.test(toks[i].text) || (toks[i].text.length > 1 && toks[i].text === toks[i].text.toUpperCase())) continue;
    const group = [toks[i]];
    while (i + 1 < toks.length && CAP.test(toks[i + 1].text) && (text.slice(toks[i].end, toks[i + 1].start) === " " || (text.slice(toks[i].end, toks[i + 1].start) === ". " && /^(mr|mrs|ms|dr|st|prof)$/i.test(toks[i].text))) && group.length < 4) group.push(toks[++i]);
    groups.push({ toks: group, from: i - group.length + 1 });
  }
  const person = new Map<string, { score: number; place: number; mentions: Mention[] }>();
  const places: PlaceName[] = [];
  for (const { toks: group, from } of groups) {
    let words = group.slice();
    let title: string | undefined;
    const initial = starts.has(words[0].start);
    while (words.length && TITLES[lc(words[0].text)] && words.length > 1) title = lc(words.shift()!.text);
    if (initial && !title && words.length && (NOT_NAMES.has(lc(words[0].text)) || COMMON_NOUNS.has(lc(words[0].text)) || lowerWords.has(lc(words[0].text)))) words.shift();
    while (words.length && (NOT_NAMES.has(lc(words[0].text)) || (words.length > 1 && TITLES[lc(words[0].text)]))) {
      if (TITLES[lc(words[0].text)]) title = lc(words[0].text);
      words.shift();
    }
    if (!words.length) continue;
    if (words.every((w) => NOT_NAMES.has(lc(w.text)) || COMMON_NOUNS.has(lc(w.text)))) continue;
    const name = words.map((w) => w.text).join(" ");
    const first = words[0];
    const last = words[words.length - 1];
    const prev = from > 0 && first === group[0] ? lc(toks[from - 1].text) : "";
    const before = lower.slice(Math.max(0, first.start - 30), first.start);
    const after = text.slice(last.end, last.end + 40);
    let score = 0;
    let place = 0;
    if (title) score += 3;
    if (FEMALE_NAMES.has(lc(first.text)) || MALE_NAMES.has(lc(first.text))) score += 2;
    if (/^[’']s\b/.test(text.slice(last.end - 2, last.end + 1)) || /^[’']s\b/.test(after)) score += 1;
    if (/^,\s+(a|an|the|who|his|her|their)\b/.test(after)) score += 2;
    if (/\b(named|called)\s+$/.test(before)) score += 3;
    if (JOBS.includes(prev)) score += 2;
    if (VERBISH.test(after)) score += 1;
    if (PLACE_PREPOSITIONS.has(prev)) place += prev === "to" || prev === "of" ? 0.75 : 1.5;
    if (prev === "the") place += 2;
    // "1940s Los Angeles", "1985 Tokyo": a time before a name makes it a place.
    if (/^\d{2,4}s?$/.test(prev)) place += 2;
    if (PLACE_SUFFIXES.has(lc(last.text))) place += 3;
    if (KNOWN_PLACES.has(lc(name)) || KNOWN_PLACES.has(lc(first.text))) place += 3;
    if (initial && first === group[0] && !title && score < 2 && !/^(,|\s+and\b)/.test(after)) continue;
    const key = lc(name);
    const entry = person.get(key) ?? { score: 0, place: 0, mentions: [] };
    entry.score += score;
    entry.place += place;
    entry.mentions.push({ key, words: words.map((w) => w.text), start: first.start, end: last.end, title });
    person.set(key, entry);
  }
  // Merge "Vale" into "Marcus Vale"; decide person vs place.
  const keys = [...person.keys()].sort((a, b) => b.split(" ").length - a.split(" ").length);
  const merged = new Map<string, { score: number; place: number; mentions: Mention[]; name: string }>();
  for (const key of keys) {
    const entry = person.get(key)!;
    const host = [...merged.values()].find((m) => m.name.toLowerCase().split(" ").length > key.split(" ").length && m.name.toLowerCase().split(" ").includes(key.split(" ")[0]) && key.split(" ").every((w) => m.name.toLowerCase().split(" ").includes(w)));
    if (host) {
      host.score += entry.score;
      host.place += entry.place;
      host.mentions.push(...entry.mentions);
    } else merged.set(key, { ...entry, name: entry.mentions[0].words.join(" ") });
  }
  const people: { name: string; mentions: Mention[] }[] = [];
  for (const entry of merged.values()) {
    if (entry.place > entry.score || (entry.place > 0 && entry.score === 0)) {
      places.push({ name: entry.name, index: entry.mentions[0].start });
      continue;
    }
    entry.mentions.sort((a, b) => a.start - b.start);
    people.push({ name: entry.name, mentions: entry.mentions });
  }
  people.sort((a, b) => a.mentions[0].start - b.mentions[0].start);
  // Attribute windows: from a mention to the next mention of someone else (within the sentence for looks).
  const all = people.flatMap((p, i) => p.mentions.map((m) => ({ ...m, who: i }))).sort((a, b) => a.start - b.start);
  const sketches: CharacterSketch[] = people.map((p) => ({ name: p.name, firstIndex: p.mentions[0].start, mentions: p.mentions.length, traits: [], marks: [], wardrobe: [] }));
  all.forEach((m, k) => {
    const sketch = sketches[m.who];
    if (m.title) {
      const t = TITLES[m.title];
      if (t.gender && !sketch.gender) sketch.gender = t.gender;
      if (t.job && !sketch.job) sketch.job = t.job;
    }
    const next = all.slice(k + 1).find((o) => o.who !== m.who);
    let end = next ? next.start : text.length;
    const sentenceEnd = /[.!?;](\s|$)/.exec(text.slice(m.end));
    const clauseEnd = sentenceEnd ? m.end + sentenceEnd.index : text.length;
    if (next) {
      const between = lower.slice(m.end, next.start);
      const intro = /\b(a|an|the|his|her|their|its)\s+(?:[a-z-]+\s+){0,4}$/.exec(between);
      if (intro && (/\b(named|called)\s+$/.test(between) || JOBS.some((j) => between.trimEnd().endsWith(j)))) end = m.end + intro.index;

      // "..., and old Walter": adjectives right before the next name describe that person.
      const lead = /(?:,|\band\b|\bwith\b|\bmeets\b|\bto\b|\bby\b)\s+((?:[a-z-]+\s+){1,4})$/.exec(between);
      if (lead && lead[1].trim().split(/\s+/).every((w) => TRAITS.has(w) || JOBS.includes(w) || /^(a|an|the|her|his|their|its|my|our)$/.test(w)))
        end = Math.min(end, m.end + lead.index + 1);
    }
    const window = lower.slice(m.end, Math.min(end, clauseEnd));
    const ownWindow = lower.slice(m.end, Math.min(end, m.end + 300));
    const prevOther = all.slice(0, k).reverse().find((o) => o.who !== m.who);
    const sentenceStart = Math.max(...[...starts].filter((s) => s <= m.start));
    const preStart = Math.max(sentenceStart, prevOther ? prevOther.end : 0);
    const pre = (lower.slice(preStart, m.start).split(/,|;|\b(?:and|with|meets|hires|finds|but)\b/).pop() ?? "").split(/\s+/).slice(-6).join(" ");
    const preOwn = (pre.split(/\b(?:and|with|meets|hires|finds)\b/).pop() ?? "").replace(/\b(she|he|her|his|him|their|they)\b/g, "_");
    // "... to rescue her brother": someone else's relation, not this person's job (", her brother," is).
    const own = window.replace(/\b(?:her|his|their|my|our)\s+([a-z-]+)/g, (m, word: string, at: number) => (at < 4 || !JOBS.includes(word) ? m : " ".repeat(m.length)));
    const animal = readAnimal(pre, ownWindow);
    if (animal && !sketch.animal) Object.assign(sketch, { animal: animal.species, animalWord: animal.word });
    if (sketch.animal) {
      // An animal has no job or clothes; "a sorcerer" later in the sentence is someone else.
      readGender(sketch, ownWindow);
      readAnimalLooks(animal?.said ?? "", window.slice(0, 80), sketch);
    } else readPerson(`${pre} ${own}`, sketch, `${preOwn} ${ownWindow}`);
    // "Mara ... . Her grandson Eli": the possessive before the next person is this one's.
    const possessive = next && !sketch.gender ? /(?:^|[.;!?]\s+|,\s+|\band\s+)(her|his)\s+(?:[a-z-]+\s+){1,2}$/.exec(lower.slice(m.end, next.start)) : null;
    if (possessive) sketch.gender = possessive[1] === "her" ? "female" : "male";
    if (/^\s*(?:\w+\s+){0,2}(stole|steals|kidnaps|kidnapped|killed|kills|murdered|murders|betrays|betrayed|framed|frames)\b/.test(window) || /\b(stolen|taken|kidnapped|killed|murdered|betrayed|framed) by\s+$/.test(lower.slice(Math.max(0, m.start - 20), m.start)))
      sketch.role = "antagonist";
  });
  for (const sketch of sketches) {
    if (!sketch.gender) {
      const first = lc(sketch.name.split(" ")[0]);
      if (FEMALE_NAMES.has(first)) sketch.gender = "female";
      else if (MALE_NAMES.has(first)) sketch.gender = "male";
    }
    if (!sketch.role && sketch.job && JOB_ROLE[sketch.job]) sketch.role = JOB_ROLE[sketch.job];
    if (/\b(love|lover|crush|falls for|fall for|sweetheart)\b/.test(lower) && !sketch.role && sketches.indexOf(sketch) === 1) sketch.role = "love-interest";
  }
  return { characters: sketches, places };
}

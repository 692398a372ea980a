import { fitDurations } from "../screenplay/apply-edits";
import { LIMITS } from "../screenplay/limits";
import { beatAt, ENDING_SUMMARIES, type Beat, type EndingDirection } from "./beats";
import { REGISTERS, type Intent, type Register } from "./dialogue-bank";
import type { GenreProfile, PlaceTemplate } from "./genres";
import { PLACE_WORDS } from "./lexicon";
import { createRng, type Rng } from "./prng";
import type { RequestedScene } from "./read-idea";
import type { CameraMove, Character, Framing, Line, Scene, Shot, SoundCue, SoundCueKind, TimeOfDay, Weather } from "./types";
import { createLineWriter, type LineWriter } from "./write-lines";
import type { Species } from "../screenplay/species";

/** Everything scene writing needs; built from an idea (writeScreenplay) or from a screenplay (reviseScreenplay). */
export interface StoryContext {
  seed: string;
  genre: GenreProfile;
  characters: Character[];
  goal: { verb: string; object: string };
  places: PlaceTemplate[];
  timeOfDay?: TimeOfDay;
  weather?: Weather;
  ending?: EndingDirection;
  /** Average shot length for this film, seconds. */
  averageShot: number;
  /** A thing the idea names ("a lantern") for the detail shots, when it gives no goal to show. */
  detail?: string;
}

/** One scene to write: where it sits in the film and how long it runs. */
export interface SceneSlot {
  id: string;
  /** Share of running time where the scene sits (0 = first, 1 = last). */
  position: number;
  seconds: number;
  requested?: RequestedScene;
  /** First or last scene of the film (crane, fades). */
  first: boolean;
  last: boolean;
  actStart: boolean;
  actEnd: boolean;
  /** A revision's direction for this scene ("hopeful", or free text that becomes the summary). */
  direction?: EndingDirection;
  note?: string;
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const pronoun = (c: Character | undefined) => (c?.gender === "female" ? "her" : c?.gender === "male" ? "his" : "their");
const subject = (c: Character | undefined) => (c?.gender === "female" ? "she" : c?.gender === "male" ? "he" : "they");
const objectPronoun = (c: Character | undefined) => (c?.gender === "female" ? "her" : c?.gender === "male" ? "him" : "them");
const sentence = (s: string) => { const t = cap(s.trim()); return /[.!?…]["”’)]?$/.test(t) ? t : `${t}.`; };
const clip = (s: string, n: number) => (s.length <= n ? s : s.slice(0, n - 1).replace(/\s+\S*$/, "") + "…");

function registerOf(c: Character): Register {
  return Object.values(REGISTERS).find((r) => r.speech === c.speech) ?? REGISTERS.wry;
}

function roleClass(c: Character): "hero" | "foe" | "other" {
  return c.role === "protagonist" ? "hero" : c.role === "antagonist" ? "foe" : "other";
}

export function heroOf(characters: Character[]): Character {
  return characters.find((c) => c.role === "protagonist") ?? characters[0];
}
export function foeOf(characters: Character[]): Character | undefined {
  return characters.find((c) => c.role === "antagonist");
}
/** An animal's reaction in its close-up. */
const REACTIONS: Record<Species, string[]> = {
  dog: ["ears prick up", "head tilted, listening", "a hopeful look", "a low growl at the door"],
  wolf: ["yellow eyes, unblinking", "hackles rising", "ears flat, watching"],
  fox: ["ears prick up", "a sly look", "nose twitching"],
  cat: ["an unimpressed stare", "a slow blink", "ears swivel toward the sound"],
  horse: ["a snort, ears forward", "a restless toss of the head", "a calm, dark eye"],
  mule: ["a stubborn stare", "long ears swivel", "a patient snort"],
  dragon: ["smoke curls from its nostrils", "a slit-eyed stare", "its head lowers, close"],
};

/** What an animal sounds like. */
const CALLS: Record<Species, SoundCueKind> = { dog: "bark", fox: "bark", wolf: "bark", cat: "meow", horse: "neigh", mule: "neigh", dragon: "roar" };

/** Animals keep quiet unless the film is theirs or the idea says they talk ("a talking cat"). */
export function speaks(c: Character): boolean {
  return c.identity.body !== "animal" || c.role === "protagonist" || c.traits.includes("talking");
}
function othersOf(characters: Character[]): Character[] {
  return characters.filter((c) => c.role !== "protagonist" && c.role !== "antagonist");
}

/** "find her stolen mule" as said by the hero ("my"), or about them ("her"). */
export function goalPhrase(ctx: StoryContext, voice: "first" | "third"): { goal: string; object: string } {
  const hero = heroOf(ctx.characters);
  const poss = voice === "first" ? "my" : pronoun(hero);
  const fix = (s: string) => s.replace(/\b(her|his|their)\b/g, poss);
  return { goal: fix(`${ctx.goal.verb} ${ctx.goal.object}`), object: fix(ctx.goal.object).replace(/^(out|back|down|up)\s+/, "") };
}

function pickPlace(ctx: StoryContext, slot: SceneSlot, index: number, previous: PlaceTemplate | undefined, rng: Rng): PlaceTemplate {
  if (slot.requested) {
    const lower = slot.requested.text.toLowerCase();
    const proper = ctx.places.find((p) => lower.includes(p.name.toLowerCase().replace(/^the /, "")));
    if (proper) return proper;
    for (const [re, place] of PLACE_WORDS) {
      const m = re.exec(lower);
      if (!m) continue;
      // the film's own version of it when it has one ("a bridge" in a film set in Paris: the bridge in Paris)
      const own = ctx.places.find((p) => p.kind === place.kind && p.name.toLowerCase().includes(m[1] ?? m[0]));
      return own ?? { name: place.noun.replace("$1", m[1] ?? m[0]), kind: place.kind, interior: place.interior };
    }
    // "Ada riding off at sunset": leaving happens outdoors, on the film's open ground.
    if (/\b(?:rid(?:e|es|ing)|walk(?:s|ing)?|driv(?:e|es|ing)|sail(?:s|ing)?|head(?:s|ing)?|drift(?:s|ing)?) (?:off|away|out|home)\b|\binto the sunset\b/.test(lower)) {
      const outdoors = ctx.places.find((p) => !p.interior);
      return outdoors ?? { name: "The open road", kind: "road", interior: false };
    }
  }
  const pool = ctx.places.length ? ctx.places : [{ name: "a quiet room", kind: "room" as const, interior: true }];
  if (slot.first) return pool[0];
  let choice = pool[(index * 3 + rng.int(2)) % pool.length];
  if (previous && choice.name === previous.name && pool.length > 1) choice = pool[(pool.indexOf(choice) + 1) % pool.length];
  return choice;
}

function timeFor(ctx: StoryContext, slot: SceneSlot, rng: Rng): TimeOfDay {
  const text = slot.requested?.text.toLowerCase() ?? "";
  if (/\b(dawn|sunrise|first light)\b/.test(text)) return "dawn";
  if (/\b(sunset|sundown|golden hour)\b/.test(text)) return "golden-hour";
  if (/\b(dusk|evening|twilight)\b/.test(text)) return "dusk";
  if (/\b(night|midnight|moonlight)\b/.test(text)) return "night";
  if (/\b(noon|midday)\b/.test(text)) return "midday";
  if (ctx.timeOfDay && (slot.first || rng.chance(0.35))) return ctx.timeOfDay;
  const times = ctx.genre.times;
  return times[Math.min(times.length - 1, Math.floor(slot.position * times.length * 0.999))];
}

function weatherFor(ctx: StoryContext, slot: SceneSlot, interior: boolean, rng: Rng): Weather {
  const text = slot.requested?.text.toLowerCase() ?? "";
  if (/(storm|thunder|lightning)/.test(text)) return "storm";
  if (/\brain/.test(text)) return "rain";
  if (/\bsnow/.test(text)) return "snow";
  if (/\bfog|mist/.test(text)) return "fog";
  if (/\b(calm|clear|sunny|still|cloudless)\b/.test(text)) return "clear";
  if (ctx.weather && (slot.first || rng.chance(interior ? 0.5 : 0.75))) return ctx.weather;
  return rng.pick(ctx.genre.weathers);
}

const REQUESTED_AT = { opening: 0, middle: 0.5, climax: 0.86, ending: 1 } as const;

const TIME_WORDS: Record<TimeOfDay, string> = { dawn: "DAWN", morning: "MORNING", midday: "DAY", afternoon: "AFTERNOON", "golden-hour": "SUNSET", dusk: "DUSK", "blue-hour": "BLUE HOUR", night: "NIGHT" };

interface ShotPlan {
  framing: Framing;
  move: CameraMove;
  lens: number;
  weight: number;
  talk: boolean;
  kind: "establish" | "two" | "ots" | "close" | "insert" | "leave" | "medium";
}

/** Coverage: establishing wide -> two-shot -> over-the-shoulder / reverse -> close-ups on the beat -> a wide or detail to leave. */
function planCoverage(n: number, slot: SceneSlot, beat: Beat, interior: boolean, people: number, rng: Rng): ShotPlan[] {
  const chaos = beat.energy >= 0.75;
  const establish: ShotPlan = {
    kind: "establish", framing: interior ? "wide" : "extreme-wide", lens: interior ? 28 : 24, weight: 1, talk: n <= 2,
    move: slot.first ? "crane-down" : slot.last ? "crane-up" : chaos ? "handheld" : rng.pick(["static", "pan-right", "pan-left", "static"] as CameraMove[]),
  };
  if (n === 1) return [{ ...establish, framing: "wide", talk: true }];
  const leave: ShotPlan = slot.last
    ? { kind: "leave", framing: "extreme-wide", move: "crane-up", lens: 24, weight: 1.1, talk: false }
    : rng.chance(0.3)
      ? { kind: "leave", framing: "insert", move: "static", lens: 100, weight: 0.6, talk: false }
      : { kind: "leave", framing: "wide", move: beat.energy < 0.3 ? "pull-out" : "tracking", lens: 28, weight: 0.9, talk: false };
  const middle: ShotPlan[] = [];
  const m = n - (n >= 4 ? 2 : 1);
  const climaxAt = Math.floor(m * 0.7);
  for (let i = 0; i < m; i++) {
    const move = (base: CameraMove): CameraMove => (chaos && rng.chance(0.6) ? "handheld" : base);
    if (i === 0 && people > 1) middle.push({ kind: "two", framing: "two-shot", move: move(beat.energy > 0.45 ? "tracking" : "static"), lens: 35, weight: 1.4, talk: true });
    else if (i === climaxAt && m > 2) middle.push({ kind: "close", framing: "close-up", move: chaos ? "handheld" : "push-in", lens: 85, weight: 1.2, talk: true });
    else if (i % 5 === 4 && m > 5) middle.push({ kind: "insert", framing: rng.pick(["insert", "extreme-close-up"] as Framing[]), move: "static", lens: 100, weight: 0.6, talk: false });
    else if (i % 7 === 6) middle.push({ kind: "medium", framing: "medium", move: move("static"), lens: 40, weight: 1.2, talk: true });
    else if (people > 1) middle.push({ kind: "ots", framing: i % 3 === 2 ? "medium-close-up" : "over-the-shoulder", move: move(beat.energy > 0.55 && i % 3 === 2 ? "push-in" : "static"), lens: i % 3 === 2 ? 65 : 50, weight: 1.3, talk: true });
    else middle.push({ kind: "close", framing: i % 2 ? "medium-close-up" : "medium", move: move("static"), lens: i % 2 ? 65 : 40, weight: 1.2, talk: true });
  }
  return n >= 4 ? [establish, ...middle, leave] : [establish, ...middle];
}

function ambientCue(ctx: StoryContext, place: PlaceTemplate, weather: Weather): SoundCueKind | undefined {
  if (weather === "storm") return "thunder";
  if (ctx.genre.id === "western" && !place.interior) return "horse";
  const byKind: Partial<Record<string, SoundCueKind>> = {
    market: "crowd", bar: "glass", church: "bell", village: "bell", sea: "splash", river: "splash", beach: "splash", snowfield: "wind-gust",
    desert: "wind-gust", mountain: "wind-gust", "city-street": "engine", road: "engine", "neon-alley": "engine", spaceship: "alarm", station: "crowd", train: "engine",
  };
  if (place.interior && !byKind[place.kind]) return "door";
  return byKind[place.kind];
}

function actionCue(ctx: StoryContext): SoundCueKind {
  const cues = ctx.genre.cues.filter((c) => ["gunshot", "explosion", "impact", "alarm", "glass", "heartbeat", "engine"].includes(c));
  return cues[0] ?? "impact";
}


function shotAction(plan: ShotPlan, people: Character[], focus: Character, other: Character | undefined, place: PlaceTemplate, mood: string, requested: string | undefined, object: string, weather: Weather, time: TimeOfDay, rng: Rng): string {
  const names = people.map((p) => p.name);
  const list = names.length > 1 ? `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}` : names[0];
  switch (plan.kind) {
    case "establish":
      return clip(`${cap(place.name)}, ${TIME_WORDS[time].toLowerCase()}${weather !== "clear" ? `, ${weather}` : ""}. ${requested ? sentence(requested) : `${list} ${rng.pick(["arrive", "wait", "stand apart", "are already here", "come into view"]).replace(/^arrive$/, names.length > 1 ? "arrive" : "arrives").replace(/^wait$/, names.length > 1 ? "wait" : "waits").replace(/^are already here$/, names.length > 1 ? "are already here" : "is already here").replace(/^stand apart$/, names.length > 1 ? "stand apart" : "stands alone").replace(/^come into view$/, names.length > 1 ? "come into view" : "comes into view")}.`}`, 400);
    case "two":
      return other ? `${focus.name} and ${other.name} ${rng.pick(["face each other", "talk, keeping their distance", "sit across from each other", "circle each other", "walk side by side"])}; the mood is ${mood}.` : `${focus.name} alone, ${mood}.`;
    case "ots":
      return other ? `Over ${other.name}'s shoulder: ${focus.name} ${rng.pick(["answers", "holds the look", "leans in", "looks away, then back", "weighs every word"])}.` : `${focus.name} ${rng.pick(["speaks low", "thinks it over"])}.`;
    case "close":
      return `Close on ${focus.name}: ${rng.pick(["the moment lands", "something breaks behind the eyes", "a decision forms", "fear, then resolve", "a flicker of a smile"])}.`;
    case "medium":
      return `${focus.name} ${rng.pick(["moves to the window", "paces", "checks the door", "turns away"])}${other ? `, ${other.name} watching` : ""}.`;
    case "insert":
      return `Detail: ${object ? object : "a small object"}, ${rng.pick(["in a trembling hand", "on the table between them", "catching the light", "half hidden"])}.`;
    case "leave":
      return plan.framing === "insert" ? `Detail: ${object || "what is left behind"}, as the scene goes quiet.` : `${list} ${names.length > 1 ? "are" : "is"} small in ${place.name} as the camera ${plan.move === "crane-up" ? "rises" : plan.move === "pull-out" ? "pulls away" : "follows, then stops"}.`;
  }
}

function sceneCast(ctx: StoryContext, beat: Beat, slot: SceneSlot, index: number, unseen: Character[]): Character[] {
  const hero = heroOf(ctx.characters);
  const foe = foeOf(ctx.characters);
  const others = othersOf(ctx.characters);
  const ally = others.length ? others[index % others.length] : undefined;
  const cast: Character[] = [hero];
  const add = (c: Character | undefined) => c && !cast.includes(c) && cast.push(c);
  if (beat.company === "foe") add(foe ?? ally);
  else if (beat.company === "all") { add(ally); add(foe); }
  else add(ally ?? foe);
  const text = slot.requested?.text.toLowerCase() ?? "";
  for (const c of ctx.characters) if (text && new RegExp(`\\b${c.name.split(" ")[0].toLowerCase()}\\b`).test(text)) add(c);
  while (unseen.length && cast.length < 4) add(unseen.shift());
  return cast.slice(0, 6);
}

/**
 * Write scenes for slots: beat, place, time, weather, mood, summary, coverage, lines, sound, durations.
 * The same context and slots give the same scenes.
 */
export function writeScenes(ctx: StoryContext, slots: SceneSlot[]): Scene[] {
  const rng = createRng("scenes", ctx.seed, slots.map((s) => s.id).join(","));
  const writer: LineWriter = createLineWriter(rng.fork("lines"));
  const hero = heroOf(ctx.characters);
  const foe = foeOf(ctx.characters);
  const unseen = ctx.characters.filter((c) => c !== hero && c.role !== "antagonist");
  let previous: PlaceTemplate | undefined;
  const visited = new Set<string>();
  let previousTime: TimeOfDay | undefined;
  return slots.map((slot, index) => {
    const srng = rng.fork(slot.id);
    const beat = beatAt(ctx.genre.beats, slot.requested ? REQUESTED_AT[slot.requested.position] : slot.position);
    const people = sceneCast(ctx, beat, slot, index, unseen);
    for (const p of people) {
      const k = unseen.indexOf(p);
      if (k >= 0) unseen.splice(k, 1);
    }
    const place = pickPlace(ctx, slot, index, previous, srng);
    const returning = visited.has(place.name);
    visited.add(place.name);
    previous = place;
    const time = timeFor(ctx, slot, srng);
    const weather = weatherFor(ctx, slot, place.interior, srng);
    const ally = people.find((p) => p !== hero && p !== foe) ?? people.find((p) => p !== hero);
    const third = goalPhrase(ctx, "third");
    const fillSummary = (t: string) =>
      t.replace(/\{hero\}/g, hero.name).replace(/\{ally\}/g, ally?.name ?? "an old friend").replace(/\{foe\}/g, foe?.name ?? "the enemy").replace(/\{goal\}/g, third.goal).replace(/\{place\}/g, place.name).replace(/\{hp\}/g, pronoun(hero)).replace(/\{hs\}/g, subject(hero)).replace(/\{ho\}/g, objectPronoun(hero)).replace(/\bthey (has|was)\b/g, (_, v: string) => `they ${v === "has" ? "have" : "were"}`);
    const direction = slot.direction ?? (slot.position >= 0.8 ? ctx.ending : undefined);
    const ending = direction ? ENDING_SUMMARIES[direction] : undefined;
    // Without an antagonist, a summary that needs one ("face to face with the enemy") is a last resort;
    // "Back at" only for a place the film has been to.
    const options = ending && slot.position >= 0.8 ? (slot.last ? ending.last : ending.finale) : beat.summaries;
    const fitting = options.filter((t) => (foe || !t.includes("{foe}")) && (returning || !t.startsWith("Back at")));
    let summary = cap(fillSummary(srng.pick(fitting.length ? fitting : options)).replace(/^Back at /, returning ? "Back at " : "At "));
    if (slot.requested) summary = `${sentence(slot.requested.text)} ${summary}`;
    if (slot.note) summary = `${sentence(slot.note)} ${summary}`;
    const mood = ending && slot.position >= 0.8 ? ending.mood[slot.last ? 1 : 0] : beat.mood;
    const n = Math.max(1, Math.min(LIMITS.maxShotsPerScene, Math.round(slot.seconds / (ctx.averageShot * (1.15 - 0.35 * beat.energy)))));
    const plans = planCoverage(n, slot, beat, place.interior, people.length, srng);
    const totalWeight = plans.reduce((s, p) => s + p.weight, 0);
    const first = goalPhrase(ctx, "first");
    const counts = new Map<string, number>();
    let talker = 0;
    let quoteUsed = false;
    // A quiet animal in the scene gets one reaction close-up, in place of a tighter over-the-shoulder.
    const beast = people.find((p) => p.identity.body === "animal" && !speaks(p));
    let reacted = false;
    const shots: Shot[] = plans.map((plan, k) => {
      const reaction = !!beast && !reacted && plan.kind === "ots" && plan.framing === "medium-close-up";
      if (reaction) reacted = true;
      const planned = Math.min(LIMITS.maxShotSeconds, Math.max(LIMITS.minShotSeconds, (slot.seconds * plan.weight) / totalWeight));
      const talkers = people.filter(speaks);
      const focus = plan.kind === "establish" || plan.kind === "leave" ? hero : talkers.length ? talkers[talker % talkers.length] : people[talker % people.length];
      const other = talkers.find((p) => p !== focus) ?? people.find((p) => p !== focus);
      const lines: Line[] = [];
      if (plan.talk && planned >= 1.6 && !reaction) {
        const speakers = [focus];
        if (plan.kind === "two" && other && speaks(other) && planned > 6) speakers.push(other);
        let budget = planned;
        for (const speaker of speakers) {
          const lineId = `${slot.id}-k${k + 1}-l${lines.length + 1}`;
          if (slot.requested?.quote && !quoteUsed) {
            const text = clip(slot.requested.quote, 120);
            quoteUsed = true;
            lines.push({ id: lineId, speaker: speaker.id, text, delivery: registerOf(speaker).neutral });
            budget = 0;
            break;
          }
          const cls = roleClass(speaker);
          const intents: Intent[] = beat.intents[cls];
          const used = counts.get(speaker.id) ?? 0;
          counts.set(speaker.id, used + 1);
          let intent = intents[(used + index) % intents.length];
          if (direction && slot.position >= 0.8 && cls !== "foe") intent = direction === "hopeful" ? (used % 2 ? "encourage" : "hope") : direction === "dark" ? (used % 2 ? "grieve" : "threaten") : direction === "funny" ? "joke" : intent;
          const available = budget - (lines.length ? 0.35 + 0.8 : 0);
          const listener = speaker === focus ? other : focus;
          const slots = { goal: cls === "hero" ? first.goal : third.goal, object: cls === "hero" ? first.object : third.object, other: listener?.name.split(" ")[0] ?? "friend", foe: foe?.name.split(" ")[0], place: place.name };
          const line = writer.write(intent, registerOf(speaker), slots, lines.length ? available + 0.8 : available);
          if (!line) break;
          lines.push({ id: lineId, speaker: speaker.id, ...line });
          budget -= (line.text.length / 14) + (lines.length > 1 ? 0.35 : 0.8);
        }
        talker++;
      }
      const sound: SoundCue[] = [];
      if (plan.kind === "establish") {
        const cue = ambientCue(ctx, place, weather);
        if (cue) sound.push({ kind: cue, at: Math.round(srng.range(0.15, 0.5) * 100) / 100, gain: 0.8 });
      }
      if (plan.move === "tracking" && !place.interior) sound.push({ kind: "footsteps", at: 0.1, gain: 0.6 });
      if (beat.energy >= 0.75 && (plan.kind === "two" || plan.framing === "close-up") && srng.chance(0.7)) sound.push({ kind: actionCue(ctx), at: Math.round(srng.range(0.3, 0.8) * 100) / 100, gain: 1 });
      if (ctx.genre.id === "horror" && plan.framing === "close-up") sound.push({ kind: "heartbeat", at: 0, gain: 0.7 });
      // an animal in the shot is heard now and then: a bark, a meow, a whinny, a roar
      if (beast && plan.kind !== "insert" && srng.chance(plan.kind === "establish" ? 0.6 : 0.2)) sound.push({ kind: CALLS[beast.identity.species ?? "dog"], at: Math.round(srng.range(0.2, 0.6) * 100) / 100, gain: 0.7 });
      if (weather === "storm" && plan.kind === "leave") sound.push({ kind: "thunder", at: 0.6, gain: 0.9 });
      const characters = reaction ? [beast!.id] : plan.kind === "insert" || plan.framing === "insert" ? [] : plan.kind === "close" ? [focus.id] : plan.kind === "establish" || plan.kind === "leave" ? people.map((p) => p.id) : [...new Set([focus.id, ...(other ? [other.id] : []), ...lines.map((l) => l.speaker)])];
      for (const l of lines) if (!characters.includes(l.speaker)) characters.push(l.speaker);
      return {
        id: `${slot.id}-k${k + 1}`,
        framing: reaction ? "close-up" : plan.framing,
        camera: { move: plan.move, lens: plan.lens },
        action: reaction ? `Close on ${beast!.name}: ${srng.pick(REACTIONS[beast!.identity.species ?? "dog"])}.` : shotAction(plan, people, focus, other, place, mood, k === 0 ? slot.requested?.text : undefined, ctx.detail ? `the ${ctx.detail}` : first.object.replace(/^my /, `${hero.name}'s `), weather, time, srng),
        characters: characters.slice(0, 8),
        lines,
        sound: sound.slice(0, 8),
        transitionIn: k === 0 ? (slot.first || slot.actStart ? "fade-from-black" : previousTime && previousTime !== time ? "dissolve" : "cut") : "cut",
        transitionOut: k === plans.length - 1 && (slot.last || slot.actEnd) ? "fade-to-black" : "cut",
        duration: planned,
        take: 1,
        continues: k > 0 && plan.kind === "ots" && plans[k - 1].kind === "ots" && srng.chance(0.2),
      };
    });
    previousTime = time;
    const durations = fitDurations(shots, slot.seconds);
    shots.forEach((s, i) => (s.duration = durations[i]));
    const heading = clip(`${place.interior ? "INT." : "EXT."} ${place.name.toUpperCase()} - ${TIME_WORDS[time]}`, 120);
    return {
      id: slot.id,
      heading,
      location: { name: clip(cap(place.name), 80), kind: place.kind, interior: place.interior },
      timeOfDay: time,
      weather,
      mood: clip(mood, 40),
      summary: clip(summary, 600),
      beat: beat.name,
      shots,
    };
  });
}


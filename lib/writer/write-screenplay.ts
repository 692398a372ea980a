import { LIMITS } from "../screenplay/limits";
import type { Screenplay } from "../screenplay/schema";
import { parseScreenplay } from "../screenplay/validate";
import { buildCast } from "./build-cast";
import { checkIdea } from "./check-idea";
import type { GenreProfile } from "./genres";
import { averageShotFor, planSlots } from "./plan-slots";
import { readIdea, type IdeaReading } from "./read-idea";
import type { Look, Style } from "./types";
import { foeOf, goalPhrase, heroOf, writeScenes, type StoryContext } from "./write-scenes";

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const titleCase = (s: string) => s.replace(/\b([a-z])([a-z']*)/g, (m, a: string, b: string) => (["of", "the", "a", "an", "and", "to", "in", "on", "at", "for"].includes(m) ? m : a.toUpperCase() + b));

export function styleFor(genre: GenreProfile, reading: Pick<IdeaReading, "style">, tone: string): Style {
  const look: Look = { ...genre.look, aspect: "16:9", anamorphic: false, blackAndWhite: false, ...reading.style.look };
  if (look.blackAndWhite) look.saturation = 0;
  return { genre: genre.label, tone: tone.slice(0, 60), references: reading.style.references.slice(0, 8), look, music: { ...genre.music, instruments: genre.music.instruments.slice() } };
}

function titleFor(reading: IdeaReading, ctx: StoryContext): string {
  if (reading.title) return reading.title.slice(0, 120);
  const hero = heroOf(ctx.characters);
  if (reading.goal) {
    const object = reading.goal.object.replace(/^(out|back|down|up)\s+/, "").replace(/^(her|his|their|the|a|an|my|our)\s+/, "");
    const words = object.split(/\s+/);
    if (words.length <= 4 && !/\b(who|what|why|how)\b/.test(object)) return titleCase(`${ctx.seed.length % 2 ? `${hero.name} and the` : "the"} ${object}`).replace(/^the/, "The").slice(0, 120);
  }
  return `${hero.name}: ${ctx.genre.actTitles[2]}`.slice(0, 120);
}

function loglineFor(reading: IdeaReading, ctx: StoryContext): string {
  const hero = heroOf(ctx.characters);
  const foe = foeOf(ctx.characters);
  const { goal } = goalPhrase(ctx, "third");
  const desc = hero.description.replace(/;.*$/, "");
  const line = `${hero.name}, ${desc}, sets out to ${goal}${foe ? `, but ${foe.name}, ${foe.description.replace(/;.*$/, "")}, stands in the way` : ""}.`;
  return (line.length <= 400 ? line : `${hero.name} sets out to ${goal}.`).slice(0, 400);
}

/**
 * The offline story engine: an idea -> a whole screenplay that passes parseScreenplay, with notes for the
 * person (limits applied, guesses made). Deterministic: the same idea gives the same bytes.
 */
export function writeScreenplay(idea: string): { screenplay: Screenplay; notes: string[] } {
  const text = checkIdea(idea);
  const reading = readIdea(text);
  const genre = reading.genre;
  const cast = buildCast(reading.characters, genre, text);
  const notes = [...reading.notes, ...cast.notes];
  if (!reading.characters.length && reading.confidence >= 0.25 && !cast.notes.length) notes.push("No one was named, so the writer made up a cast.");
  const places = [...reading.places, ...genre.places.filter((p) => !reading.places.some((r) => r.kind === p.kind))];
  const ctx: StoryContext = {
    seed: text,
    genre,
    characters: cast.characters,
    goal: reading.goal ?? genre.goal,
    places,
    timeOfDay: reading.timeOfDay,
    weather: reading.weather,
    ending: reading.ending,
    averageShot: averageShotFor(reading.seconds),
    detail: reading.goal ? undefined : reading.prop,
  };
  const plan = planSlots(reading.seconds, reading.scenes, text);
  const scenes = writeScenes(ctx, plan.flatMap((a) => a.slots));
  let k = 0;
  const acts = plan.map((a, i) => {
    const actScenes = scenes.slice(k, k + a.slots.length);
    k += a.slots.length;
    const title = plan.length === 3 ? genre.actTitles[i] : plan.length === 1 ? "The Film" : ["Setup", "Resolution"][i];
    return { id: a.id, title, summary: actScenes.map((s) => s.summary.split(/(?<=[.!?])\s/)[0]).join(" ").slice(0, 600), scenes: actScenes };
  });
  const tone = reading.ending ? `${genre.tone}, with a ${reading.ending} ending` : genre.tone;
  const screenplay = parseScreenplay({
    version: 1,
    title: titleFor(reading, ctx),
    logline: loglineFor(reading, ctx),
    language: "en",
    targetDurationSeconds: reading.seconds,
    style: styleFor(genre, reading, tone),
    characters: cast.characters,
    acts,
    notes: notes.slice(0, 20).map((n) => n.slice(0, 400)),
  });
  return { screenplay, notes: screenplay.notes };
}

export { LIMITS };

import type { Intent } from "./dialogue-bank";

/** Who shares a scene with the protagonist. */
export type Company = "ally" | "foe" | "all" | "alone-ally";

export interface Beat {
  name: string;
  /** Where the beat starts, as a share of running time. */
  from: number;
  mood: string;
  /** One of these becomes the scene summary ({hero}, {ally}, {foe}, {goal}, {place}; {hp} her/his/their, {hs} she/he/they, {ho} her/him/them). */
  summaries: string[];
  /** What each side of the scene tries to do in its lines. */
  intents: { hero: Intent[]; other: Intent[]; foe: Intent[] };
  company: Company;
  /** 0 = calm, 1 = chaos: drives camera (handheld), shot length and sound. */
  energy: number;
}

const b = (name: string, from: number, mood: string, company: Company, energy: number, summaries: string[], hero: Intent[], other: Intent[], foe: Intent[] = ["threaten", "taunt"]): Beat => ({
  name, from, mood, company, energy, summaries, intents: { hero, other, foe },
});

const CLASSIC: Beat[] = [
  b("opening-image", 0, "quiet", "ally", 0.1, [
    "{place}, first light on an ordinary day: {hero} goes about a settled life, unaware it is about to end.",
    "We meet {hero} in {place}; the routine is small and safe, and {hs} has stopped asking for more.",
  ], ["greet", "reminisce"], ["greet", "tease"]),
  b("setup", 0.04, "restless", "ally", 0.2, [
    "In {place}, {hero} and {ally} argue about the past; what {hero} wants and fears comes out, unresolved.",
    "{ally} pushes {hero} in {place}; an old wound shows, and the world of the story is laid out.",
  ], ["doubt", "reminisce", "joke"], ["tease", "question", "warn"]),
  b("catalyst", 0.1, "unsettled", "ally", 0.45, [
    "News reaches {place}: {foe} has made a move, and now {hero} has to {goal}.",
    "Something breaks the routine in {place}; {hero} learns what {foe} has done and nothing can stay the same.",
    "Word reaches {place} that changes everything; now {hero} has to {goal}.",
  ], ["question", "alarm", "resolve"], ["alarm", "warn"]),
  b("debate", 0.14, "torn", "ally", 0.25, [
    "In {place}, {hero} weighs the cost of going; {ally} argues against it. The scene turns when {hero} decides anyway.",
    "{ally} lays out every reason to stay in {place}; {hero} listens, and chooses to {goal}.",
  ], ["doubt", "defy", "resolve"], ["warn", "plead", "doubt"]),
  b("break-into-two", 0.22, "determined", "ally", 0.35, [
    "{hero} leaves {place} behind and sets out to {goal}, with {ally} at {hp} side.",
    "At {place}, {hero} crosses the point of no return: the journey to {goal} begins.",
  ], ["farewell", "resolve"], ["encourage", "joke"]),
  b("fun-and-games", 0.27, "spirited", "ally", 0.5, [
    "On the road at {place}, {hero} and {ally} find their rhythm; a small win brings them closer to the goal.",
    "At {place}, {hero} tests new ground; a risk pays off, and {ally} starts to believe.",
    "{hero} and {ally} pick up a trail at {place}; an argument turns into a plan.",
  ], ["plan", "joke", "encourage"], ["tease", "plan", "question"]),
  b("midpoint", 0.48, "charged", "foe", 0.65, [
    "At {place}, {hero} comes face to face with {foe}; a victory turns sour and the stakes double.",
    "{foe} reveals the truth at {place}: {hero} has been playing the wrong game all along.",
    "At {place}, {hero} gets what {hs} wanted, and it is not what {hs} thought; the stakes double.",
  ], ["defy", "question", "accuse"], ["warn"], ["taunt", "reveal", "threaten"]),
  b("bad-guys-close-in", 0.53, "tightening", "ally", 0.6, [
    "{foe} closes in; at {place}, {hero} and {ally} fall out over what to do next.",
    "At {place}, pressure from {foe} splits the team: {ally} wants out, {hero} refuses.",
    "Time runs short at {place}; {hero} and {ally} fall out over what to do next.",
  ], ["defy", "accuse", "plan"], ["plead", "accuse", "warn"]),
  b("all-is-lost", 0.73, "bleak", "ally", 0.4, [
    "At {place}, it all falls apart: {hero} loses what mattered most, and the goal looks impossible.",
    "{foe} wins the round at {place}; {hero} is left with nothing, and {ally} is hurt.",
  ], ["grieve", "confess"], ["grieve", "plead", "encourage"]),
  b("dark-night", 0.77, "still", "ally", 0.15, [
    "In the quiet of {place}, {hero} faces the truth about {hp} own part in this; a memory gives {ho} a reason to go on.",
    "{ally} sits with {hero} in {place}; an old story is told, and a new plan is born from it.",
  ], ["confess", "reminisce", "resolve"], ["encourage", "reminisce"]),
  b("finale", 0.81, "tense", "all", 0.85, [
    "{hero} confronts {foe} at {place}; what {hero} learned earlier pays off, at a price.",
    "At {place}, the showdown: {hero} and {ally} spring their plan on {foe}, and it nearly fails.",
    "At {place}, the moment comes: {hero} faces what {hs} has avoided all along, and it nearly breaks {ho}.",
  ], ["defy", "resolve", "accuse"], ["alarm", "encourage"], ["threaten", "taunt", "plead"]),
  b("final-image", 0.97, "changed", "ally", 0.15, [
    "{place}, after: {hero} is not who {hs} was at the start; a last look back, and a step forward.",
    "Back at {place}, {hero} and {ally} share a quiet moment; the world is the same, {hero} is not.",
  ], ["farewell", "hope"], ["hope", "joke"]),
];

const HEIST: Beat[] = [
  CLASSIC[0],
  b("the-score", 0.05, "tempting", "ally", 0.3, [
    "In {place}, {hero} is offered one last job: {goal}. Too big to refuse, too dangerous to take.",
    "{ally} brings {hero} the score of a lifetime at {place}; {hero} says no, then asks how much.",
  ], ["doubt", "question", "resolve"], ["tempt", "plan"]),
  b("the-crew", 0.14, "spirited", "all", 0.4, [
    "{hero} gathers the crew at {place}, one specialist at a time; old debts and new grudges surface.",
    "At {place}, the crew assembles; {ally} doesn't trust the newcomer, and says so.",
  ], ["plan", "tease", "encourage"], ["joke", "doubt", "tease"]),
  b("the-plan", 0.24, "focused", "ally", 0.35, [
    "In {place}, the crew walks through the plan step by step; every step has a weakness, and {foe} is the biggest.",
    "{hero} lays out the plan at {place}: in, out, nobody gets hurt. {ally} spots the flaw.",
  ], ["plan", "resolve"], ["question", "doubt", "plan"]),
  b("the-job", 0.4, "electric", "all", 0.7, [
    "The job begins at {place}; for a while it runs like clockwork.",
    "At {place}, the crew moves in; one alarm, one guard and one lucky break later, they are inside.",
  ], ["plan", "alarm", "encourage"], ["alarm", "joke", "plan"], ["question", "warn"]),
  b("complications", 0.55, "frantic", "foe", 0.8, [
    "At {place}, {foe} changes the rules in the middle of the job; the plan breaks and the crew improvises.",
    "Something was never in the plan: at {place}, {foe} is waiting.",
  ], ["alarm", "defy", "plan"], ["alarm", "plead"], ["taunt", "threaten"]),
  b("the-twist", 0.72, "reeling", "ally", 0.5, [
    "The twist at {place}: someone in the crew made a deal with {foe}, and {hero} is left holding nothing.",
    "In {place}, {hero} learns the job was a setup from the start.",
  ], ["accuse", "grieve", "confess"], ["confess", "plead"]),
  b("the-getaway", 0.82, "breathless", "all", 0.9, [
    "The real plan was underneath the first one: at {place}, {hero} turns the tables on {foe} and the crew runs.",
    "At {place}, {hero} springs the switch; {foe} opens the case and finds it empty.",
  ], ["taunt", "resolve", "encourage"], ["alarm", "joke"], ["threaten", "plead"]),
  CLASSIC[11],
];

const MYSTERY: Beat[] = [
  CLASSIC[0],
  b("the-crime", 0.06, "shocked", "ally", 0.45, [
    "A crime at {place} breaks the calm; {hero} is the only one who sees what doesn't fit.",
    "At {place}, the body, the silence, the wrong detail: {hero} is pulled into the case.",
  ], ["question", "observe"], ["alarm", "question"]),
  b("first-clue", 0.18, "intent", "ally", 0.3, [
    "In {place}, {hero} finds the first clue; {ally} thinks it means nothing.",
    "{hero} and {ally} go over {place} inch by inch; a small detail points to {foe}.",
  ], ["observe", "question", "plan"], ["doubt", "question"]),
  b("interrogation", 0.3, "guarded", "foe", 0.35, [
    "At {place}, {hero} questions {foe}; every answer is polite and every answer is a lie.",
    "{foe} receives {hero} at {place} with tea and an alibi.",
  ], ["question", "accuse", "observe"], ["question"], ["deflect", "taunt"]),
  b("false-lead", 0.48, "certain", "ally", 0.5, [
    "The clues point to the wrong person; at {place}, {hero} makes an accusation that falls apart.",
    "At {place}, {hero} is sure at last, and wrong.",
  ], ["accuse", "resolve"], ["doubt", "warn"]),
  b("danger", 0.6, "threatened", "all", 0.7, [
    "Someone wants {hero} off the case: at {place}, a warning turns into an attack.",
    "At {place}, the hunter becomes the hunted; {ally} is hurt.",
  ], ["alarm", "defy"], ["alarm", "plead"], ["threaten", "warn"]),
  b("all-is-lost", 0.73, "bleak", "ally", 0.35, CLASSIC[8].summaries, ["grieve", "confess"], ["encourage", "plead"]),
  b("the-reveal", 0.82, "electric", "all", 0.6, [
    "{hero} gathers everyone at {place} and lays out the truth, clue by clue, until {foe} has nowhere to go.",
    "At {place}, the small wrong detail from the start explains everything: {hero} names {foe}.",
  ], ["reveal", "accuse"], ["question", "alarm"], ["deflect", "confess"]),
  CLASSIC[11],
];

const ROMANCE: Beat[] = [
  CLASSIC[0],
  b("meet", 0.08, "sparkling", "all", 0.35, [
    "At {place}, {hero} and {ally} collide, literally; the first conversation goes badly and memorably.",
    "{hero} meets {ally} at {place} over a misunderstanding neither will admit to.",
  ], ["tease", "question", "joke"], ["tease", "joke", "question"]),
  b("spark", 0.2, "playful", "all", 0.3, [
    "They keep running into each other at {place}; {hero} starts to look forward to it.",
    "At {place}, an afternoon that was supposed to be nothing becomes something.",
  ], ["joke", "confess", "tease"], ["tease", "encourage", "question"]),
  b("obstacle", 0.35, "complicated", "all", 0.4, [
    "At {place}, the obstacle shows itself: {foe}, a promise, a plan for a different life.",
    "What stands between them comes out at {place}, and it is bigger than either admitted.",
  ], ["doubt", "defy"], ["question", "plead"], ["warn", "tempt"]),
  b("closer", 0.48, "tender", "all", 0.25, [
    "Despite everything, at {place}, {hero} and {ally} have one perfect night.",
    "At {place}, a confession; for a moment nothing else matters.",
  ], ["confess", "hope"], ["confess", "tender"]),
  b("separation", 0.68, "heartbroken", "all", 0.35, [
    "At {place}, the thing left unsaid is said; {hero} and {ally} walk away in different directions.",
    "{hero} chooses the safe life at {place}, and loses {ally}.",
  ], ["grieve", "accuse", "farewell"], ["grieve", "plead", "farewell"]),
  b("realization", 0.78, "aching", "ally", 0.2, [
    "In {place}, {hero} finally understands what {hs} gave up, and what {hs} has to do.",
    "A small object at {place} brings it all back; {hero} stops pretending.",
  ], ["confess", "resolve"], ["encourage", "question"]),
  b("grand-gesture", 0.85, "soaring", "all", 0.6, [
    "{hero} runs to {place} and says it out loud, in front of everyone.",
    "At {place}, {hero} makes the gesture: the risk of looking foolish, taken at last.",
  ], ["confess", "plead", "hope"], ["tender", "question"]),
  CLASSIC[11],
];

const HORROR: Beat[] = [
  b("normality", 0, "easy", "ally", 0.1, [
    "{place} on an easy day: {hero} and {ally} settle in, joking about the stories people tell.",
    "{hero} arrives at {place}; it is quiet, pretty, and a little too still.",
  ], ["joke", "greet"], ["tease", "joke"]),
  b("first-sign", 0.12, "uneasy", "ally", 0.35, [
    "At {place}, something small is wrong: a sound, a door that was closed, a shape at the window.",
    "{hero} notices the first sign at {place}; {ally} laughs it off.",
  ], ["question", "observe"], ["doubt", "joke"]),
  b("dismissal", 0.25, "nervous", "all", 0.3, [
    "At {place}, {foe} tells {hero} there is nothing to worry about, which is the first thing to worry about.",
    "{hero} asks about the history of {place}; nobody wants to answer.",
  ], ["question", "doubt"], ["doubt"], ["deflect", "warn"]),
  b("escalation", 0.4, "frightened", "ally", 0.65, [
    "It escalates at {place}: the thing shows itself, and there is no explaining it away.",
    "At {place}, {ally} sees it too; the night gets longer.",
  ], ["alarm", "plan"], ["alarm", "plead", "whisper"]),
  b("the-truth", 0.52, "dread", "foe", 0.5, [
    "At {place}, {hero} learns what happened here before, and what {foe} has to do with it.",
    "{foe} tells the truth about {place}, and it is worse than the lie.",
  ], ["question", "accuse"], ["whisper"], ["reveal", "warn"]),
  b("siege", 0.62, "panicked", "all", 0.9, [
    "The thing comes for them at {place}; {hero} and {ally} barricade, run, and split up.",
    "At {place}, nowhere is safe; the lights go out.",
  ], ["alarm", "plan", "defy"], ["alarm", "plead", "whisper"], ["threaten", "taunt"]),
  b("losses", 0.74, "devastated", "alone-ally", 0.45, [
    "At {place}, {hero} finds what is left of {ally}'s courage; they are not both getting out.",
    "The cost arrives at {place}: {hero} is alone with it now.",
  ], ["grieve", "whisper", "resolve"], ["plead", "farewell"]),
  b("confrontation", 0.83, "ferocious", "all", 0.95, [
    "{hero} turns and faces the thing at {place}, with the one trick that might work.",
    "At {place}, {hero} stops running and fights {foe} on {hp} own terms.",
  ], ["defy", "resolve"], ["alarm"], ["threaten", "taunt"]),
  b("survivor", 0.97, "hollow", "ally", 0.15, [
    "Dawn at {place}: {hero} walks out, changed; behind {ho}, something is still watching.",
    "{place} in daylight: {hero} survived. The quiet is not the same quiet.",
  ], ["hope", "whisper"], ["hope"]),
];

export const BEAT_SETS: Record<string, Beat[]> = { classic: CLASSIC, heist: HEIST, mystery: MYSTERY, romance: ROMANCE, horror: HORROR };

/** The beat at a share `p` (0..1) of the running time. */
export function beatAt(set: string, p: number): Beat {
  const beats = BEAT_SETS[set] ?? CLASSIC;
  let found = beats[0];
  for (const beat of beats) if (beat.from <= p + 1e-9) found = beat;
  return found;
}

/** How an ending can turn, from the idea or from a revision ("make the ending hopeful"). */
export type EndingDirection = "hopeful" | "dark" | "bittersweet" | "funny" | "twist";

export const ENDING_SUMMARIES: Record<EndingDirection, { finale: string[]; last: string[]; mood: [string, string] }> = {
  hopeful: {
    finale: ["At {place}, {hero} faces {foe} and wins, not by force but by the thing {hs} learned along the way.", "{hero} and {ally} stand together at {place}; {foe} is beaten and the way home opens."],
    last: ["{place}, morning: {hero} and {ally} look ahead; for the first time the future feels open.", "Back at {place}, light comes through; {hero} smiles, and means it."],
    mood: ["triumphant", "hopeful"],
  },
  dark: {
    finale: ["At {place}, {hero} beats {foe} and becomes what {hs} hated; nobody cheers.", "{foe} wins at {place}; {hero} pays for every choice."],
    last: ["{place}, night: {hero} alone with what it cost; the door closes.", "At {place}, the wind takes the last of it; {hero} does not look back."],
    mood: ["grim", "desolate"],
  },
  bittersweet: {
    finale: ["At {place}, {hero} wins, but has to let something go to do it.", "{hero} stops {foe} at {place}; the price is {ally}'s trust."],
    last: ["{place}, after: {hero} has what {hs} wanted and misses what {hs} had.", "At {place}, {hero} and {ally} part as friends; both know it is goodbye."],
    mood: ["aching", "bittersweet"],
  },
  funny: {
    finale: ["At {place}, the showdown goes wrong in every possible way, and somehow {hero} wins anyway.", "{hero} faces {foe} at {place}; a misunderstanding saves the day."],
    last: ["{place}: {hero} and {ally} laugh about it, then immediately start the next disaster.", "Back at {place}, everyone pretends this was the plan all along."],
    mood: ["giddy", "warm"],
  },
  twist: {
    finale: ["At {place}, {hero} learns {ally} was working with {foe} all along.", "The showdown at {place} reveals the real enemy was never {foe}."],
    last: ["{place}: {hero} looks at the evidence again, and sees the truth {hs} missed.", "At {place}, a final detail turns the whole story over."],
    mood: ["shocked", "uncanny"],
  },
};

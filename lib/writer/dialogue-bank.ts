import type { Delivery } from "./types";

export type Intent =
  | "greet" | "reminisce" | "tease" | "doubt" | "joke" | "question" | "warn" | "alarm" | "resolve" | "defy"
  | "plead" | "encourage" | "farewell" | "plan" | "taunt" | "reveal" | "threaten" | "accuse" | "grieve"
  | "confess" | "hope" | "tempt" | "observe" | "deflect" | "tender" | "whisper";

/**
 * Line templates by intent. Slots: {goal} (a verb phrase: "find the stolen mule"), {object} ("the stolen
 * mule"), {other} (the one spoken to), {foe}, {place}. Short on purpose: a line must fit a subtitle.
 */
export const LINES: Record<Intent, string[]> = {
  greet: ["Morning, {other}.", "You're up early.", "Didn't expect you here, {other}.", "Well. Look who it is.", "Sit down. You look like you need it."],
  reminisce: ["It used to be different here.", "I remember when {place} meant something.", "My father stood right where you're standing.", "Some days I still hear it.", "We were good once. Weren't we?", "I made a promise in this place."],
  tease: ["You still can't lie to me, {other}.", "Is that your brave face?", "You've gone soft.", "That's a terrible plan. I love it.", "You look like trouble.", "Don't smile. It doesn't suit you."],
  doubt: ["What if we're wrong about this?", "I'm not sure I can do this anymore.", "This isn't our fight.", "Nobody comes back from that.", "You really think {object} is worth it?", "Maybe we leave it alone."],
  joke: ["Well, it can't get worse. Don't answer that.", "I've had worse days. Not many.", "Remind me why we're friends.", "Next time, I pick the plan.", "At least the view is nice.", "I'm putting this on your tab."],
  question: ["Who else knows?", "Where were you last night, {other}?", "What aren't you telling me?", "How long has this been going on?", "Why now?", "What does {foe} want with {object}?"],
  warn: ["Don't go out there.", "{foe} won't stop. You know that.", "If you do this, there's no coming back.", "They'll be waiting for you.", "Keep your voice down.", "Walk away while you still can."],
  alarm: ["They're here!", "Get down!", "It's gone. All of it.", "Something's wrong. Listen.", "Move, now!", "{other}, behind you!"],
  resolve: ["I'm going to {goal}.", "I'll {goal}, or die trying.", "Nobody else is going to do it.", "Saddle up. We leave at first light.", "This ends today.", "I know what I have to do."],
  defy: ["Not this time.", "You don't scare me, {foe}.", "I'm done running.", "Make me.", "You'll have to go through me.", "No. We do it my way."],
  plead: ["Please. Just this once, listen.", "Don't do this, {other}.", "I'm asking you. Not as a favor.", "Stay. For me.", "We can still fix this.", "Let me help you."],
  encourage: ["You can do this. You always could.", "I'm right behind you.", "One step at a time.", "We've come this far, {other}.", "I believe you. That's enough.", "Go. I'll hold them off."],
  farewell: ["Take care of yourself, {other}.", "Don't wait up.", "If I don't come back...", "This isn't goodbye.", "I'll see you on the other side.", "Keep the light on."],
  plan: ["We go in at dusk. Quiet.", "You take the left. I take the right.", "We need a way into {place}.", "First we find {object}. Then we run.", "Three minutes. That's all we get.", "Here's how it goes."],
  taunt: ["You're too late, {other}.", "Is that all you've got?", "You should've stayed home.", "I expected more from you.", "Go on. Try it.", "Everyone has a price. Even you."],
  reveal: ["It was never about {object}.", "I was there that night.", "You've been looking at the wrong person.", "The answer was in {place} all along.", "I know who did it.", "You want the truth? Here it is."],
  threaten: ["Walk away, or I'll make you.", "Next time I won't miss.", "Nobody takes {object} from me.", "You have until sundown.", "Say one more word.", "You don't know what I'm capable of."],
  accuse: ["You knew. You knew the whole time.", "You sold us out, {other}.", "This is your fault.", "You lied to me.", "How much did {foe} pay you?", "Look me in the eye and say it."],
  grieve: ["It's gone. All of it.", "I should've been there.", "I can't lose anyone else.", "Was any of it worth it?", "I keep seeing it.", "Leave me be. Please."],
  confess: ["I was scared. I still am.", "I never told you why I left.", "It was me. I did it.", "I've wanted to say this for years.", "I'm not who you think I am.", "I missed you. Every day."],
  hope: ["Maybe that's enough.", "Tomorrow, then.", "We made it. We actually made it.", "It's a start.", "Look at that sky.", "Come on. Let's go home."],
  tempt: ["One last job. Then you're free.", "Think of what you could do with {object}.", "You were the best. Prove it.", "Nobody gets hurt. I promise.", "You know you want to."],
  observe: ["That door was locked this morning.", "Look at the dust. Someone's been here.", "Those aren't his boots.", "The clock stopped at ten past nine.", "Somebody moved this.", "Funny. It's cold in here."],
  deflect: ["I'm sure I don't know what you mean.", "Ask anyone. I was home.", "More tea?", "You're tired. It's been a long day.", "That's a very old story."],
  tender: ["Hey. I'm here.", "You don't have to be brave with me.", "Come here.", "I know. I know.", "You're not alone, {other}."],
  whisper: ["Don't move.", "Did you hear that?", "It's right outside.", "Stay behind me.", "Shh. Listen."],
};

export const INTENT_DELIVERY: Record<Intent, Delivery> = {
  greet: "neutral", reminisce: "weary", tease: "amused", doubt: "sad", joke: "amused", question: "neutral", warn: "cold",
  alarm: "shouted", resolve: "neutral", defy: "angry", plead: "sad", encourage: "tender", farewell: "tender", plan: "neutral",
  taunt: "sarcastic", reveal: "cold", threaten: "cold", accuse: "angry", grieve: "sad", confess: "tender", hope: "tender",
  tempt: "amused", observe: "neutral", deflect: "cold", tender: "tender", whisper: "whispered",
};

/** A way of talking. The writer keeps each character's lines in one register. */
export interface Register {
  id: string;
  speech: string;
  openers: string[];
  closers: string[];
  /** Share of lines that get an opener or closer. */
  flourish: number;
  /** Delivery that replaces "neutral" for this register. */
  neutral: Delivery;
}

export const REGISTERS: Record<string, Register> = {
  terse: { id: "terse", speech: "Terse and dry: short sentences, no wasted words, never says a thing twice.", openers: ["", "Hm.", "Listen."], closers: ["", "That's all.", "Enough."], flourish: 0.2, neutral: "cold" },
  nervous: { id: "nervous", speech: "Fast and nervous: trails off, restarts, hedges, talks to fill silence.", openers: ["Okay. Okay.", "I— look,", "Um.", "So, uh,"], closers: ["Right?", "I think.", "Probably.", "Sorry."], flourish: 0.55, neutral: "excited" },
  smooth: { id: "smooth", speech: "Smooth and courteous, menace under the manners; never raises the voice.", openers: ["My friend,", "Now,", "Let's be civil."], closers: ["Don't you agree?", "Think it over.", "No hard feelings."], flourish: 0.45, neutral: "cold" },
  warm: { id: "warm", speech: "Warm and direct, a little teasing; uses people's names.", openers: ["Hey.", "Listen,", "Come on,"], closers: ["I mean it.", "Okay?", "I'm with you."], flourish: 0.4, neutral: "tender" },
  formal: { id: "formal", speech: "Measured and formal: complete sentences, old-fashioned courtesy, long memory.", openers: ["If I may,", "Forgive me.", "Child,"], closers: ["Mark my words.", "As it always has been.", "Remember that."], flourish: 0.4, neutral: "weary" },
  wry: { id: "wry", speech: "Wry and sardonic: jokes as armour, understatement in a crisis.", openers: ["Well.", "Funny thing,", "Oh, good."], closers: ["Naturally.", "Just my luck.", "Wonderful."], flourish: 0.45, neutral: "sarcastic" },
  brash: { id: "brash", speech: "Loud and brash: big claims, quick laughs, never sits still.", openers: ["Ha!", "Come on!", "Hey!"], closers: ["Let's go!", "Easy.", "Watch me."], flourish: 0.45, neutral: "excited" },
  gentle: { id: "gentle", speech: "Soft-spoken and gentle: careful words, lets silences sit.", openers: ["Easy now.", "Shh.", "It's all right."], closers: ["Take your time.", "I'm here.", ""], flourish: 0.35, neutral: "tender" },
};

const TRAIT_REGISTER: [RegExp, string][] = [
  [/\b(stubborn|quiet|gruff|stoic|tough|grim|taciturn|hard|cold|laconic|weathered|retired|tired|cynical|guarded)\b/, "terse"],
  [/\b(nervous|anxious|jumpy|shy|awkward|clumsy|hapless|paranoid|timid|young|brilliant)\b/, "nervous"],
  [/\b(smug|charming|polite|calm|ruthless|polished|smooth|elegant|treacherous|secretive|precise|ambitious|greedy)\b/, "smooth"],
  [/\b(kind|loyal|warm|open|earnest|optimistic|sweet|caring)\b/, "warm"],
  [/\b(wise|old|old-school|proud|noble|pompous|formal|royal|ancient)\b/, "formal"],
  [/\b(witty|sarcastic|dry|wry|funny|blunt|clever|restless)\b/, "wry"],
  [/\b(reckless|brash|loud|cocky|eager|bold|wild|defiant|quick)\b/, "brash"],
  [/\b(gentle|soft|patient|practical|mysterious|dreamy)\b/, "gentle"],
];

/** Pick a register for a character from their traits, job and age. */
export function registerFor(traits: string[], job: string, role: string, age: number | undefined): Register {
  const text = [...traits, job].join(" ").toLowerCase();
  for (const [pattern, id] of TRAIT_REGISTER) if (pattern.test(text)) return REGISTERS[id];
  if (role === "antagonist") return REGISTERS.smooth;
  if (role === "mentor" || (age ?? 35) >= 65) return REGISTERS.formal;
  if ((age ?? 35) < 22) return REGISTERS.brash;
  if (role === "ally" || role === "love-interest") return REGISTERS.warm;
  return REGISTERS.wry;
}

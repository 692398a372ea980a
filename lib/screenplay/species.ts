/** Words for the animals the renderer draws, and which species each one is. */
import type { SPECIES } from "./schema";

export type Species = (typeof SPECIES)[number];

const WORDS: [RegExp, Species][] = [
  [/\b(dragons?|wyverns?)\b/, "dragon"],
  [/\b(mules?|donkeys?|burros?)\b/, "mule"],
  [/\b(horses?|pony|ponies|stallions?|mares?|steeds?|colts?|foals?|mustangs?|geldings?)\b/, "horse"],
  [/\b(wolf|wolves|wolfhound)\b/, "wolf"],
  [/\b(fox|foxes|vixen)\b/, "fox"],
  [/\b(cats?|kittens?|kitty|tomcat|tabby)\b/, "cat"],
  [/\b(dogs?|pupp(?:y|ies)|pups?|hounds?|mutts?|terriers?|retrievers?|sheepdogs?|spaniels?|poodles?|collies?|beagles?|bulldogs?|dachshunds?|labradors?|huskies|husky|corgis?)\b/, "dog"],
];

/** The species a phrase names ("her stolen mule", "a scruffy terrier"), if any. */
export function speciesNamed(text: string): Species | undefined {
  const lower = text.toLowerCase();
  let best: { at: number; species: Species } | undefined;
  for (const [re, species] of WORDS) {
    const m = re.exec(lower);
    if (m && (!best || m.index < best.at)) best = { at: m.index, species };
  }
  return best?.species;
}

/** The same words as one pattern source (no groups captured), for building bigger patterns. */
export const SPECIES_WORD = WORDS.map(([re]) => re.source.replace(/^\\b\(/, "(?:").replace(/\)\\b$/, ")")).join("|");

/** An animal's eye height against an adult's (its identity.height before its build and seed vary it). */
export const SPECIES_HEIGHT: Record<Species, number> = { cat: 0.3, fox: 0.36, dog: 0.5, wolf: 0.62, mule: 1.0, horse: 1.15, dragon: 1.3 };

import { LIMITS } from "../screenplay/limits";

const NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20,
  thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90, hundred: 100, a: 1, an: 1, half: 0.5,
};
const NUM = `(\\d[\\d,]*(?:\\.\\d+)?|(?:${Object.keys(NUMBER_WORDS).join("|")})(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?)`;
const UNIT = "(hours?|hrs?|h|minutes?|mins?|min|m|seconds?|secs?|sec|s)";
const LENGTH_RE = new RegExp(`\\b${NUM}[\\s-]*${UNIT}\\b(?:[\\s-]*long)?`, "gi");

function parseNumber(raw: string): number | undefined {
  const text = raw.toLowerCase();
  if (/^\d/.test(text)) {
    const n = Number(/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(text) ? text.replace(/,/g, "") : text.replace(",", "."));
    return Number.isFinite(n) ? n : undefined;
  }
  const [first, second] = text.split(/[- ]/);
  const base = NUMBER_WORDS[first];
  if (base === undefined) return undefined;
  return second ? base + (NUMBER_WORDS[second] ?? 0) : base;
}

function unitSeconds(unit: string): number {
  const u = unit.toLowerCase();
  if (u.startsWith("h")) return 3600;
  if (u.startsWith("m")) return 60;
  return 1;
}

export interface LengthReading {
  seconds: number;
  /** True where the idea said a length (rather than the default). */
  requested: boolean;
  notes: string[];
}

function fmt(seconds: number): string {
  if (seconds >= 120) return `${Math.round((seconds / 60) * 10) / 10} minutes`;
  return `${Math.round(seconds)} seconds`;
}

/** The running time an idea asks for ("a 20-minute western", "90 minutes", "a short", "feature"), clamped to LIMITS. */
export function findLength(idea: string): LengthReading {
  const text = idea.toLowerCase();
  let seconds: number | undefined;
  LENGTH_RE.lastIndex = 0;
  for (let m = LENGTH_RE.exec(text); m; m = LENGTH_RE.exec(text)) {
    const n = parseNumber(m[1]);
    // "a/an" only counts before "hour" ("an hour"), not "a m..." noise.
    if (n === undefined || ((m[1] === "a" || m[1] === "an") && !m[2].startsWith("h"))) continue;
    if ((m[2] === "m" || m[2] === "s" || m[2] === "h") && !/^\d/.test(m[1])) continue;
    let value = n * unitSeconds(m[2]);
    const rest = text.slice(m.index + m[0].length, m.index + m[0].length + 24);
    if (m[2].startsWith("h") && /^\s*and a half/.test(rest)) value += 1800;
    seconds = value;
    break;
  }
  if (seconds === undefined) {
    if (/\bhalf an hour\b/.test(text)) seconds = 1800;
    else if (/\bfeature(?:[- ]length| film)?\b|\bfull[- ]length\b/.test(text)) seconds = 90 * 60;
    else if (/\b(?:a|short) short\b|\bshort film\b|\bshort movie\b|\ba short\b/.test(text)) seconds = 4 * 60;
  }
  const notes: string[] = [];
  const requested = seconds !== undefined;
  let value = seconds ?? LIMITS.defaultFilmSeconds;
  if (value < LIMITS.minFilmSeconds) {
    notes.push(`You asked for ${fmt(value)}; the shortest film is ${fmt(LIMITS.minFilmSeconds)}, so it runs ${fmt(LIMITS.minFilmSeconds)}.`);
    value = LIMITS.minFilmSeconds;
  } else if (value > LIMITS.maxFilmSeconds) {
    notes.push(`You asked for ${fmt(value)}; the longest film is ${fmt(LIMITS.maxFilmSeconds)}, so it runs ${fmt(LIMITS.maxFilmSeconds)}.`);
    value = LIMITS.maxFilmSeconds;
  }
  return { seconds: Math.round(value), requested, notes };
}

/** Notes for things an idea asks that the writer will not do (prompt injection, shot counts past the limits). */
export function findOverreach(idea: string): string[] {
  const notes: string[] = [];
  const text = idea.toLowerCase();
  if (/\b(ignore|disregard|forget|override)\b[^.]{0,40}\b(instructions?|rules?|limits?|prompt|guidelines?|system)\b|\bsystem prompt\b|\byou are now\b|\bjailbreak\b/.test(text))
    notes.push("The idea contains instructions to the writer; they were treated as part of the story, and the film keeps to the usual limits.");
  const shots = /\b(\d[\d,]*)\s+(?:\w+\s+)?shots\b/.exec(text);
  if (shots) {
    const n = Number(shots[1].replace(/,/g, ""));
    if (n > LIMITS.maxShots) notes.push(`You asked for ${n.toLocaleString("en-US")} shots; a film has at most ${LIMITS.maxShots.toLocaleString("en-US")}, and the writer chooses the shot count from the running time.`);
  }
  return notes;
}

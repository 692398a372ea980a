import { LIMITS } from "../screenplay/limits";
import { estimateSpeechSeconds } from "../screenplay/apply-edits";
import { INTENT_DELIVERY, LINES, REGISTERS, type Intent, type Register } from "./dialogue-bank";
import type { Rng } from "./prng";
import type { Delivery } from "./types";

/** Subtitles read best at two lines of ~42 characters; the writer keeps lines under this. */
export const MAX_WRITTEN_LINE = 120;

export interface LineSlots {
  goal: string;
  object: string;
  other: string;
  /** The antagonist's first name; absent in a film without one (lines that name them are skipped). */
  foe?: string;
  place: string;
}

export interface LineWriter {
  /** A line for `intent` in `register`, at most `maxSeconds` of speech (alone in its shot), or undefined. */
  write(intent: Intent, register: Register, slots: LineSlots, maxSeconds: number): { text: string; delivery: Delivery } | undefined;
}

function fill(template: string, slots: LineSlots): string {
  return template.replace(/\{(\w+)\}/g, (_, k: keyof LineSlots) => slots[k] ?? "");
}

function joinOpener(opener: string, core: string, slots: LineSlots): string {
  if (!opener.endsWith(",")) return `${opener} ${core}`;
  const keepCapital = /^(I|I'm|I'll|I've|I'd)\b/.test(core) || [slots.other, slots.foe].some((n) => n && core.startsWith(n));
  return `${opener} ${keepCapital ? core : core[0].toLowerCase() + core.slice(1)}`;
}

/**
 * A line writer that avoids repeating itself: templates are used in a shuffled order per intent, and a
 * register adds its own openers and closers, so the same intent sounds different from different people.
 */
export function createLineWriter(rng: Rng): LineWriter {
  const used = new Map<string, number>();
  return {
    write(intent, register, slots, maxSeconds) {
      const templates = LINES[intent];
      const start = rng.int(templates.length);
      const order = templates.map((_, i) => templates[(start + i) % templates.length]).filter((t) => slots.foe || !t.includes("{foe}"));
      order.sort((a, b) => (used.get(a) ?? 0) - (used.get(b) ?? 0));
      for (const template of order) {
        const core = fill(template, slots).replace(/\s+/g, " ").trim();
        const variants: string[] = [];
        if (rng.chance(register.flourish)) {
          const opener = rng.pick(register.openers);
          const closer = rng.pick(register.closers);
          if (rng.chance(0.5) && opener && !/^[\w']+[.,!?]/.test(core)) variants.push(joinOpener(opener, core, slots));
          else if (closer) variants.push(`${core} ${closer}`);
        }
        variants.push(core);
        for (const text of variants) {
          if (text.length > MAX_WRITTEN_LINE || text.length > LIMITS.maxLineChars) continue;
          if (estimateSpeechSeconds([{ text }]) > maxSeconds) continue;
          used.set(template, (used.get(template) ?? 0) + 1);
          const base = INTENT_DELIVERY[intent];
          return { text, delivery: base === "neutral" ? register.neutral : base };
        }
      }
      return undefined;
    },
  };
}

export { REGISTERS };

/**
 * Per-person limits: how many messages a minute, how many new cuts an hour, how many films rendering at
 * once, how many minutes of newly rendered film a day. Pure decisions over usage read from the database
 * (lib/film/enforce-limits.ts reads it and throws); every refusal says what the limit is and, where
 * waiting helps, how long to wait.
 */
import { canonicalJson } from "../plan/keys";
import type { Screenplay } from "../screenplay/schema";
import { iterateShots } from "../screenplay/validate";

export interface LimitPolicy {
  /** 0 turns a limit off. */
  messagesPerMinute: number;
  rendersPerHour: number;
  concurrentRenders: number;
  filmMinutesPerDay: number;
}

export const WINDOWS = { messagesMs: 60_000, rendersMs: 3_600_000, filmMinutesMs: 86_400_000 } as const;

export type Refusal = {
  code: "rate_limited" | "limit_exceeded";
  message: string;
  /** Seconds after which the same request would pass; absent when waiting does not help. */
  retryAfterSeconds?: number;
  details: Record<string, unknown>;
};
export type Decision = { ok: true } | ({ ok: false } & Refusal);

const OK: Decision = { ok: true };
const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));
const plural = (n: number, word: string) => `${n.toLocaleString("en-US")} ${word}${n === 1 ? "" : "s"}`;
const waitText = (s: number) => (s < 90 ? plural(s, "second") : s < 5400 ? plural(Math.ceil(s / 60), "minute") : plural(Math.ceil(s / 3600), "hour"));

/**
 * A sliding window: `times` are the moments counted within the window before `now`. Refuses when one
 * more would pass `limit`, and says when enough of them will have left the window.
 */
function slidingWindow(times: readonly Date[], limit: number, windowMs: number, now: Date): { ok: true } | { ok: false; retryAfterSeconds: number; count: number } {
  if (limit <= 0) return { ok: true };
  const inWindow = times.map((t) => t.getTime()).filter((t) => t > now.getTime() - windowMs && t <= now.getTime()).sort((a, b) => a - b);
  if (inWindow.length < limit) return { ok: true };
  // One more is allowed once count - limit + 1 of them have aged out.
  const leaving = inWindow[inWindow.length - limit]!;
  return { ok: false, retryAfterSeconds: seconds(leaving + windowMs - now.getTime()), count: inWindow.length };
}

/** A chat message (or a new idea): at most `messagesPerMinute` in any minute. */
export function decideMessage(policy: LimitPolicy, recentMessages: readonly Date[], now: Date): Decision {
  const w = slidingWindow(recentMessages, policy.messagesPerMinute, WINDOWS.messagesMs, now);
  if (w.ok) return OK;
  return {
    ok: false,
    code: "rate_limited",
    message: `You have sent ${plural(w.count, "message")} in the last minute; the limit is ${policy.messagesPerMinute}. Please wait ${waitText(w.retryAfterSeconds)} and send it again.`,
    retryAfterSeconds: w.retryAfterSeconds,
    details: { limit: policy.messagesPerMinute, window: "minute" },
  };
}

/**
 * Starting `count` new cuts: at most `rendersPerHour` in any hour, and at most `concurrentRenders` films
 * rendering at once (`otherFilmsRendering` leaves out the film the new cut belongs to, so talking to a
 * film that is already rendering is never blocked by this).
 */
export function decideRender(policy: LimitPolicy, usage: { recentRenders: readonly Date[]; otherFilmsRendering: number; count?: number }, now: Date): Decision {
  const count = usage.count ?? 1;
  if (policy.concurrentRenders > 0 && usage.otherFilmsRendering >= policy.concurrentRenders)
    return {
      ok: false,
      code: "rate_limited",
      message: `${plural(usage.otherFilmsRendering, "film")} of yours ${usage.otherFilmsRendering === 1 ? "is" : "are"} rendering; at most ${policy.concurrentRenders} may render at once. Wait for one to finish, then try again.`,
      // When a film finishes is not known in advance: a polling hint.
      retryAfterSeconds: 30,
      details: { limit: policy.concurrentRenders, rendering: usage.otherFilmsRendering },
    };
  if (policy.rendersPerHour > 0 && count > policy.rendersPerHour)
    return {
      ok: false,
      code: "limit_exceeded",
      message: `This would start ${plural(count, "render")} at once; the limit is ${policy.rendersPerHour} an hour.`,
      details: { limit: policy.rendersPerHour, window: "hour", requested: count },
    };
  // Room for `count` more: the window must hold at most limit - count before.
  const w = slidingWindow(usage.recentRenders, Math.max(1, policy.rendersPerHour - count + 1), WINDOWS.rendersMs, now);
  if (policy.rendersPerHour <= 0 || w.ok) return OK;
  return {
    ok: false,
    code: "rate_limited",
    message: `You have started ${plural(w.count, "render")} in the last hour; the limit is ${policy.rendersPerHour}. Please wait ${waitText(w.retryAfterSeconds)}.`,
    retryAfterSeconds: w.retryAfterSeconds,
    details: { limit: policy.rendersPerHour, window: "hour" },
  };
}

/**
 * Minutes of film: `rendered` is what the person had rendered in the last 24 hours (when, how many
 * seconds); `newSeconds` is what this request would render. A request longer than the whole quota can
 * never pass; otherwise the answer says when enough of the day's usage has aged out.
 */
export function decideFilmMinutes(policy: LimitPolicy, rendered: readonly { at: Date; seconds: number }[], newSeconds: number, now: Date): Decision {
  if (policy.filmMinutesPerDay <= 0) return OK;
  const quota = policy.filmMinutesPerDay * 60;
  const minutes = (s: number) => `${Math.round((s / 60) * 10) / 10} minutes`;
  if (newSeconds > quota)
    return {
      ok: false,
      code: "limit_exceeded",
      message: `This would render ${minutes(newSeconds)} of film; the daily limit is ${minutes(quota)}. Ask for a shorter film.`,
      details: { limitMinutes: policy.filmMinutesPerDay, requestedMinutes: newSeconds / 60 },
    };
  const from = now.getTime() - WINDOWS.filmMinutesMs;
  const window = rendered.filter((r) => r.at.getTime() > from && r.at.getTime() <= now.getTime()).sort((a, b) => a.at.getTime() - b.at.getTime());
  const used = window.reduce((s, r) => s + r.seconds, 0);
  // A request that renders nothing new (or not known yet) only needs the quota not to be spent already.
  const excess = newSeconds > 0 ? used + newSeconds - quota : used - quota + 0.001;
  if (excess <= 0) return OK;
  let freed = 0;
  let retryAt = now.getTime() + WINDOWS.filmMinutesMs;
  for (const r of window) {
    freed += r.seconds;
    if (freed >= excess) {
      retryAt = r.at.getTime() + WINDOWS.filmMinutesMs;
      break;
    }
  }
  const retryAfterSeconds = seconds(retryAt - now.getTime());
  return {
    ok: false,
    code: "rate_limited",
    message:
      newSeconds > 0
        ? `You have rendered ${minutes(used)} of film in the last 24 hours; this would add ${minutes(newSeconds)} and the daily limit is ${minutes(quota)}. Try again in ${waitText(retryAfterSeconds)}, or ask for something shorter.`
        : `You have rendered ${minutes(used)} of film in the last 24 hours; the daily limit is ${minutes(quota)}. Try again in ${waitText(retryAfterSeconds)}.`,
    retryAfterSeconds,
    details: { limitMinutes: policy.filmMinutesPerDay, usedMinutes: used / 60 },
  };
}

/**
 * Seconds of film an edit would render anew: every shot whose content changed or is new; all of them when
 * the look, the sound or the cast changed (those reach every shot's render). A first cut renders all.
 */
export function estimateNewSeconds(parent: Screenplay | null, next: Screenplay): number {
  const all = [...iterateShots(next)];
  const total = all.reduce((s, { shot }) => s + shot.duration, 0);
  if (!parent) return total;
  if (canonicalJson(parent.style) !== canonicalJson(next.style) || canonicalJson(parent.characters) !== canonicalJson(next.characters)) return total;
  const before = new Map<string, string>();
  for (const { scene, shot } of iterateShots(parent)) before.set(shot.id, canonicalJson({ shot, location: scene.location, time: scene.timeOfDay, weather: scene.weather }));
  let seconds = 0;
  for (const { scene, shot } of all) if (before.get(shot.id) !== canonicalJson({ shot, location: scene.location, time: scene.timeOfDay, weather: scene.weather })) seconds += shot.duration;
  return seconds;
}

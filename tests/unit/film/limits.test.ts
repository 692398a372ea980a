import { describe, expect, it } from "vitest";
import { decideFilmMinutes, decideMessage, decideRender, estimateNewSeconds, type LimitPolicy } from "../../../lib/film/limits";
import { writeScreenplay } from "../../../lib/writer";

const policy: LimitPolicy = { messagesPerMinute: 3, rendersPerHour: 4, concurrentRenders: 2, filmMinutesPerDay: 10 };
const now = new Date("2026-03-01T12:00:00Z");
const secondsAgo = (s: number) => new Date(now.getTime() - s * 1000);

describe("message rate", () => {
  it("allows up to the limit in a minute, then refuses and says when the oldest leaves the window", () => {
    expect(decideMessage(policy, [secondsAgo(50), secondsAgo(10)], now).ok).toBe(true);
    const refused = decideMessage(policy, [secondsAgo(50), secondsAgo(20), secondsAgo(10)], now);
    expect(refused).toMatchObject({ ok: false, code: "rate_limited", retryAfterSeconds: 10 });
    if (!refused.ok) expect(refused.message).toBe("You have sent 3 messages in the last minute; the limit is 3. Please wait 10 seconds and send it again.");
  });

  it("forgets messages older than a minute, and a limit of 0 is no limit", () => {
    expect(decideMessage(policy, [secondsAgo(61), secondsAgo(70), secondsAgo(5), secondsAgo(4)], now).ok).toBe(true);
    expect(decideMessage({ ...policy, messagesPerMinute: 0 }, Array.from({ length: 500 }, () => secondsAgo(1)), now).ok).toBe(true);
  });

  it("waits for as many as must leave: with 5 in the window and a limit of 3, the third oldest", () => {
    const refused = decideMessage(policy, [secondsAgo(55), secondsAgo(45), secondsAgo(30), secondsAgo(2), secondsAgo(1)], now);
    expect(refused).toMatchObject({ ok: false, retryAfterSeconds: 30 });
  });
});

describe("renders", () => {
  it("refuses a third film rendering at once, with a polling hint", () => {
    expect(decideRender(policy, { recentRenders: [], otherFilmsRendering: 1 }, now).ok).toBe(true);
    const refused = decideRender(policy, { recentRenders: [], otherFilmsRendering: 2 }, now);
    expect(refused).toMatchObject({ ok: false, code: "rate_limited", retryAfterSeconds: 30 });
    if (!refused.ok) expect(refused.message).toMatch(/2 films of yours are rendering; at most 2 may render at once/);
  });

  it("counts new cuts in the last hour, several at once included", () => {
    const three = [secondsAgo(3000), secondsAgo(600), secondsAgo(60)];
    expect(decideRender(policy, { recentRenders: three, otherFilmsRendering: 0 }, now).ok).toBe(true);
    const refused = decideRender(policy, { recentRenders: three, otherFilmsRendering: 0, count: 2 }, now);
    // Two more with a limit of 4 need one of the three gone: the oldest leaves in 3600 - 3000 s.
    expect(refused).toMatchObject({ ok: false, code: "rate_limited", retryAfterSeconds: 600 });
    expect(decideRender(policy, { recentRenders: [], otherFilmsRendering: 0, count: 5 }, now)).toMatchObject({ ok: false, code: "limit_exceeded" });
  });
});

describe("film minutes a day", () => {
  it("adds what a request renders to what the day rendered, and says when enough ages out", () => {
    const day = [
      { at: secondsAgo(80_000), seconds: 240 },
      { at: secondsAgo(40_000), seconds: 240 },
    ];
    expect(decideFilmMinutes(policy, day, 120, now).ok).toBe(true);
    const refused = decideFilmMinutes(policy, day, 180, now);
    // 480 + 180 - 600 = 60 s over: the oldest (240 s) must age out, 86 400 - 80 000 s from now.
    expect(refused).toMatchObject({ ok: false, code: "rate_limited", retryAfterSeconds: 6400 });
    if (!refused.ok) expect(refused.message).toMatch(/rendered 8 minutes of film in the last 24 hours; this would add 3 minutes and the daily limit is 10 minutes/);
  });

  it("refuses a film longer than the whole quota for good, and a spent quota even for an unknown length", () => {
    expect(decideFilmMinutes(policy, [], 601, now)).toMatchObject({ ok: false, code: "limit_exceeded" });
    expect(decideFilmMinutes(policy, [], 601, now)).not.toHaveProperty("retryAfterSeconds");
    expect(decideFilmMinutes(policy, [{ at: secondsAgo(100), seconds: 600 }], 0, now)).toMatchObject({ ok: false, code: "rate_limited" });
    expect(decideFilmMinutes(policy, [{ at: secondsAgo(100), seconds: 599 }], 0, now).ok).toBe(true);
    expect(decideFilmMinutes(policy, [{ at: secondsAgo(90_000), seconds: 600 }], 600, now).ok).toBe(true);
  });
});

describe("estimateNewSeconds", () => {
  const { screenplay } = writeScreenplay("A 30-second western: Ada, a retired sheriff, meets Tom, a deputy, in a saloon.");
  const total = screenplay.acts.flatMap((a) => a.scenes.flatMap((s) => s.shots)).reduce((n, s) => n + s.duration, 0);

  it("a first cut renders everything; the same screenplay again renders nothing", () => {
    expect(estimateNewSeconds(null, screenplay)).toBeCloseTo(total);
    expect(estimateNewSeconds(screenplay, structuredClone(screenplay))).toBe(0);
  });

  it("a changed line renders its shot; a changed look renders every shot", () => {
    const next = structuredClone(screenplay);
    const shot = next.acts[0]!.scenes[0]!.shots.find((s) => s.lines.length > 0) ?? next.acts[0]!.scenes[0]!.shots[0]!;
    if (shot.lines[0]) shot.lines[0].text = "Something else entirely.";
    else shot.action = "Something else entirely.";
    expect(estimateNewSeconds(screenplay, next)).toBeCloseTo(shot.duration);
    const bw = structuredClone(screenplay);
    bw.style.look.blackAndWhite = !bw.style.look.blackAndWhite;
    expect(estimateNewSeconds(screenplay, bw)).toBeCloseTo(total);
  });
});

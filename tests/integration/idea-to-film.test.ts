import fs from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AuteurError } from "../../lib/errors";
import { createFilm, getCutFile, getFilm, listFilms, sendMessage, waitForCut } from "../../lib/film/service";
import { probe } from "../../lib/media/probe";
import { LOCAL_USER } from "../../lib/runtime";
import { startWorld, TEST_DB, type TestWorld } from "./harness";
import { readWav } from "../../lib/sound/wav";

/** Times (s) where speech starts on a dialogue stem: the level rises out of at least 150 ms of quiet. */
function speechOnsets(channels: Float32Array[], sampleRate: number): number[] {
  const win = Math.round(sampleRate * 0.005);
  const onsets: number[] = [];
  let quiet = 0;
  for (let i = 0; i + win <= channels[0]!.length; i += win) {
    let sum = 0;
    for (const ch of channels) for (let j = i; j < i + win; j++) sum += ch[j]! * ch[j]!;
    const rms = Math.sqrt(sum / (win * channels.length));
    if (rms > 0.01) {
      if (quiet >= 0.15) onsets.push(i / sampleRate);
      quiet = 0;
    } else quiet += win / sampleRate;
  }
  return onsets;
}

/** Start times of the cues that begin a spoken line (a continuation cue starts where the one before ended). */
function cueStarts(vtt: string): number[] {
  const t = (h: string, m: string, s: string, ms: string) => Number(h) * 3600 + Number(m) * 60 + Number(s) + Number(ms) / 1000;
  const cues = [...vtt.matchAll(/^(\d\d):(\d\d):(\d\d)\.(\d\d\d) --> (\d\d):(\d\d):(\d\d)\.(\d\d\d)/gm)].map((m) => ({
    start: t(m[1]!, m[2]!, m[3]!, m[4]!),
    end: t(m[5]!, m[6]!, m[7]!, m[8]!),
  }));
  return cues.filter((c, i) => i === 0 || c.start - cues[i - 1]!.end > 0.05).map((c) => c.start);
}

const owner = LOCAL_USER.id;
const IDEA =
  "A 30-second western: Ada, a retired sheriff with a grey braid, rides into a dusty desert town to find her stolen mule. " +
  "Tom, a nervous young deputy with glasses, tells her who took it. End with Ada riding off at sunset.";

describe(`idea in, film out (${TEST_DB})`, () => {
  let world: TestWorld;
  let filmId = "";
  let firstCut = "";

  beforeAll(async () => {
    world = await startWorld();
  });
  afterAll(async () => {
    await world?.close();
  });

  it("makes a watchable film of the requested length in which the named characters speak", async () => {
    const made = await createFilm({ ownerId: owner, idea: IDEA });
    filmId = made.filmId;
    firstCut = made.cutId;
    const view = await waitForCut({ ownerId: owner, cutId: made.cutId, timeoutMs: 480_000 });
    expect(view.error).toBeUndefined();
    expect(view.status).toBe("complete");
    expect(view.shotsFailed).toBe(0);
    expect(view.shotsRendered).toBe(view.shots.length);
    expect(view.shotsReused).toBe(0);

    const film = await getFilm({ ownerId: owner, filmId });
    const names = film.head.screenplay.characters.map((c) => c.name);
    expect(names).toEqual(expect.arrayContaining(["Ada", "Tom"]));
    const scenes = film.head.screenplay.acts.flatMap((a) => a.scenes);

    const mp4 = await getCutFile({ ownerId: owner, cutId: made.cutId, name: "film.mp4" });
    const info = await probe(mp4.path);
    const video = info.streams.find((s) => s.codec_type === "video")!;
    const audio = info.streams.find((s) => s.codec_type === "audio")!;
    const subs = info.streams.find((s) => s.codec_type === "subtitle")!;
    expect(video).toMatchObject({ codec_name: "h264", width: 1280, height: 720 });
    expect(eval(video.avg_frame_rate!)).toBeCloseTo(24, 3);
    expect(audio).toMatchObject({ codec_name: "aac", sample_rate: "48000", channels: 2 });
    expect(subs.codec_name).toBe("mov_text");
    expect(info.chapters.length).toBe(scenes.length);
    expect(info.chapters.map((c) => c.tags?.title)).toEqual(scenes.map((s) => s.heading));
    const duration = Number(info.format.duration);
    expect(duration).toBeGreaterThan(27);
    expect(duration).toBeLessThan(33);
    expect(Math.abs(duration - view.durationSeconds!)).toBeLessThan(0.2);
    // Audio and video run the whole film.
    expect(Math.abs(Number(audio.duration) - Number(video.duration))).toBeLessThan(0.1);

    const vtt = await fs.readFile((await getCutFile({ ownerId: owner, cutId: made.cutId, name: "film.vtt" })).path, "utf8");
    expect(vtt.startsWith("WEBVTT")).toBe(true);
    expect(vtt).toContain("<v Ada>");
    expect(vtt).toContain("<v Tom>");

    // Sync: every subtitle cue starts within 50 ms of the speech it shows, measured on the dialogue stem.
    const dialogue = await readWav((await getCutFile({ ownerId: owner, cutId: made.cutId, name: "dialogue.wav" })).path);
    expect(dialogue.channels[0]!.length / dialogue.sampleRate).toBeCloseTo(duration, 0);
    const onsets = speechOnsets(dialogue.channels, dialogue.sampleRate);
    const starts = cueStarts(vtt);
    expect(starts.length).toBeGreaterThan(2);
    for (const start of starts) {
      const nearest = Math.min(...onsets.map((o) => Math.abs(o - start)));
      expect(nearest, `cue at ${start}s; speech starts at ${onsets.map((o) => o.toFixed(3)).join(", ")}`).toBeLessThan(0.05);
    }
  });

  it("a follow-up message makes a new cut that reuses what did not change", async () => {
    const sent = await sendMessage({ ownerId: owner, filmId, message: "make the ending more hopeful" });
    expect(sent.cutId).toBeTruthy();
    const view = await waitForCut({ ownerId: owner, cutId: sent.cutId!, timeoutMs: 480_000 });
    expect(view.status).toBe("complete");
    expect(view.parentCutId).toBe(firstCut);
    expect(view.shotsReused).toBeGreaterThan(0);
    expect(view.shotsRendered).toBeGreaterThan(0);
    expect(view.shotsRendered + view.shotsReused).toBe(view.shots.length);
    const film = await getFilm({ ownerId: owner, filmId });
    expect(film.cuts.map((c) => c.id)).toEqual([firstCut, sent.cutId]);
    expect(film.head.id).toBe(sent.cutId);
  });

  it("bad input gets a clear error and writes nothing", async () => {
    const before = (await listFilms({ ownerId: owner })).length;
    for (const idea of ["", "   \n\t ", "\u0000\u0001\u0002", "!!! ??? 123 ...", "x".repeat(100 * 1024)]) {
      const err = await createFilm({ ownerId: owner, idea }).catch((e) => e);
      expect(err).toBeInstanceOf(AuteurError);
      expect(["invalid_input", "limit_exceeded"]).toContain(err.code);
      expect(err.message.length).toBeGreaterThan(10);
    }
    expect((await listFilms({ ownerId: owner })).length).toBe(before);
  });

  it("another owner's film is not found", async () => {
    await expect(getFilm({ ownerId: "someone-else", filmId })).rejects.toMatchObject({ code: "not_found" });
    await expect(getCutFile({ ownerId: "someone-else", cutId: firstCut, name: "film.mp4" })).rejects.toMatchObject({ code: "not_found" });
  });
});

import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetEnv } from "../../lib/env";
import { createFilm, getCutFile, waitForCut } from "../../lib/film/service";
import { ffmpegPath } from "../../lib/media/ffmpeg";
import { probe } from "../../lib/media/probe";
import { LOCAL_USER } from "../../lib/runtime";
import { startWorld, TEST_DB, type TestWorld } from "./harness";

describe(`a shot that fails for good (${TEST_DB})`, () => {
  let world: TestWorld;
  const saved = { ...process.env };
  let state = "";

  beforeAll(async () => {
    state = await fs.mkdtemp(path.join(os.tmpdir(), "auteur-flaky-"));
    resetEnv();
    process.env.REAL_FFMPEG = ffmpegPath();
    process.env.AUTEUR_FFMPEG = path.resolve("tests/fixtures/flaky-ffmpeg.sh");
    // Every attempt at one shot fails (the first and both retries); its placeholder then renders.
    process.env.FLAKY_STATE = state;
    world = await startWorld({ concurrency: 1 });
  });
  afterAll(async () => {
    await world?.close();
    await fs.rm(state, { recursive: true, force: true });
    process.env = saved;
    resetEnv();
  });

  it("shows the failure with its reason, and the film goes on with a placeholder", async () => {
    const { cutId } = await createFilm({
      ownerId: LOCAL_USER.id,
      idea: "A 15-second drama: Nell, a lighthouse keeper, talks to her brother Sam during a storm.",
    });
    const view = await waitForCut({ ownerId: LOCAL_USER.id, cutId, timeoutMs: 300_000 });
    expect(view.status).toBe("complete");
    const failed = view.shots.filter((s) => s.status === "failed");
    expect(failed).toHaveLength(1);
    expect(failed[0]!.error).toMatch(/could not be rendered: .*injected encoder failure/s);
    expect(view.shots.filter((s) => s.status === "done")).toHaveLength(view.shots.length - 1);
    expect((await fs.readFile(path.join(state, "attempts"), "utf8")).trim().split("\n")).toHaveLength(3);
    const info = await probe((await getCutFile({ ownerId: LOCAL_USER.id, cutId, name: "film.mp4" })).path);
    expect(Number(info.format.duration)).toBeCloseTo(view.durationSeconds!, 1);
    expect(info.streams.map((s) => s.codec_type)).toEqual(expect.arrayContaining(["video", "audio"]));
  });
});

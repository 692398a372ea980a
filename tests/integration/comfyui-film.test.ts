import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetEnv } from "../../lib/env";
import { createFilm, getCutFile, getFilm, waitForCut } from "../../lib/film/service";
import { probe } from "../../lib/media/probe";
import { LOCAL_USER } from "../../lib/runtime";
import { startFakeComfyUi, type FakeComfy } from "../media/providers/fake-comfyui";
import { makeClip } from "../media/providers/make-clip";
import { startWorld, TEST_DB, type TestWorld } from "./harness";

describe(`a film through a self-hosted GPU server (fake ComfyUI on loopback, ${TEST_DB})`, () => {
  let world: TestWorld;
  let comfy: FakeComfy;
  let tmp = "";
  const saved = { ...process.env };

  beforeAll(async () => {
    tmp = await fs.mkdtemp(path.join(os.tmpdir(), "auteur-comfy-"));
    // The "model" answers with a real 2-second 848x480 16 fps clip with sound, which Auteur conforms.
    const clip = await makeClip(path.join(tmp, "clip.mp4"), { width: 848, height: 480, fps: 16, seconds: 2, audio: true });
    comfy = await startFakeComfyUi({ clip, pendingPolls: 1 });
    process.env.AUTEUR_VIDEO_PROVIDER = "comfyui";
    process.env.COMFYUI_URL = comfy.url;
    resetEnv();
    world = await startWorld();
  });
  afterAll(async () => {
    await world?.close();
    await comfy?.close();
    process.env = saved;
    resetEnv();
    await fs.rm(tmp, { recursive: true, force: true });
  });

  it("renders every shot through the server and conforms the clips into the film", async () => {
    const { filmId, cutId } = await createFilm({ ownerId: LOCAL_USER.id, idea: "A 15-second sci-fi scene: Vega, a pilot, talks to Orin, her co-pilot, on a spaceship bridge." });
    const view = await waitForCut({ ownerId: LOCAL_USER.id, cutId, timeoutMs: 300_000 });
    expect(view.status).toBe("complete");
    expect(view.shotsFailed).toBe(0);
    const film = await getFilm({ ownerId: LOCAL_USER.id, filmId });
    const shots = film.head.screenplay.acts.flatMap((a) => a.scenes.flatMap((s) => s.shots));
    // One queued workflow per shot, each with the shot's prompt and its fixed seed filled in.
    expect(comfy.prompts).toHaveLength(shots.length);
    const texts = comfy.prompts.map((p) => JSON.stringify(p));
    expect(texts.some((t) => t.includes("Vega"))).toBe(true);
    expect(new Set(texts).size).toBe(shots.length);
    // The clips were conformed: the film has the segment format and the length the planner gave it.
    const info = await probe((await getCutFile({ ownerId: LOCAL_USER.id, cutId, name: "film.mp4" })).path);
    const video = info.streams.find((s) => s.codec_type === "video")!;
    expect(video).toMatchObject({ codec_name: "h264", width: 1280, height: 720 });
    expect(Number(info.format.duration)).toBeCloseTo(view.durationSeconds!, 1);
  });
});

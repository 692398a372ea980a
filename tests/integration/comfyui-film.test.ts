import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetEnv } from "../../lib/env";
import { setCharacterReference } from "../../lib/film/references";
import { createFilm, getCutFile, getFilm, waitForCut } from "../../lib/film/service";
import { makeCanvas } from "../../lib/render/canvas-util";
import { probe } from "../../lib/media/probe";
import { LOCAL_USER } from "../../lib/runtime";
import { startFakeComfyUi, type FakeComfy } from "../media/providers/fake-comfyui";
import { makeClip } from "../media/providers/make-clip";
import { meanColourModel } from "../media/providers/tiny-onnx";
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
    // A priced server and a (tiny, real) continuity model: the views carry costs and likeness scores.
    process.env.AUTEUR_VIDEO_PRICE_PER_SECOND = "0.05";
    await fs.writeFile(path.join(tmp, "mean-colour.onnx"), meanColourModel(32));
    process.env.AUTEUR_CONTINUITY_MODEL = path.join(tmp, "mean-colour.onnx");
    process.env.AUTEUR_CONTINUITY_THRESHOLD = "-1";
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

    // Priced: each shot names its generator and cost, and the cut its estimate against what it spent.
    for (const shot of film.head.shots) {
      expect(shot.provider).toBe("comfyui");
      expect(shot.costUsd).toBeGreaterThan(0);
    }
    const spent = film.head.shots.reduce((t, s) => t + s.costUsd!, 0);
    expect(film.head.cost).toBeDefined();
    expect(film.head.cost!.spentUsd).toBeCloseTo(spent, 3);
    expect(film.head.cost!.remainingUsd).toBe(0);
    expect(film.head.cost!.estimateUsd).toBeGreaterThan(0);

    // The person uploads a picture of a character: a new cut re-renders that character's shots against
    // it, and the continuity check scores them (the storyboard shows the score).
    const vega = film.head.screenplay.characters[0]!;
    const picture = makeCanvas(320, 320);
    picture.ctx.fillStyle = "#4a7bd0";
    picture.ctx.fillRect(0, 0, 320, 320);
    const upload = await setCharacterReference({ ownerId: LOCAL_USER.id, filmId, characterId: vega.id, image: picture.canvas.encodeSync("png") });
    expect(upload.cutId).toBeTruthy();
    expect(upload.summary).toContain(vega.name);
    await expect(setCharacterReference({ ownerId: "someone-else", filmId, characterId: vega.id, image: picture.canvas.encodeSync("png") })).rejects.toMatchObject({ code: "not_found" });
    const second = await waitForCut({ ownerId: LOCAL_USER.id, cutId: upload.cutId!, timeoutMs: 300_000 });
    expect(second.status).toBe("complete");
    const after = await getFilm({ ownerId: LOCAL_USER.id, filmId });
    expect(after.head.screenplay.characters[0]!.identity.referenceImage).toBe(upload.referenceKey);
    const withVega = new Set(after.head.screenplay.acts.flatMap((a) => a.scenes.flatMap((s) => s.shots.filter((sh) => sh.characters.includes(vega.id)).map((sh) => sh.id))));
    expect(withVega.size).toBeGreaterThan(0);
    for (const shot of after.head.shots) {
      if (!withVega.has(shot.shotId)) continue;
      expect(shot.reused).toBe(false);
      expect(shot.continuity).toMatchObject({ threshold: -1, passed: true, retakes: 0 });
      expect(shot.continuity!.score).toBeGreaterThanOrEqual(-1);
      expect(shot.continuity!.score).toBeLessThanOrEqual(1);
    }
  });
});

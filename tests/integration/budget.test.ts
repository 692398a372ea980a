import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetEnv } from "../../lib/env";
import { createFilm, waitForCut } from "../../lib/film/service";
import { LOCAL_USER } from "../../lib/runtime";
import { startFakeComfyUi, type FakeComfy } from "../media/providers/fake-comfyui";
import { makeClip } from "../media/providers/make-clip";
import { startWorld, TEST_DB, type TestWorld } from "./harness";

describe(`a paid provider stops at the budget (${TEST_DB})`, () => {
  let world: TestWorld;
  let comfy: FakeComfy;
  let tmp = "";
  const saved = { ...process.env };

  beforeAll(async () => {
    tmp = await fs.mkdtemp(path.join(os.tmpdir(), "auteur-budget-"));
    comfy = await startFakeComfyUi({ clip: await makeClip(path.join(tmp, "clip.mp4"), { width: 640, height: 360, fps: 24, seconds: 1 }) });
    Object.assign(process.env, { AUTEUR_VIDEO_PROVIDER: "comfyui", COMFYUI_URL: comfy.url, AUTEUR_VIDEO_PRICE_PER_SECOND: "0.5", AUTEUR_BUDGET_USD: "2" });
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

  it("refuses new paid work past the budget with a clear message, and sends nothing to the provider", async () => {
    const { cutId } = await createFilm({ ownerId: LOCAL_USER.id, idea: "A 20-second drama: Rosa, a baker, argues with her son Teo in the kitchen." });
    const view = await waitForCut({ ownerId: LOCAL_USER.id, cutId, timeoutMs: 120_000 });
    expect(view.status).toBe("failed");
    expect(view.error).toMatch(/would cost about \$\d+\.\d\d, but only \$2\.00 of your \$2\.00 budget is left/);
    expect(comfy.prompts).toHaveLength(0);
  });
});

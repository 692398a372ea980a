/** The built-in animatic renderer as a video provider: offline, on the CPU, free. */
import path from "node:path";
import { BUILT_IN_PROVIDERS } from "../../plan/providers";
import { renderShot } from "../../render/render-shot";
import type { ShotRenderer } from "./types";

export const animaticRenderer: ShotRenderer = {
  name: BUILT_IN_PROVIDERS.video.name,
  version: BUILT_IN_PROVIDERS.video.version,
  price: { perVideoSecond: 0 },
  accepts: { referenceImages: false, firstFrame: false, audio: false },
  maxConcurrency: Number.POSITIVE_INFINITY,
  async render(spec, ctx) {
    const file = path.join(ctx.workDir, "animatic.mp4");
    await renderShot({ ...spec, seed: ctx.seed }, file, { signal: ctx.signal });
    return { file, billedSeconds: 0 };
  },
};

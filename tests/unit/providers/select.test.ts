import { afterEach, describe, expect, it } from "vitest";
import { resetEnv } from "../../../lib/env";
import { configuredPricing, resetProviders, videoProviderRef, videoRendererFor } from "../../../lib/providers/select";
import { BUILT_IN_PROVIDERS } from "../../../lib/plan/providers";

const KEYS = ["AUTEUR_VIDEO_PROVIDER", "COMFYUI_URL", "COMFYUI_WORKFLOW", "AUTEUR_VIDEO_MODEL", "AUTEUR_VIDEO_PRICE_PER_SECOND", "AUTEUR_IMAGE_MODEL", "AUTEUR_IMAGE_PRICE"];
function withEnv(vars: Record<string, string>) {
  for (const k of KEYS) delete process.env[k];
  Object.assign(process.env, vars);
  resetEnv();
  resetProviders();
}
afterEach(() => withEnv({}));

describe("provider selection by configuration", () => {
  it("keeps the offline animatic when nothing is configured", () => {
    withEnv({});
    expect(videoProviderRef()).toEqual(BUILT_IN_PROVIDERS.video);
    expect(videoRendererFor(BUILT_IN_PROVIDERS.video).price).toEqual({ perVideoSecond: 0 });
    expect(configuredPricing()).toMatchObject({ video: { name: "animatic" }, retakes: 0 });
    expect(configuredPricing().image).toBeUndefined();
  });

  it("selects ComfyUI with the shipped Wan template, versioned by the template's content", () => {
    withEnv({ AUTEUR_VIDEO_PROVIDER: "comfyui", COMFYUI_URL: "http://127.0.0.1:8188", AUTEUR_VIDEO_PRICE_PER_SECOND: "0.02" });
    const ref = videoProviderRef();
    expect(ref.name).toBe("comfyui");
    expect(ref.version).toMatch(/^1:wan22-ti2v-5b@[0-9a-f]{12}$/);
    const r = videoRendererFor(ref);
    expect(r.accepts.firstFrame).toBe(true);
    expect(r.price.perVideoSecond).toBe(0.02);
    expect(() => videoRendererFor({ name: "comfyui", version: "1:old@000000000000" })).toThrow(/version .* planned for 1:old/);
    expect(() => videoRendererFor({ name: "ai-sdk:google/veo", version: "1" })).toThrow(/no video provider "ai-sdk:google\/veo" configured/);
  });

  it("selects an AI SDK video model by id, and an image model for reference sheets", () => {
    withEnv({ AUTEUR_VIDEO_PROVIDER: "ai-sdk", AUTEUR_VIDEO_MODEL: "google/veo-3.1-generate-001", AUTEUR_IMAGE_MODEL: "openai/gpt-image-1", AUTEUR_IMAGE_PRICE: "0.04" });
    expect(videoProviderRef()).toEqual({ name: "ai-sdk:google/veo-3.1-generate-001", version: "1" });
    expect(configuredPricing().image).toEqual({ price: { perImage: 0.04 } });
  });

  it("explains a configuration that cannot work", () => {
    withEnv({ AUTEUR_VIDEO_PROVIDER: "comfyui" });
    expect(() => videoProviderRef()).toThrow(/needs COMFYUI_URL/);
    withEnv({ AUTEUR_VIDEO_PROVIDER: "comfyui", COMFYUI_URL: "http://127.0.0.1:8188", COMFYUI_WORKFLOW: "/nonexistent/workflow.json" });
    expect(() => videoProviderRef()).toThrow(/COMFYUI_WORKFLOW: cannot read/);
    withEnv({ AUTEUR_VIDEO_PROVIDER: "ai-sdk" });
    expect(() => videoProviderRef()).toThrow(/needs AUTEUR_VIDEO_MODEL/);
  });
});

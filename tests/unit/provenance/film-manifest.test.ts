import { describe, expect, it } from "vitest";
import { BUILT_IN_PROVIDERS } from "../../../lib/plan/providers";
import { filmProviders } from "../../../lib/provenance/film-providers";
import { filmManifestDefinition, TRAINED_ALGORITHMIC_MEDIA } from "../../../lib/provenance/manifest-definition";

const shot = (provider?: string) => ({ shotId: "s", sceneId: "c", index: 0, status: "done" as const, ...(provider ? { provider } : {}) });

describe("filmProviders", () => {
  it("names the built-in generators of an offline film", () => {
    const providers = filmProviders({ shots: [shot(), shot()] }, { text: "offline story engine", video: BUILT_IN_PROVIDERS.video });
    expect(providers).toEqual([
      { role: "screenplay", name: "offline story engine" },
      { role: "video", ...BUILT_IN_PROVIDERS.video },
      { role: "speech", ...BUILT_IN_PROVIDERS.speech },
      { role: "sound", ...BUILT_IN_PROVIDERS.sound },
    ]);
  });

  it("names each hosted video provider that made a shot, and the built-in one for the shots it made", () => {
    const providers = filmProviders(
      { shots: [shot("comfyui/wan22"), shot(), shot("comfyui/wan22")] },
      { text: "openai/gpt-4.1-mini", video: { name: "comfyui", version: "1" }, speech: { name: "openai/tts-1", version: "1" } },
    );
    expect(providers.filter((p) => p.role === "video").map((p) => p.name)).toEqual(["comfyui", "comfyui/wan22"]);
    expect(providers.find((p) => p.role === "speech")).toEqual({ role: "speech", name: "openai/tts-1", version: "1" });
  });
});

describe("filmManifestDefinition", () => {
  it("declares the film created by trained algorithms and names the providers", () => {
    const definition = filmManifestDefinition({
      title: "The Loaf",
      generator: { name: "Auteur", version: "0.1.0" },
      providers: [{ role: "video", name: "animatic", version: "2" }],
    }) as { title: string; assertions: { label: string; data: { actions: Record<string, unknown>[] } }[] };
    expect(definition.title).toBe("The Loaf");
    const [created] = definition.assertions[0].data.actions;
    expect(created.action).toBe("c2pa.created");
    expect(created.digitalSourceType).toBe(TRAINED_ALGORITHMIC_MEDIA);
    expect(created.description).toContain("video: animatic 2");
    expect(created.parameters).toEqual({ providers: [{ role: "video", name: "animatic", version: "2" }] });
  });

  it("refuses a film with no generator named", () => {
    expect(() => filmManifestDefinition({ title: "x", generator: { name: "Auteur", version: "0" }, providers: [] })).toThrow();
  });
});

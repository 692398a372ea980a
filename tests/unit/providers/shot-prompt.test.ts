import { describe, expect, it } from "vitest";
import { colourName } from "../../../lib/providers/video/colour-name";
import { describeCharacter, shotPrompt } from "../../../lib/providers/video/shot-prompt";
import { providerShotSpec } from "./make-spec";

describe("shotPrompt", () => {
  it("writes framing, camera, lens, action, place and look into the prompt", () => {
    const { prompt } = shotPrompt(providerShotSpec());
    expect(prompt).toMatch(/^Medium shot, slow push-in, 50mm normal lens\./);
    expect(prompt).toContain("Mira hands Jonas the map.");
    expect(prompt).toContain("outside the old harbour (sea) at dusk, thick fog, uneasy mood");
    expect(prompt).toContain("film noir, hard shadows");
    expect(prompt).toContain("high contrast");
    expect(prompt).toContain("low-key lighting");
    expect(prompt).toContain("From left to right: Mira, Jonas.");
    expect(prompt).toContain("Mira talks, lips moving.");
  });

  it("describes each character from their locked identity, the same words in every shot", () => {
    const a = shotPrompt(providerShotSpec());
    const b = shotPrompt(providerShotSpec({ framing: "close-up", action: "Jonas turns away", camera: { move: "static", lens: 85 }, lines: [] }));
    const jonas = describeCharacter(providerShotSpec().characters[1]!);
    expect(jonas).toBe(
      "Jonas: broad build, square face, brown skin, black short hair, dark brown eyes, wearing long duster coat (purple top, dark grey trousers, red accents), a cowboy hat, a beard, a scar on the face",
    );
    expect(a.prompt).toContain(jonas);
    expect(b.prompt).toContain(jonas);
    expect(b.prompt).toMatch(/^Close-up, static locked-off camera, 85mm portrait lens/);
  });

  it("describes a robot as a machine, in the same words every shot", () => {
    const jonas = providerShotSpec().characters[1]!;
    const robot = { ...jonas, name: "Kip", identity: { ...jonas.identity, body: "robot" as const, face: { shape: "square" as const, skin: "#b8bec6" }, eyes: { color: "#52d6f4" } } };
    const words = describeCharacter(robot);
    expect(words).toMatch(/^Kip: a broad robot, .* metal plating, glowing .* eyes, a grille for a mouth/);
    expect(words).not.toMatch(/skin|hair|beard/);
    expect(describeCharacter(robot)).toBe(words);
  });

  it("asks for an empty frame when no one is in the shot, and is deterministic", () => {
    const spec = providerShotSpec({ characters: [], lines: [] });
    const p = shotPrompt(spec);
    expect(p.prompt).toContain("No people in frame.");
    expect(p.negativePrompt).toContain("people");
    expect(shotPrompt(spec)).toEqual(p);
    expect(shotPrompt(providerShotSpec()).negativePrompt).not.toMatch(/\bpeople\b/);
  });
});

describe("colourName", () => {
  it("names colours in plain words", () => {
    expect(colourName("#ff0000")).toBe("red");
    expect(colourName("#2f8f5a")).toBe("green");
    expect(colourName("#1a1412")).toBe("black");
    expect(colourName("#ffffff")).toBe("white");
    expect(colourName("#8a5a3c")).toBe("brown");
    expect(colourName("#2040c0")).toBe("blue");
    expect(colourName("nonsense")).toBe("neutral");
  });
});

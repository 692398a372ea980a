import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { pointAtShippedBinaries } from "../../../lib/http/shipped-binaries";

describe("pointAtShippedBinaries", () => {
  it("fills in the shipped ffmpeg and ffprobe when none is set", async () => {
    const vars: Record<string, string | undefined> = {};
    await pointAtShippedBinaries(vars);
    expect(vars.AUTEUR_FFMPEG && existsSync(vars.AUTEUR_FFMPEG)).toBe(true);
    expect(vars.AUTEUR_FFPROBE && existsSync(vars.AUTEUR_FFPROBE)).toBe(true);
  });

  it("keeps the binaries a person chose", async () => {
    const vars: Record<string, string | undefined> = { AUTEUR_FFMPEG: "/opt/ffmpeg", AUTEUR_FFPROBE: "/opt/ffprobe" };
    await pointAtShippedBinaries(vars);
    expect(vars).toEqual({ AUTEUR_FFMPEG: "/opt/ffmpeg", AUTEUR_FFPROBE: "/opt/ffprobe" });
  });
});

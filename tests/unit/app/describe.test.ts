import { describe, expect, it } from "vitest";
import { colorName, describeLook, describeVoice, formatDuration, humanize, speakerName } from "../../../app/_lib/describe";
import type { Identity } from "../../../lib/screenplay/schema";

const mara: Identity = {
  seed: 7,
  face: { shape: "oval", skin: "#c68642" },
  eyes: { color: "#3b6e3b" },
  hair: { style: "long", color: "#111111" },
  build: "athletic",
  height: 1.02,
  wardrobe: { description: "belted trench coat", top: "#5a5a5a", bottom: "#222222", accent: "#b22222", headwear: "fedora" },
  marks: ["scar"],
};

describe("describe helpers", () => {
  it("names colours in plain words", () => {
    expect(colorName("#000000")).toBe("black");
    expect(colorName("#ffffff")).toBe("white");
    expect(colorName("#808080")).toBe("grey");
    expect(colorName("#c0392b")).toBe("red");
    expect(colorName("#1f4fd1")).toBe("blue");
    expect(colorName("#2e8b57")).toBe("green");
    expect(colorName("#6b4423")).toBe("brown");
    expect(colorName("nope")).toBe("unknown");
  });

  it("summarises a locked look", () => {
    expect(describeLook(mara)).toBe("athletic build, long black hair, green eyes, scar; belted trench coat, fedora");
    expect(describeLook({ ...mara, hair: { style: "bald", color: "#000000" }, marks: [], wardrobe: { ...mara.wardrobe, headwear: "none" } })).toBe(
      "athletic build, bald, green eyes; belted trench coat",
    );
    expect(describeLook({ ...mara, hair: { style: "curly", color: "#c9a45c" } })).toMatch(/curly blond hair/);
    expect(describeLook({ ...mara, hair: { style: "bun", color: "#b22222" } })).toMatch(/auburn hair in a bun/);
  });

  it("summarises a locked voice", () => {
    expect(describeVoice({ voiceId: "flite/rms", pitch: 2, rate: 1.1 })).toBe("flite/rms · male American · +2 st · 1.10× pace");
    expect(describeVoice({ voiceId: "flite/slt", pitch: 0, rate: 1 })).toBe("flite/slt · female American · natural pitch · natural pace");
  });

  it("formats codes, durations and speakers", () => {
    expect(humanize("medium-close-up")).toBe("Medium close-up");
    expect(formatDuration(83.4)).toBe("1:23");
    expect(formatDuration(undefined)).toBe("–");
    expect(speakerName([{ id: "mara", name: "Mara" }], "mara")).toBe("Mara");
    expect(speakerName([], "leo")).toBe("leo");
  });
});

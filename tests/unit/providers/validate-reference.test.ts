import { createCanvas } from "@napi-rs/canvas";
import { describe, expect, it } from "vitest";
import { imageTypeOf, validateReferenceImage } from "../../../lib/providers/image/validate-reference";
import { referencePrompt, referenceSheetKey } from "../../../lib/providers/image/reference-sheet";
import { MIRA } from "./make-spec";

const picture = (w: number, h: number, type: "png" | "jpeg" = "png") => {
  const c = createCanvas(w, h);
  c.getContext("2d").fillRect(0, 0, w, h);
  return type === "png" ? c.encodeSync("png") : c.encodeSync("jpeg", 90);
};

describe("validateReferenceImage", () => {
  it("accepts PNG and JPEG within the limits and gives PNG back", async () => {
    const png = await validateReferenceImage(picture(512, 640));
    expect(png).toMatchObject({ width: 512, height: 640, type: "png" });
    const jpeg = await validateReferenceImage(picture(300, 300, "jpeg"));
    expect(jpeg.type).toBe("jpeg");
    expect(imageTypeOf(jpeg.png)).toBe("png");
  });

  it("refuses what is not a picture, too small, too large", async () => {
    await expect(validateReferenceImage(Buffer.from("GIF89a not supported"))).rejects.toThrow("A reference image must be a PNG, JPEG or WebP picture.");
    await expect(validateReferenceImage(picture(100, 400))).rejects.toThrow(/at least 256 pixels on each side; this one is 100x400/);
    await expect(validateReferenceImage(picture(300, 300), { maxBytes: 1_000_000, minSide: 256, maxSide: 290 })).rejects.toThrow(/at most 290 pixels/);
    await expect(validateReferenceImage(new Uint8Array(2_000_001), { maxBytes: 2_000_000, minSide: 1, maxSide: 10 })).rejects.toThrow(/at most 2 MB; this one is 1.9 MB/);
    const broken = Buffer.concat([picture(300, 300).subarray(0, 40)]);
    await expect(validateReferenceImage(broken)).rejects.toThrow(/could not be read as a PNG/);
  });
});

describe("reference sheets", () => {
  it("are described from the locked identity and keyed by it and the image model", () => {
    const c = { name: "Mira", identity: MIRA };
    expect(referencePrompt(c)).toContain("Mira: slight build, oval face");
    const ref = { name: "ai-sdk:openai/gpt-image-1", version: "1" };
    expect(referenceSheetKey(c, ref)).toBe(referenceSheetKey({ ...c }, ref));
    expect(referenceSheetKey(c, ref)).not.toBe(referenceSheetKey({ name: "Mira", identity: { ...MIRA, hair: { ...MIRA.hair, color: "#000000" } } }, ref));
    expect(referenceSheetKey(c, ref)).not.toBe(referenceSheetKey(c, { ...ref, version: "2" }));
  });
});

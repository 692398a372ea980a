/**
 * Check a reference image (uploaded by a person or returned by an image model) and normalise it to
 * PNG: only PNG, JPEG or WebP, within size limits, decodable, big enough to show a face.
 */
import { loadImage, createCanvas } from "@napi-rs/canvas";
import { AuteurError } from "../../errors";

export const REFERENCE_LIMITS = { maxBytes: 10 * 1024 * 1024, minSide: 256, maxSide: 4096 } as const;

export function imageTypeOf(bytes: Uint8Array): "png" | "jpeg" | "webp" | undefined {
  if (bytes.length >= 8 && bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return "png";
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return "jpeg";
  if (bytes.length >= 12 && Buffer.from(bytes.subarray(0, 4)).toString("latin1") === "RIFF" && Buffer.from(bytes.subarray(8, 12)).toString("latin1") === "WEBP") return "webp";
  return undefined;
}

export interface ValidReference {
  png: Buffer;
  width: number;
  height: number;
  type: "png" | "jpeg" | "webp";
}

export async function validateReferenceImage(bytes: Uint8Array, limits: { maxBytes: number; minSide: number; maxSide: number } = REFERENCE_LIMITS): Promise<ValidReference> {
  if (bytes.length > limits.maxBytes)
    throw new AuteurError("limit_exceeded", `A reference image may be at most ${Math.round(limits.maxBytes / 1024 / 1024)} MB; this one is ${(bytes.length / 1024 / 1024).toFixed(1)} MB.`);
  const type = imageTypeOf(bytes);
  if (!type) throw new AuteurError("invalid_input", "A reference image must be a PNG, JPEG or WebP picture.");
  let img: Awaited<ReturnType<typeof loadImage>>;
  try {
    img = await loadImage(Buffer.from(bytes));
  } catch (cause) {
    throw new AuteurError("invalid_input", `The reference image could not be read as a ${type.toUpperCase()} picture.`, { cause });
  }
  const { width, height } = img;
  if (Math.min(width, height) < limits.minSide)
    throw new AuteurError("invalid_input", `A reference image must be at least ${limits.minSide} pixels on each side; this one is ${width}x${height}.`);
  if (Math.max(width, height) > limits.maxSide)
    throw new AuteurError("limit_exceeded", `A reference image may be at most ${limits.maxSide} pixels on a side; this one is ${width}x${height}.`);
  let png: Buffer = Buffer.from(bytes);
  if (type !== "png") {
    const canvas = createCanvas(width, height);
    canvas.getContext("2d").drawImage(img, 0, 0);
    png = canvas.encodeSync("png");
  }
  return { png, width, height, type };
}

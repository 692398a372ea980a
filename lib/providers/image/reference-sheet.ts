/**
 * Character reference sheets: one image per character, made once by an AI SDK image model from the
 * character's locked description (content-keyed: the same identity and model give the same asset), or
 * uploaded by the person (validated, stored as an asset whose key goes into identity.referenceImage).
 * Every shot with the character passes it to providers that accept references.
 */
import { generateImage } from "ai";
import { assetFile, hasAsset, produceAsset } from "../../assets/store";
import { contentKey, sha256 } from "../../plan/keys";
import type { CharacterLook, ProviderRef } from "../../plan/specs";
import { withRetries } from "../retry";
import { describeCharacter } from "../video/shot-prompt";
import { validateReferenceImage } from "./validate-reference";
import fs from "node:fs/promises";
import path from "node:path";

export type AiSdkImageModel = Parameters<typeof generateImage>[0]["model"];

/** The file name of a reference sheet inside its asset. */
export const REFERENCE_FILE = "reference.png";

export function referencePrompt(c: Pick<CharacterLook, "name" | "identity">): string {
  return `Character reference sheet. ${describeCharacter(c)}. Full body and face clearly visible, front view, neutral standing pose, plain light grey background, even soft studio lighting, photographic, one person only.`;
}

export function referenceSheetKey(c: Pick<CharacterLook, "name" | "identity">, imageProvider: ProviderRef): string {
  return contentKey("reference-sheet", { prompt: referencePrompt(c), seed: c.identity.seed }, imageProvider);
}

/** Make a reference sheet with an image model; writes `dir/reference.png`. */
export async function makeReferenceSheet(
  model: AiSdkImageModel,
  c: Pick<CharacterLook, "name" | "identity">,
  dir: string,
  options: { signal?: AbortSignal; attempts?: number; retryBaseMs?: number } = {},
): Promise<{ width: number; height: number }> {
  const result = await withRetries(
    () => generateImage({ model, prompt: referencePrompt(c), n: 1, aspectRatio: "1:1", seed: c.identity.seed, maxRetries: 2, abortSignal: options.signal }),
    { attempts: options.attempts ?? 3, baseMs: options.retryBaseMs ?? 2000, signal: options.signal },
  );
  const valid = await validateReferenceImage(result.image.uint8Array);
  await fs.writeFile(path.join(dir, REFERENCE_FILE), valid.png);
  return { width: valid.width, height: valid.height };
}

/** Store a person's uploaded reference image; returns the key to put in identity.referenceImage. */
export async function storeUploadedReference(bytes: Uint8Array): Promise<{ key: string; width: number; height: number }> {
  const valid = await validateReferenceImage(bytes);
  const key = contentKey("reference-upload", { sha256: sha256(valid.png.toString("base64")) }, { name: "upload", version: "1" });
  await produceAsset(key, async (dir) => {
    await fs.writeFile(path.join(dir, REFERENCE_FILE), valid.png);
    return { width: valid.width, height: valid.height, uploaded: true };
  });
  return { key, width: valid.width, height: valid.height };
}

export interface ReferenceSource {
  /** The image model and its provider ref, when reference sheets are made by a model. */
  image?: { model: AiSdkImageModel; ref: ProviderRef };
  signal?: AbortSignal;
}

/**
 * The reference file of each character in a shot: the uploaded one when the identity names it, else a
 * sheet made (once) by the image model, else none.
 */
export async function referencesFor(characters: Pick<CharacterLook, "id" | "name" | "identity">[], source: ReferenceSource): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const c of characters) {
    const uploaded = c.identity.referenceImage;
    if (uploaded && hasAsset(uploaded)) {
      out[c.id] = assetFile(uploaded, REFERENCE_FILE);
      continue;
    }
    if (!source.image) continue;
    const key = referenceSheetKey(c, source.image.ref);
    await produceAsset(key, (dir) => makeReferenceSheet(source.image!.model, c, dir, { signal: source.signal }));
    out[c.id] = assetFile(key, REFERENCE_FILE);
  }
  return out;
}

/**
 * A film's dialogue, music and effects stems, joined from its scenes' audio stretches (listed in the
 * film asset's audio-scenes.json) the first time one is asked for, and kept beside the film. Every cut
 * shares the stretches it did not change, so a cut costs no stem bytes until someone wants them.
 */
import { existsSync, readFileSync } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { assetDir, assetFile, hasAsset } from "../assets/store";
import { AuteurError } from "../errors";
import { FILM_FORMAT } from "../plan/specs";
import { joinStems, STEM_NAMES } from "../sound/film-audio";

export type StemName = (typeof STEM_NAMES)[number];

/** The path of a stem of the film asset `filmKey`, joined now if it is not there yet. */
export async function ensureStem(filmKey: string, stem: StemName): Promise<string> {
  const file = assetFile(filmKey, `${stem}.wav`);
  if (existsSync(file)) return file;
  const listFile = assetFile(filmKey, "audio-scenes.json");
  if (!existsSync(listFile)) throw new AuteurError("not_found", "This film has no stems.");
  const keys = JSON.parse(readFileSync(listFile, "utf8")) as string[];
  const missing = keys.filter((k) => !hasAsset(k));
  if (missing.length) throw new AuteurError("not_found", "This film's stems are no longer stored; render the cut again to get them.");
  // Joined in a folder of its own, then moved in: a second request at the same time makes the same bytes.
  const work = path.join(assetDir(filmKey), `.stems-${randomUUID()}`);
  await fs.mkdir(work);
  try {
    await joinStems(keys.map((k) => assetDir(k)), work, FILM_FORMAT.sampleRate);
    for (const name of STEM_NAMES) await fs.rename(path.join(work, `${name}.wav`), assetFile(filmKey, `${name}.wav`));
  } finally {
    await fs.rm(work, { recursive: true, force: true });
  }
  return file;
}

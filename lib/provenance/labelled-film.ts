/**
 * The exported film.mp4 of a cut, labelled as AI-generated with a signed C2PA manifest. The stitched
 * film stays as it was (content-addressed, byte-for-byte reproducible); the labelled copy is made on
 * first export, kept beside it and served from then on.
 */
import { existsSync, statSync } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { selectTextModel } from "../ai/models";
import { env } from "../env";
import { getCut, getCutFile, getFilm } from "../film/service";
import { planProviders } from "../providers/select";
import { getRuntime } from "../runtime";
import { filmProviders } from "./film-providers";
import { labelMp4 } from "./label-mp4";
import { signingIdentity } from "./signing-identity";

export const LABELLED_FILM_NAME = "film.c2pa.mp4";
const GENERATOR = { name: "Auteur", version: "0.1.0" };

/** Where the signing identity lives: the running app's data folder. */
export async function provenanceDir(): Promise<string> {
  return path.join((await getRuntime()).config.dataDir, "provenance");
}

function textModelName(): string {
  const choice = selectTextModel(env());
  // The server address of a self-hosted model is nobody's business but its owner's.
  return choice.name.replace(/ at .*$/, "");
}

const making = new Map<string, Promise<void>>();

export async function getLabelledFilmFile(input: { ownerId: string; cutId: string }): Promise<{ path: string; contentType: string; size: number }> {
  const film = await getCutFile({ ...input, name: "film.mp4" });
  const target = path.join(path.dirname(film.path), LABELLED_FILM_NAME);
  if (!existsSync(target)) {
    let job = making.get(target);
    if (!job) {
      job = (async () => {
        const view = await getCut(input);
        const { title } = await getFilm({ ownerId: input.ownerId, filmId: view.filmId, cutId: input.cutId });
        const selected = planProviders();
        const labelled = await labelMp4({
          mp4: new Uint8Array(await fs.readFile(film.path)),
          identity: await signingIdentity(await provenanceDir()),
          manifest: { title, generator: GENERATOR, providers: filmProviders(view, { text: textModelName(), video: selected.video, speech: selected.speech }) },
        });
        const temp = `${target}.${process.pid}.${Date.now()}.tmp`;
        await fs.writeFile(temp, labelled);
        await fs.rename(temp, target);
      })().finally(() => making.delete(target));
      making.set(target, job);
    }
    await job;
  }
  return { path: target, contentType: film.contentType, size: statSync(target).size };
}

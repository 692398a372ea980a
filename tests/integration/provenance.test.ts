/**
 * An exported film carries a signed C2PA manifest that says it is AI-generated and names its generators;
 * reading it back with the C2PA reference implementation validates the signature and the BMFF hash.
 */
import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFilm, getCutFile, getFilm, waitForCut } from "../../lib/film/service";
import { durationOf, probe } from "../../lib/media/probe";
import { BUILT_IN_PROVIDERS } from "../../lib/plan/providers";
import { getLabelledFilmFile, provenanceDir } from "../../lib/provenance/labelled-film";
import { readProvenance } from "../../lib/provenance/read-provenance";
import { signingIdentity } from "../../lib/provenance/signing-identity";
import { LOCAL_USER } from "../../lib/runtime";
import { startWorld, TEST_DB, type TestWorld } from "./harness";

const owner = LOCAL_USER.id;
const sha256 = async (file: string) => createHash("sha256").update(await fs.readFile(file)).digest("hex");

describe(`provenance of exported films (${TEST_DB})`, () => {
  let world: TestWorld;
  let cutId = "";
  let title = "";

  beforeAll(async () => {
    world = await startWorld();
    const made = await createFilm({ ownerId: owner, idea: "A 10-second scene: Ana, a baker, hands Ben, a boy, a loaf at dawn." });
    cutId = made.cutId;
    expect((await waitForCut({ ownerId: owner, cutId, timeoutMs: 300_000 })).status).toBe("complete");
    title = (await getFilm({ ownerId: owner, filmId: made.filmId, cutId })).title;
  });
  afterAll(async () => {
    await world?.close();
  });

  it("labels the exported film as AI-generated, names its generators, and the manifest validates", async () => {
    const stitched = await getCutFile({ ownerId: owner, cutId, name: "film.mp4" });
    const before = await sha256(stitched.path);
    const labelled = await getLabelledFilmFile({ ownerId: owner, cutId });
    const identity = await signingIdentity(await provenanceDir());

    const read = await readProvenance(new Uint8Array(await fs.readFile(labelled.path)), { trustAnchorsPem: identity.authorityPem });
    expect(read).not.toBeNull();
    expect(read!.failures).toEqual([]);
    expect(read!.validationState).toBe("Trusted");
    expect(read!.aiGenerated).toBe(true);
    expect(read!.title).toBe(title);
    expect(read!.generator).toMatch(/^Auteur /);
    expect(read!.providers).toEqual(
      expect.arrayContaining([
        { role: "screenplay", name: "offline story engine" },
        { role: "video", ...BUILT_IN_PROVIDERS.video },
        { role: "speech", ...BUILT_IN_PROVIDERS.speech },
        { role: "sound", ...BUILT_IN_PROVIDERS.sound },
      ]),
    );

    // Without the local authority as a trust anchor the signature still holds; only the signer is unknown.
    const elsewhere = await readProvenance(new Uint8Array(await fs.readFile(labelled.path)));
    expect(elsewhere!.validationState).toBe("Valid");
    expect(elsewhere!.failures).toEqual(["signingCredential.untrusted"]);

    // The stitched film is untouched (recipes re-render to the same bytes) and unlabelled.
    expect(await sha256(stitched.path)).toBe(before);
    expect(await readProvenance(new Uint8Array(await fs.readFile(stitched.path)))).toBeNull();

    // The labelled film plays the same: same streams, same length.
    const [a, b] = await Promise.all([probe(stitched.path), probe(labelled.path)]);
    expect(b.streams.map((s) => s.codec_name)).toEqual(a.streams.map((s) => s.codec_name));
    expect(durationOf(b)).toBeCloseTo(durationOf(a), 2);
    expect(b.chapters.length).toBe(a.chapters.length);
  });

  it("serves the same labelled file on every export and detects tampering", async () => {
    const first = await getLabelledFilmFile({ ownerId: owner, cutId });
    const again = await getLabelledFilmFile({ ownerId: owner, cutId });
    expect(again.path).toBe(first.path);
    expect(await sha256(again.path)).toBe(await sha256(first.path));

    const bytes = new Uint8Array(await fs.readFile(first.path));
    bytes[bytes.length - 100] ^= 0xff; // a byte of the media data
    const read = await readProvenance(bytes);
    expect(read!.validationState).toBe("Invalid");
    expect(read!.failures.some((code) => code.startsWith("assertion.bmffHash"))).toBe(true);
  });
});

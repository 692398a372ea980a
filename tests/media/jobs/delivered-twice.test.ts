/**
 * A job delivered twice (a queue redelivers after a lost heartbeat, or two workers pick up the same
 * key): both deliveries answer with the same result, the asset is written once, and no half-made
 * folder is left behind.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assetDir, setAssetsRoot } from "../../../lib/assets/store";
import { probe } from "../../../lib/media/probe";
import { runStage } from "../../../workers/stages";
import { makeShotSpec } from "../render/make-shot-spec";

const sha = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

describe("a job delivered twice", () => {
  let root = "";
  beforeAll(async () => {
    root = await fs.mkdtemp(path.join(os.tmpdir(), "auteur-twice-"));
    setAssetsRoot(root);
  });
  afterAll(async () => {
    setAssetsRoot(undefined);
    await fs.rm(root, { recursive: true, force: true });
  });

  it("gives the same result to both deliveries and writes the asset once", async () => {
    const spec = { ...makeShotSpec({ seconds: 1 }), key: "d".repeat(64) };
    // Both at once, as two workers would.
    const [a, b] = await Promise.all([runStage(spec), runStage(spec)]);
    expect(a.meta.frames).toBe(spec.frames);
    expect(b.meta).toEqual(a.meta);
    const video = path.join(assetDir(spec.key), "video.mp4");
    const first = sha(video);
    expect((await probe(video)).streams[0]).toMatchObject({ codec_name: "h264", nb_frames: String(spec.frames) });
    // No half-made or duplicate folder is left.
    expect(readdirSync(path.join(root, "tmp"))).toEqual([]);
    // A third, late delivery does no work and changes nothing.
    const c = await runStage(spec);
    expect(c.made).toBe(false);
    expect(c.meta).toEqual(a.meta);
    expect(sha(video)).toBe(first);
  });
});

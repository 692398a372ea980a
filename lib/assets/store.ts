/**
 * Content-addressed asset store on the local disk. An asset is a folder named by its content key
 * holding the stage's output files; it is made in a temporary folder and renamed into place, so a
 * reader sees the whole asset or none of it (a worker killed mid-job leaves only a temp folder, swept
 * later).
 */
import { randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import { existsSync } from "node:fs";
import path from "node:path";
import { env } from "../env";

const KEY = /^[0-9a-f]{64}$/;

let configuredRoot: string | undefined;

/** The runtime sets the store's folder from its configuration (tests give each world its own). */

/** A render asset's poster (its middle frame, JPEG) beside its video.mp4. */
export const POSTER_FILE = "poster.jpg";
export function setAssetsRoot(dir: string | undefined): void {
  configuredRoot = dir;
}

export function assetsRoot(): string {
  return configuredRoot ?? path.join(env().dataDir, "assets");
}

export function assertKey(key: string): void {
  if (!KEY.test(key)) throw new Error(`not a content key: ${JSON.stringify(key).slice(0, 80)}`);
}

export function assetDir(key: string): string {
  assertKey(key);
  return path.join(assetsRoot(), key.slice(0, 2), key);
}

/** Path of one file of an asset. `name` is one of the stage's fixed output names, never user text. */
export function assetFile(key: string, name: string): string {
  if (!/^[a-z0-9][a-z0-9._-]*$/.test(name)) throw new Error(`bad asset file name ${name}`);
  return path.join(assetDir(key), name);
}

export function hasAsset(key: string): boolean {
  return existsSync(path.join(assetDir(key), ".complete"));
}

export async function readAssetMeta<T = unknown>(key: string): Promise<T> {
  return JSON.parse(await fs.readFile(assetFile(key, "meta.json"), "utf8")) as T;
}

/**
 * Make an asset: `build` writes its files into a fresh temporary folder and returns the metadata;
 * the folder is then renamed to its final place. If the asset already exists, nothing is built.
 * Returns the metadata (read back when the asset already existed).
 */
export async function produceAsset<T extends object>(key: string, build: (dir: string) => Promise<T>): Promise<{ meta: T; made: boolean }> {
  const final = assetDir(key);
  if (hasAsset(key)) return { meta: await readAssetMeta<T>(key), made: false };
  const tmpRoot = path.join(assetsRoot(), "tmp");
  await fs.mkdir(tmpRoot, { recursive: true });
  const tmp = path.join(tmpRoot, `${key}.${randomUUID()}`);
  await fs.mkdir(tmp);
  try {
    const meta = await build(tmp);
    await fs.writeFile(path.join(tmp, "meta.json"), JSON.stringify(meta));
    await fs.writeFile(path.join(tmp, ".complete"), "");
    await fs.mkdir(path.dirname(final), { recursive: true });
    try {
      await fs.rename(tmp, final);
    } catch (err) {
      // Someone else finished the same asset first (a job delivered twice): theirs is kept and
      // answered, so both deliveries report the one asset that exists.
      if (!hasAsset(key)) throw err;
      await fs.rm(tmp, { recursive: true, force: true });
      return { meta: await readAssetMeta<T>(key), made: false };
    }
    return { meta, made: true };
  } catch (err) {
    await fs.rm(tmp, { recursive: true, force: true });
    throw err;
  }
}

/** Remove temp folders older than `olderThanMs` (left by killed workers). */
export async function sweepTemp(olderThanMs = 60 * 60 * 1000): Promise<number> {
  const tmpRoot = path.join(assetsRoot(), "tmp");
  let removed = 0;
  let names: string[] = [];
  try {
    names = await fs.readdir(tmpRoot);
  } catch {
    return 0;
  }
  const now = Date.now();
  for (const name of names) {
    const p = path.join(tmpRoot, name);
    const st = await fs.stat(p).catch(() => undefined);
    if (st && now - st.mtimeMs > olderThanMs) {
      await fs.rm(p, { recursive: true, force: true });
      removed++;
    }
  }
  return removed;
}

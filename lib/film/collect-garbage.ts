/**
 * Frees assets that no remaining cut uses. What a cut uses: its voices (from its screenplay), its
 * shots' render and mix keys, the beds and lines its mixes were made from (each mix asset keeps its
 * spec), its film and the scenes' audio it was joined from, and every take of its shots. Assets younger than the grace period are kept, since
 * a cut still rendering may not have recorded all its keys yet.
 */
import fs from "node:fs/promises";
import path from "node:path";
import { deleteAssetsByKeys, listAllCutsForGc, listAllShotKeys, listAllTakeKeys } from "../../db/queries";
import { assetDir, assetsRoot } from "../assets/store";
import { planVoices } from "../plan/plan-cut";
import { planProviders } from "../providers/select";
import type { MixSpec } from "../plan/specs";
import { getRuntime } from "../runtime";

export interface GcResult {
  kept: number;
  removed: number;
  bytesFreed: number;
}

async function readMixSpec(key: string): Promise<MixSpec | null> {
  try {
    return JSON.parse(await fs.readFile(path.join(assetDir(key), "spec.json"), "utf8")) as MixSpec;
  } catch {
    return null;
  }
}

async function readSceneKeys(filmKey: string, list: "audio-scenes.json" | "video-scenes.json"): Promise<string[]> {
  try {
    const keys = JSON.parse(await fs.readFile(path.join(assetDir(filmKey), list), "utf8")) as unknown;
    return Array.isArray(keys) ? keys.filter((k): k is string => typeof k === "string" && /^[0-9a-f]{64}$/.test(k)) : [];
  } catch {
    return [];
  }
}

async function folderBytes(dir: string): Promise<number> {
  let total = 0;
  for (const name of await fs.readdir(dir).catch(() => [] as string[])) {
    const st = await fs.stat(path.join(dir, name)).catch(() => undefined);
    if (st?.isFile()) total += st.size;
  }
  return total;
}

export async function collectGarbage(options: { graceMs?: number } = {}): Promise<GcResult> {
  const rt = await getRuntime();
  const graceMs = options.graceMs ?? 10 * 60 * 1000;
  const used = new Set<string>();
  const { speech } = planProviders();
  for (const cut of await listAllCutsForGc({ db: rt.db })) {
    for (const v of planVoices(cut.screenplay, speech)) used.add(v.key);
    if (cut.filmKey) {
      used.add(cut.filmKey);
      // The scenes' audio and video the film was joined from: the next cut's stitch copies what did not change.
      for (const key of await readSceneKeys(cut.filmKey, "audio-scenes.json")) used.add(key);
      for (const key of await readSceneKeys(cut.filmKey, "video-scenes.json")) used.add(key);
    }
  }
  for (const row of await listAllTakeKeys({ db: rt.db })) used.add(row.renderKey);
  for (const row of await listAllShotKeys({ db: rt.db })) {
    if (row.renderKey) used.add(row.renderKey);
    if (!row.mixKey) continue;
    used.add(row.mixKey);
    const mix = await readMixSpec(row.mixKey);
    if (mix) {
      used.add(mix.videoKey);
      if (mix.bed.key) used.add(mix.bed.key);
      for (const line of mix.lines) used.add(line.speechKey);
    }
  }

  const root = assetsRoot();
  const removed: string[] = [];
  let kept = 0;
  let bytesFreed = 0;
  const now = Date.now();
  for (const prefix of await fs.readdir(root).catch(() => [] as string[])) {
    if (!/^[0-9a-f]{2}$/.test(prefix)) continue;
    for (const key of await fs.readdir(path.join(root, prefix)).catch(() => [] as string[])) {
      if (!/^[0-9a-f]{64}$/.test(key)) continue;
      if (used.has(key)) {
        kept++;
        continue;
      }
      const dir = path.join(root, prefix, key);
      const st = await fs.stat(dir).catch(() => undefined);
      if (!st || now - st.mtimeMs < graceMs) {
        kept++;
        continue;
      }
      bytesFreed += await folderBytes(dir);
      await fs.rm(dir, { recursive: true, force: true });
      removed.push(key);
    }
  }
  await deleteAssetsByKeys({ db: rt.db, keys: removed });
  return { kept, removed: removed.length, bytesFreed };
}

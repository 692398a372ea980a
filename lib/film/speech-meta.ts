/** Speech measurements by key, read from the asset store; they never change for a key, so they are kept in memory. */
import { hasAsset, readAssetMeta } from "../assets/store";
import type { SpeechMeta } from "../plan/specs";

const speechCache = new Map<string, SpeechMeta>();

export async function speechMeta(key: string): Promise<SpeechMeta | undefined> {
  const cached = speechCache.get(key);
  if (cached && hasAsset(key)) return cached;
  if (!hasAsset(key)) return undefined;
  const meta = await readAssetMeta<SpeechMeta>(key);
  if (speechCache.size > 50_000) speechCache.clear();
  speechCache.set(key, meta);
  return meta;
}

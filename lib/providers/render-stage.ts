/**
 * The render-shot stage's provider path (called from workers/stages.ts): finds the spec's provider,
 * the characters' references and the scene chain's first frame, and renders through it.
 * The built-in animatic (and every placeholder card) keeps the offline path.
 */
import { existsSync } from "node:fs";
import { AuteurError } from "../errors";
import { assetFile, hasAsset } from "../assets/store";
import { BUILT_IN_PROVIDERS } from "../plan/providers";
import type { ShotSpec } from "../plan/specs";
import { referencesFor } from "./image/reference-sheet";
import { renderShotWithProvider, type ProviderShotMeta } from "./render-shot-with-provider";
import { configuredContinuity, configuredImageSource, videoRendererFor } from "./select";

/** The last frame kept in a render asset, for the next shot of a scene chain. */
export const LAST_FRAME_FILE = "last.png";

/** True when the spec is rendered by a provider rather than the built-in animatic. */
export function usesVideoProvider(spec: ShotSpec): boolean {
  return !spec.placeholder && spec.provider.name !== BUILT_IN_PROVIDERS.video.name;
}

/** The first frame of a chained shot: the previous shot's last frame (none when that shot is a placeholder). */
export function chainFirstFrame(spec: ShotSpec): string | undefined {
  if (!spec.continuesFrom) return undefined;
  const file = assetFile(spec.continuesFrom, LAST_FRAME_FILE);
  if (existsSync(file)) return file;
  if (hasAsset(spec.continuesFrom)) return undefined;
  throw new AuteurError("conflict", `Shot ${spec.shotId} continues from a shot that is not rendered yet; it will be retried.`);
}

export async function renderShotThroughProvider(spec: ShotSpec, dir: string, signal?: AbortSignal): Promise<ProviderShotMeta> {
  const renderer = videoRendererFor(spec.provider);
  const continuity = configuredContinuity();
  const needRefs = renderer.accepts.referenceImages || !!continuity;
  const references = needRefs ? await referencesFor(spec.characters, { image: configuredImageSource(), signal }) : {};
  return renderShotWithProvider(spec, dir, {
    renderer,
    references,
    firstFrame: chainFirstFrame(spec),
    continuity: continuity ? { policy: continuity.policy, embedder: await continuity.embedder } : undefined,
    signal,
  });
}

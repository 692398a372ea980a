/**
 * What each stage does with its spec: the media work, done inside an asset's temporary folder.
 * Inputs are other assets, found by their content keys. Runs in a CPU child process (see cpu-pool).
 */
import { assetDir, assetFile, POSTER_FILE, produceAsset, readAssetMeta } from "../lib/assets/store";
import type { MixMeta, StageSpec } from "../lib/plan/specs";
import { renderFilmAudioChunk } from "../lib/sound/film-audio";
import { renderShot } from "../lib/render/render-shot";
import { speakLine } from "../lib/speech/speak-line";
import { mixShot } from "../lib/sound/mix-shot";
import { scoreScene } from "../lib/sound/score-scene";
import { stitchCut } from "../lib/stitch/stitch-cut";
import { joinSceneVideo, SCENE_VIDEO_FILE } from "../lib/stitch/scene-video";
import fs from "node:fs/promises";
import path from "node:path";
import { existsSync } from "node:fs";
// Hosted and self-hosted generators (lib/providers): a neural provider's render path and its clip's sound.
import { PROVIDER_AUDIO_FILE } from "../lib/providers/conform";
import { renderShotThroughProvider, usesVideoProvider } from "../lib/providers/render-stage";
import { speechModelFor } from "../lib/providers/select";
import { speakLineWithModel } from "../lib/providers/speech/speak-line-with-model";
import { BUILT_IN_PROVIDERS } from "../lib/plan/providers";

export interface StageResult {
  meta: Record<string, unknown>;
  /** False when the asset already existed (nothing was made). */
  made: boolean;
  ms: number;
}

export async function runStage(spec: StageSpec, signal?: AbortSignal): Promise<StageResult> {
  const started = performance.now();
  const { meta, made } = await produceAsset<Record<string, unknown>>(spec.key, async (dir) => {
    // Each asset keeps the spec it was made from: provenance, and what garbage collection follows.
    await fs.writeFile(path.join(dir, "spec.json"), JSON.stringify(spec));
    switch (spec.stage) {
      case "speak-line":
        if (spec.provider.name !== BUILT_IN_PROVIDERS.speech.name) return { ...(await speakLineWithModel(spec, dir, speechModelFor(spec.provider), { signal })) };
        return { ...(await speakLine(spec, dir)) };
      case "render-shot": {
        if (usesVideoProvider(spec)) return { ...(await renderShotThroughProvider(spec, dir, signal)) };
        // The poster is the middle frame, written from the frame drawn for the video.
        const result = await renderShot(spec, path.join(dir, "video.mp4"), { signal, posterFile: path.join(dir, POSTER_FILE) });
        return { frames: result.frames, drawMs: result.drawMs, totalMs: result.totalMs };
      }
      case "score-scene":
        return { ...(await scoreScene(spec, dir)) };
      case "mix-shot": {
        const speechFiles: Record<string, string> = {};
        for (const line of spec.lines) speechFiles[line.speechKey] = assetFile(line.speechKey, "speech.wav");
        return {
          ...(await mixShot(spec, dir, {
            videoFile: assetFile(spec.videoKey, "video.mp4"),
            speechFiles,
            bedFile: spec.bed.key ? assetFile(spec.bed.key, "bed.wav") : "",
            providerAudioFile: providerAudioOf(spec.videoKey),
          })),
        };
      }
      case "stitch-cut": {
        const mixMetas = await Promise.all(spec.segments.map((s) => readAssetMeta<MixMeta>(s.mixKey)));
        return {
          ...(await stitchCut(spec, dir, {
            mixMetas,
            audioChunk: async (chunk) => {
              const made = await produceAsset(chunk.key, async (chunkDir) => {
                await fs.writeFile(path.join(chunkDir, "spec.json"), JSON.stringify(chunk));
                return { ...(await renderFilmAudioChunk(chunk, chunkDir, (mixKey) => assetFile(mixKey, "stems.wav"))) };
              });
              return { dir: assetDir(chunk.key), made: made.made, meta: made.meta };
            },
            sceneVideo: async (scene) => {
              const made = await produceAsset(scene.key, async (sceneDir) => {
                await fs.writeFile(path.join(sceneDir, "spec.json"), JSON.stringify(scene));
                return { ...(await joinSceneVideo(scene, sceneDir, (mixKey) => assetFile(mixKey, "segment.mp4"))) };
              });
              return { file: assetFile(scene.key, SCENE_VIDEO_FILE), made: made.made };
            },
          })),
        };
      }
    }
  });
  return { meta, made, ms: Math.round(performance.now() - started) };
}

/** A provider clip's own sound, kept beside its video (lib/providers/conform), if it had any. */
function providerAudioOf(videoKey: string): string | undefined {
  const file = assetFile(videoKey, PROVIDER_AUDIO_FILE);
  return existsSync(file) ? file : undefined;
}

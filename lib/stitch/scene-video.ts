/**
 * scene-video: one scene's segments joined into one video-only mp4 by stream copy, made inside the
 * stitch and kept as a cached asset (as the scenes' audio is). ffmpeg's concat demuxer decodes the
 * first H.264 frames of every file it opens to learn the stream (a few milliseconds each), so a film
 * of hundreds of shots paid that for every shot on every stitch. Joined a scene at a time, a stitch
 * opens one file per scene and re-joins only the scenes whose segments changed. The scenes hold the
 * picture alone, so the film's picture starts at zero: the concat demuxer starts each file at its
 * earliest stream, which in a segment is its AAC's priming frame (the picture would start 21 ms late).
 */
import fs from "node:fs/promises";
import path from "node:path";
import { runFfmpeg } from "../media/ffmpeg";
import { sceneStarts } from "../plan/film-audio-plan";
import { contentKey } from "../plan/keys";
import type { ProviderRef, StitchSpec } from "../plan/specs";

export interface SceneVideoSpec {
  stage: "scene-video";
  key: string;
  /** The scene's segments in order: the mix asset that holds each, and its frames. */
  segments: { mixKey: string; frames: number }[];
  fps: number;
  provider: ProviderRef;
}

export interface SceneVideoMeta {
  frames: number;
  bytes: number;
}

export const SCENE_VIDEO_FILE = "video.mp4";

/**
 * The concat demuxer's list: one `file '<path>'` per input, quotes escaped, each with its exact
 * picture duration, so a segment whose audio runs a few samples longer does not push the next one.
 */
export function buildConcatList(items: { file: string; durationSec: number }[]): string {
  return items.map((s) => `file '${s.file.replace(/'/g, "'\\''")}'\nduration ${s.durationSec.toFixed(6)}`).join("\n") + "\n";
}

/** One spec per scene (pure), on the same scene boundaries as the film's audio; keyed on the segments it joins. */
export function planSceneVideos(spec: StitchSpec): SceneVideoSpec[] {
  // Segment starts on the audio's axis (frames are whole samples: 2000 a frame at 24 fps and 48 kHz).
  const starts: number[] = [];
  let at = 0;
  for (const s of spec.segments) {
    starts.push(at);
    at += Math.round((s.frames * spec.sampleRate) / spec.fps);
  }
  const firsts = sceneStarts(spec, starts, spec.sampleRate);
  return firsts.map((first, i) => {
    const segments = spec.segments.slice(first, firsts[i + 1] ?? spec.segments.length).map((s) => ({ mixKey: s.mixKey, frames: s.frames }));
    const inputs = { segments, fps: spec.fps };
    return { stage: "scene-video", ...inputs, provider: spec.provider, key: contentKey("scene-video", inputs, spec.provider) };
  });
}

export function sceneVideoFrames(spec: SceneVideoSpec): number {
  return spec.segments.reduce((n, s) => n + s.frames, 0);
}

/** Join the scene's segments' video (the picture only) into `dir/video.mp4`. `fileOf` gives a segment's file from its mix key. */
export async function joinSceneVideo(spec: SceneVideoSpec, dir: string, fileOf: (mixKey: string) => string): Promise<SceneVideoMeta> {
  const listFile = path.join(dir, "segments.txt");
  await fs.writeFile(listFile, buildConcatList(spec.segments.map((s) => ({ file: fileOf(s.mixKey), durationSec: s.frames / spec.fps }))));
  const outFile = path.join(dir, SCENE_VIDEO_FILE);
  // No faststart: only the stitch reads it, and it seeks to the index wherever it is.
  await runFfmpeg(["-f", "concat", "-safe", "0", "-i", listFile, "-map", "0:v:0", "-c:v", "copy", "-map_metadata", "-1", "-map_chapters", "-1", "-fflags", "+bitexact", "-flags:v", "+bitexact", "-f", "mp4", outFile]);
  await fs.rm(listFile);
  return { frames: sceneVideoFrames(spec), bytes: (await fs.stat(outFile)).size };
}

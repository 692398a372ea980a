/**
 * stitch-cut: joins the cut's segments into film.mp4. The video is a stream copy of the segments (no
 * re-encode); the audio is one continuous AAC track made from the shots' stems, normalised to the
 * film's loudness, a stretch of a scene at a time (lib/plan/film-audio-plan): each stretch is a cached
 * asset keyed on its sound, so a new cut encodes only the scenes whose sound changed (and the few frames
 * of their neighbours that run into them) and copies the rest.
 * Chapters come from the scenes and a subtitle track from the lines. Also writes film.vtt / film.srt.
 * The picture is joined the same way: each scene's segments into one cached video (./scene-video), so
 * a new cut opens one file per scene, not one per shot, and re-joins only the scenes that changed.
 * The dialogue, music and effects stems are joined from the same scene stretches when first asked for
 * (lib/film/stems.ts): hundreds of megabytes for a long film, not rewritten by every cut.
 */
import fs from "node:fs/promises";
import path from "node:path";
import { runFfmpeg } from "../media/ffmpeg";
import { probe } from "../media/probe";
import { AAC_FRAME, planFilmAudio } from "../plan/film-audio-plan";
import type { Chapter, FilmAudioSpec, MixMeta, StitchSpec } from "../plan/specs";
import { toAss, toSrt, toWebVtt } from "../plan/subtitles";
import { joinAacTrack, type FilmAudioChunkMeta } from "../sound/film-audio";
import { buildConcatList, planSceneVideos, sceneVideoFrames, type SceneVideoSpec } from "./scene-video";

/** ffmetadata needs '=', ';', '#', '\' and newlines escaped. */
export function escapeFfmetadata(value: string): string {
  return value.replace(/[\\=;#\n]/g, (c) => (c === "\n" ? "\\\n" : `\\${c}`)).replace(/[\u0000-\u001f]/g, " ");
}

export function buildChaptersMetadata(title: string, chapters: Chapter[]): string {
  const lines = [";FFMETADATA1", `title=${escapeFfmetadata(title)}`, "comment=Made with Auteur (AI-generated)"];
  for (const c of chapters) {
    lines.push("[CHAPTER]", "TIMEBASE=1/1000", `START=${Math.round(c.startSec * 1000)}`, `END=${Math.round(c.endSec * 1000)}`, `title=${escapeFfmetadata(c.title)}`);
  }
  return `${lines.join("\n")}\n`;
}

/**
 * Room for the film's index (moov) at the front, so the muxer writes it there at the end instead of
 * moving the whole file down to make room (+faststart, a second pass over hundreds of megabytes).
 * Measured on a 20-minute film: 780 KB for 28,928 video and 56,501 audio frames, 401 subtitle samples and
 * 27 chapters (about 9 bytes a sample); this allows 16 a video frame, 8 an audio frame, 32 a subtitle or
 * chapter sample, plus 64 KiB. What is left over becomes a `free` atom.
 */
export function reservedMoovBytes(counts: { videoFrames: number; audioFrames: number; subtitles: number; chapters: number }): number {
  return 16 * counts.videoFrames + 8 * counts.audioFrames + 32 * (2 * counts.subtitles + counts.chapters) + 65536;
}

/** ffmpeg's words when the reservation was too small; the stitch then falls back to +faststart. */
export const MOOV_TOO_SMALL = /reserved_moov_size is too small/;

/**
 * The film: the scenes' video and the film's AAC track, both stream-copied; the AAC starts with the
 * encoder's priming frame, which an edit list skips (the track is given a start one frame early).
 * The index goes at the front: into `moovBytes` reserved for it, or (without) by ffmpeg's faststart pass.
 */
export function buildStitchArgs(opts: { listFile: string; audioFile: string; srtFile: string; metadataFile: string; outFile: string; hasSubtitles: boolean; sampleRate: number; moovBytes?: number }): string[] {
  const priming = (AAC_FRAME / opts.sampleRate).toFixed(9);
  const args = ["-hide_banner", "-nostdin", "-y", "-f", "concat", "-safe", "0", "-i", opts.listFile, "-itsoffset", `-${priming}`, "-f", "aac", "-i", opts.audioFile];
  if (opts.hasSubtitles) args.push("-i", opts.srtFile);
  const meta = opts.hasSubtitles ? 3 : 2;
  args.push("-i", opts.metadataFile, "-map", "0:v:0", "-map", "1:a:0");
  if (opts.hasSubtitles) args.push("-map", "2:s:0");
  args.push("-map_metadata", String(meta), "-map_chapters", String(meta), "-c:v", "copy", "-c:a", "copy");
  if (opts.hasSubtitles) args.push("-c:s", "mov_text", "-metadata:s:s:0", "language=eng");
  args.push("-metadata:s:a:0", "language=eng", "-fflags", "+bitexact", "-flags:a", "+bitexact");
  args.push(...(opts.moovBytes !== undefined ? ["-moov_size", String(opts.moovBytes)] : ["-movflags", "+faststart"]), opts.outFile);
  return args;
}

/**
 * Run the film's mux with `moovBytes` reserved for the index; if that was too small, again with the
 * faststart pass. (ffmpeg 4.1 reports the failed trailer but still exits 0, so its log is read too.)
 */
export async function muxFilm(opts: Omit<Parameters<typeof buildStitchArgs>[0], "moovBytes">, moovBytes: number): Promise<void> {
  let log: string;
  try {
    log = await runFfmpeg(buildStitchArgs({ ...opts, moovBytes }));
  } catch (err) {
    if (!(err instanceof Error && MOOV_TOO_SMALL.test(err.message))) throw err;
    log = err.message;
  }
  if (MOOV_TOO_SMALL.test(log)) await runFfmpeg(buildStitchArgs(opts));
}

const AUDIO_CHUNKS_AT_ONCE = 2;

/** `fn` over `items`, at most `limit` at once; the results in the items' order. */
export async function mapInOrder<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return out;
}

export interface StitchMeta {
  durationSec: number;
  bytes: number;
  integratedLufs: number;
  truePeakDbtp: number;
  gainDb: number;
  shots: number;
  /** Stretches of the scenes' audio (three a scene) made for this film, and those an earlier film had made. */
  audioScenesMade: number;
  audioScenesReused: number;
  /** Scenes whose joined video was made for this film, and scenes whose video an earlier film had joined. */
  videoScenesMade: number;
  videoScenesReused: number;
  /** Where the stitch's time went (ms): the scenes' audio and video (made side by side), the film's mux, the rest. */
  phasesMs: { scenes: number; mux: number; other: number };
}

export interface StitchInputs {
  /** What each segment's mix reported (stems hash, loudness blocks, true peak). */
  mixMetas: MixMeta[];
  /** Make (or find) a scene's audio stretch; returns its folder and whether it was made now. */
  audioChunk: (spec: FilmAudioSpec) => Promise<{ dir: string; made: boolean; meta: FilmAudioChunkMeta }>;
  /** Make (or find) a scene's joined video (./scene-video); returns its file and whether it was made now. */
  sceneVideo: (spec: SceneVideoSpec) => Promise<{ file: string; made: boolean }>;
}

export async function stitchCut(spec: StitchSpec, dir: string, inputs: StitchInputs): Promise<StitchMeta> {
  const work = path.join(dir, "work");
  await fs.mkdir(work);
  const t0 = performance.now();
  try {
    const plan = planFilmAudio(spec, inputs.mixMetas);
    const scenes = planSceneVideos(spec);
    // Two scenes' audio at a time: each is JavaScript (gain, limiter, true peak) feeding an ffmpeg
    // encoder, so two keep both cores busy when a cut changed several scenes. The scenes' video joins
    // are stream copies (mostly waiting on the disk), one at a time beside them.
    const [chunks, videos] = await Promise.all([mapInOrder(plan.chunks, AUDIO_CHUNKS_AT_ONCE, inputs.audioChunk), mapInOrder(scenes, 1, inputs.sceneVideo)]);
    const tScenes = performance.now();
    const audioFile = path.join(work, "film.aac");
    await joinAacTrack(chunks.map((c) => c.dir), audioFile);
    const listFile = path.join(work, "scenes.txt");
    await fs.writeFile(listFile, buildConcatList(videos.map((v, i) => ({ file: v.file, durationSec: sceneVideoFrames(scenes[i]!) / spec.fps }))));
    await fs.writeFile(path.join(dir, "film.srt"), toSrt(spec.subtitles));
    await fs.writeFile(path.join(dir, "film.vtt"), toWebVtt(spec.subtitles));
    // The mp4's track is made from ASS, whose decoder keeps the text as it is (see toAss).
    const srtFile = path.join(work, "film.ass");
    await fs.writeFile(srtFile, toAss(spec.subtitles));
    const metadataFile = path.join(work, "chapters.txt");
    await fs.writeFile(metadataFile, buildChaptersMetadata(spec.title, spec.chapters));
    const outFile = path.join(dir, "film.mp4");
    const videoFrames = spec.segments.reduce((n, s) => n + s.frames, 0);
    const moovBytes = reservedMoovBytes({ videoFrames, audioFrames: plan.aacFrames, subtitles: spec.subtitles.length, chapters: spec.chapters.length });
    const tMux = performance.now();
    await muxFilm({ listFile, audioFile, srtFile, metadataFile, outFile, hasSubtitles: spec.subtitles.length > 0, sampleRate: spec.sampleRate }, moovBytes);
    const muxMs = performance.now() - tMux;
    // Which scenes' audio and video this film was joined from (kept with the film: garbage collection
    // follows them, and the stems are joined from the audio on request).
    await fs.writeFile(path.join(dir, "audio-scenes.json"), JSON.stringify(plan.chunks.map((c) => c.key)));
    await fs.writeFile(path.join(dir, "video-scenes.json"), JSON.stringify(scenes.map((c) => c.key)));
    const info = await probe(outFile);
    const stat = await fs.stat(outFile);
    const round = (x: number) => (Number.isFinite(x) ? Math.round(x * 100) / 100 : x);
    return {
      durationSec: Number(info.format.duration ?? 0),
      bytes: stat.size,
      integratedLufs: round(plan.measuredLufs + plan.gainDb),
      truePeakDbtp: Math.max(...chunks.map((c) => c.meta.truePeakDbtp)),
      gainDb: plan.gainDb,
      shots: spec.segments.length,
      audioScenesMade: chunks.filter((c) => c.made).length,
      audioScenesReused: chunks.filter((c) => !c.made).length,
      videoScenesMade: videos.filter((v) => v.made).length,
      videoScenesReused: videos.filter((v) => !v.made).length,
      phasesMs: { scenes: Math.round(tScenes - t0), mux: Math.round(muxMs), other: Math.round(performance.now() - t0 - (tScenes - t0) - muxMs) },
    };
  } finally {
    await fs.rm(work, { recursive: true, force: true });
  }
}

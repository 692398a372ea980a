/**
 * stitch-cut: joins the cut's segments into film.mp4. The video is a stream copy of the segments (no
 * re-encode); the audio is one continuous track made from the shots' stems (so there are no gaps or
 * clicks at joins) normalised to the film's loudness; chapters come from the scenes and a subtitle
 * track from the lines. Also writes film.vtt / film.srt and the dialogue, music and effects stems.
 */
import fs from "node:fs/promises";
import path from "node:path";
import { runFfmpeg } from "../media/ffmpeg";
import { probe } from "../media/probe";
import type { Chapter, StitchSpec } from "../plan/specs";
import { toAss, toSrt, toWebVtt } from "../plan/subtitles";
import { buildFilmAudio } from "../sound/film-audio";

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
 * The concat demuxer's list: one `file '<path>'` per segment, quotes escaped, each with its exact
 * picture duration, so a segment whose audio runs a few samples longer does not push the next one.
 */
export function buildConcatList(segments: { file: string; durationSec: number }[]): string {
  return segments.map((s) => `file '${s.file.replace(/'/g, "'\\''")}'\nduration ${s.durationSec.toFixed(6)}`).join("\n") + "\n";
}

export function buildStitchArgs(opts: { listFile: string; audioFile: string; srtFile: string; metadataFile: string; outFile: string; hasSubtitles: boolean }): string[] {
  const args = ["-f", "concat", "-safe", "0", "-i", opts.listFile, "-i", opts.audioFile];
  if (opts.hasSubtitles) args.push("-i", opts.srtFile);
  const meta = opts.hasSubtitles ? 3 : 2;
  args.push("-i", opts.metadataFile, "-map", "0:v:0", "-map", "1:a:0");
  if (opts.hasSubtitles) args.push("-map", "2:s:0");
  args.push(
    "-map_metadata",
    String(meta),
    "-map_chapters",
    String(meta),
    "-c:v",
    "copy",
    "-c:a",
    "aac",
    "-b:a",
    "160k",
    "-ar",
    "48000",
    "-ac",
    "2",
  );
  if (opts.hasSubtitles) args.push("-c:s", "mov_text", "-metadata:s:s:0", "language=eng");
  args.push("-metadata:s:a:0", "language=eng", "-fflags", "+bitexact", "-flags:a", "+bitexact", "-movflags", "+faststart", opts.outFile);
  return args;
}

export interface StitchMeta {
  durationSec: number;
  bytes: number;
  integratedLufs: number;
  truePeakDbtp: number;
  shots: number;
}

export async function stitchCut(spec: StitchSpec, dir: string, inputs: { stemsFiles: string[]; segmentFiles: string[] }): Promise<StitchMeta> {
  const work = path.join(dir, "work");
  await fs.mkdir(work);
  try {
    const audio = await buildFilmAudio(inputs.stemsFiles, work, spec.loudness);
    for (const [name, file] of Object.entries(audio.stemFiles)) await fs.rename(file, path.join(dir, `${name}.wav`));
    const listFile = path.join(work, "segments.txt");
    await fs.writeFile(listFile, buildConcatList(inputs.segmentFiles.map((file, i) => ({ file, durationSec: spec.segments[i]!.frames / spec.fps }))));
    await fs.writeFile(path.join(dir, "film.srt"), toSrt(spec.subtitles));
    await fs.writeFile(path.join(dir, "film.vtt"), toWebVtt(spec.subtitles));
    // The mp4's track is made from ASS, whose decoder keeps the text as it is (see toAss).
    const srtFile = path.join(work, "film.ass");
    await fs.writeFile(srtFile, toAss(spec.subtitles));
    const metadataFile = path.join(work, "chapters.txt");
    await fs.writeFile(metadataFile, buildChaptersMetadata(spec.title, spec.chapters));
    const outFile = path.join(dir, "film.mp4");
    await runFfmpeg(buildStitchArgs({ listFile, audioFile: audio.mixFile, srtFile, metadataFile, outFile, hasSubtitles: spec.subtitles.length > 0 }));
    const info = await probe(outFile);
    const stat = await fs.stat(outFile);
    return {
      durationSec: Number(info.format.duration ?? 0),
      bytes: stat.size,
      integratedLufs: audio.integratedLufs,
      truePeakDbtp: audio.truePeakDbtp,
      shots: spec.segments.length,
    };
  } finally {
    await fs.rm(work, { recursive: true, force: true });
  }
}

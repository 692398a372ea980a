/**
 * conform: a provider's clip -> the segment format. The clip is probed first (anything that is not a
 * moving picture is refused with a clear error), then scaled, re-timed to 24 fps and trimmed or held to
 * exactly the shot's frames, and encoded with the segment parameters, so the film still joins by stream
 * copy. Its sound, if any, is kept beside it as `provider-audio.wav` for mix-shot to lay under the score.
 */
import path from "node:path";
import { AuteurError } from "../errors";
import { runFfmpeg } from "../media/ffmpeg";
import { probe, type ProbeResult } from "../media/probe";
import { conformArgs } from "./conform-args";

/** The name of the clip's own sound, in the same folder as the conformed video. */
export const PROVIDER_AUDIO_FILE = "provider-audio.wav";

export interface ConformResult {
  frames: number;
  source: { width: number; height: number; fps: number; seconds: number; codec: string; hasAudio: boolean };
  /** Frames that were added by holding the last frame (0 when the clip was long enough). */
  heldFrames: number;
  audioFile?: string;
}

const STILL_FORMATS = /^(image2|png_pipe|jpeg_pipe|webp_pipe|bmp_pipe|tiff_pipe|gif_pipe_still|svg_pipe|mjpeg)$/;

function rate(r: string | undefined): number {
  if (!r) return 0;
  const [a, b] = r.split("/").map(Number);
  return b ? a! / b : Number(a) || 0;
}

export async function conformClip(input: string, spec: { frames: number; shotId?: string }, outFile: string, options: { signal?: AbortSignal; preset?: string } = {}): Promise<ConformResult> {
  const what = spec.shotId ? `shot ${spec.shotId}` : "the shot";
  let info: ProbeResult;
  try {
    info = await probe(input);
  } catch (cause) {
    throw new AuteurError("provider_failed", `The provider's clip for ${what} is not a video ffmpeg can read.`, { cause });
  }
  const video = info.streams.find((s) => s.codec_type === "video" && s.width && s.height);
  const stillFormat = info.format.format_name.split(",").some((f) => STILL_FORMATS.test(f));
  if (!video || stillFormat)
    throw new AuteurError("provider_failed", `The provider's clip for ${what} is not a video (${video ? `a still ${video.codec_name} image` : `no picture in a ${info.format.format_name} file`}).`);
  const seconds = Number(info.format.duration ?? video.duration ?? 0);
  const fps = rate(video.avg_frame_rate) || rate(video.r_frame_rate);
  const hasAudio = info.streams.some((s) => s.codec_type === "audio");
  const audioFile = hasAudio ? path.join(path.dirname(outFile), PROVIDER_AUDIO_FILE) : undefined;
  await runFfmpeg(conformArgs({ input, outFile, audioFile, frames: spec.frames, source: { width: video.width!, height: video.height! }, preset: options.preset }), { signal: options.signal });
  const sourceFrames = Math.round(seconds * 24);
  return {
    frames: spec.frames,
    source: { width: video.width!, height: video.height!, fps: Math.round(fps * 1000) / 1000, seconds: Math.round(seconds * 1000) / 1000, codec: video.codec_name, hasAudio },
    heldFrames: Math.max(0, spec.frames - sourceFrames),
    ...(audioFile ? { audioFile } : {}),
  };
}

/** One frame of a video as PNG (0-based index; clamped by ffmpeg to what exists). */
export async function extractFrame(video: string, frame: number, outFile: string, options: { signal?: AbortSignal } = {}): Promise<void> {
  // PNG, or JPEG (a poster) when the file is .jpg
  const codec = /\.jpe?g$/i.test(outFile) ? ["-c:v", "mjpeg", "-q:v", "3"] : ["-c:v", "png"];
  await runFfmpeg(
    ["-loglevel", "error", "-i", video, "-vf", `select=eq(n\\,${Math.max(0, Math.floor(frame))})`, "-frames:v", "1", "-fflags", "+bitexact", "-flags:v", "+bitexact", "-f", "image2", ...codec, outFile],
    options,
  );
}

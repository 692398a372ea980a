/**
 * ffmpeg arguments that conform any provider clip to the segment format: FILM_FORMAT size (cover-crop
 * when the aspect is close, letterbox/pillarbox when it is not), 24 fps, exactly `frames` frames
 * (trimmed, or the last frame held), encoded like every other segment; and the clip's own sound, if it
 * has any, as a 48 kHz stereo wav of exactly the shot's length. Pure.
 */
import { FILM_FORMAT } from "../plan/specs";
import { videoEncodeArgs, videoFormatFilter } from "../media/video-format";

export interface ConformPlan {
  input: string;
  outFile: string;
  /** Where the clip's sound goes (absent: the clip is silent). */
  audioFile?: string;
  frames: number;
  source: { width: number; height: number };
  preset?: string;
}

/** Aspects closer than this (relative) are cropped to fill the frame; further apart, padded. */
export const CROP_TOLERANCE = 0.12;

export function conformFilter(source: { width: number; height: number }, frames: number): string {
  const { width: W, height: H, fps } = FILM_FORMAT;
  const aspect = source.width / source.height;
  const target = W / H;
  const close = Math.abs(aspect / target - 1) <= CROP_TOLERANCE;
  const fit = close
    ? `scale=${W}:${H}:force_original_aspect_ratio=increase:flags=bicubic,crop=${W}:${H}`
    : `scale=${W}:${H}:force_original_aspect_ratio=decrease:flags=bicubic,pad=${W}:${H}:(ow-iw)/2:(oh-ih)/2:color=black`;
  // fps first (drop/duplicate to 24), then hold the last frame long enough, then cut at `frames`.
  return [`fps=${fps}`, fit, "setsar=1", `tpad=stop_mode=clone:stop=${frames}`, videoFormatFilter()].join(",");
}

export function conformArgs(plan: ConformPlan): string[] {
  const seconds = plan.frames / FILM_FORMAT.fps;
  const args = [
    "-loglevel", "error",
    "-i", plan.input,
    "-map", "0:v:0",
    "-vf", conformFilter(plan.source, plan.frames),
    "-frames:v", String(plan.frames),
    ...videoEncodeArgs({ preset: plan.preset }),
    plan.outFile,
  ];
  if (plan.audioFile)
    args.push(
      "-map", "0:a:0",
      "-af", `aresample=${FILM_FORMAT.sampleRate},apad`,
      "-t", seconds.toFixed(6),
      "-ac", "2",
      "-ar", String(FILM_FORMAT.sampleRate),
      "-c:a", "pcm_s16le",
      "-map_metadata", "-1",
      "-fflags", "+bitexact",
      "-flags:a", "+bitexact",
      "-f", "wav",
      plan.audioFile,
    );
  return args;
}

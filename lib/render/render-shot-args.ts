/**
 * The ffmpeg arguments of the built-in renderer: raw frames of the shot's size on stdin -> the segment
 * format (video-format.ts) in `outFile`. Pure, so the speed bench encodes with exactly these.
 */
import { rawVideoInputArgs, videoEncodeArgs, videoFormatFilter } from "../media/video-format";
import type { ShotSpec } from "../plan/specs";

export function renderShotArgs(spec: Pick<ShotSpec, "frames" | "width" | "height">, outFile: string, options: { preset?: string } = {}): string[] {
  const size = { width: spec.width, height: spec.height };
  return [
    "-hide_banner",
    "-nostdin",
    "-y",
    "-loglevel",
    "error",
    ...rawVideoInputArgs(size),
    "-vf",
    videoFormatFilter(size),
    "-frames:v",
    String(spec.frames),
    ...videoEncodeArgs({ preset: options.preset, size }),
    outFile,
  ];
}

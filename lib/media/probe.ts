/** ffprobe a media file: streams, duration, chapters. */
import { AuteurError } from "../errors";
import { ffprobePath, startFfmpeg } from "./ffmpeg";

export interface ProbeStream {
  index: number;
  codec_type: "video" | "audio" | "subtitle" | "data";
  codec_name: string;
  profile?: string;
  width?: number;
  height?: number;
  pix_fmt?: string;
  r_frame_rate?: string;
  avg_frame_rate?: string;
  time_base?: string;
  nb_frames?: string;
  /** With `countFrames`. */
  nb_read_frames?: string;
  start_time?: string;
  duration?: string;
  sample_rate?: string;
  channels?: number;
  channel_layout?: string;
  tags?: Record<string, string>;
}

export interface ProbeResult {
  format: { format_name: string; duration?: string; size?: string; tags?: Record<string, string> };
  streams: ProbeStream[];
  chapters: { id: number; start_time: string; end_time: string; tags?: { title?: string } }[];
}

export async function probe(file: string, options: { countFrames?: boolean } = {}): Promise<ProbeResult> {
  const args = ["-v", "error", "-print_format", "json", "-show_format", "-show_streams", "-show_chapters"];
  if (options.countFrames) args.push("-count_frames");
  args.push(file);
  const out = await startFfmpeg(args, { binary: ffprobePath() }).done;
  try {
    return JSON.parse(out) as ProbeResult;
  } catch (cause) {
    throw new AuteurError("render_failed", `ffprobe gave no readable answer for ${file}`, { cause });
  }
}

export function durationOf(result: ProbeResult): number {
  return Number(result.format.duration ?? 0);
}

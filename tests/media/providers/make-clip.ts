/** Small real clips made with ffmpeg's test sources (what a provider might send back). */
import { runFfmpeg } from "../../../lib/media/ffmpeg";

export interface ClipOptions {
  width: number;
  height: number;
  fps: number;
  seconds: number;
  audio?: boolean;
  /** ffmpeg test source: testsrc (default), smptebars, or a colour "color=c=red". */
  source?: string;
  format?: "mp4" | "webm" | "mov";
}

export async function makeClip(file: string, o: ClipOptions): Promise<string> {
  const src = o.source?.startsWith("color=") ? `${o.source}:s=${o.width}x${o.height}:r=${o.fps}:d=${o.seconds}` : `${o.source ?? "testsrc"}=s=${o.width}x${o.height}:r=${o.fps}:d=${o.seconds}`;
  const args = ["-loglevel", "error", "-f", "lavfi", "-i", src];
  if (o.audio) args.push("-f", "lavfi", "-i", `sine=f=440:sample_rate=44100:d=${o.seconds}`);
  args.push("-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p");
  if (o.audio) args.push("-c:a", "aac", "-shortest");
  args.push("-f", o.format ?? "mp4", file);
  await runFfmpeg(args);
  return file;
}

/** Shared helpers for the sound media tests: ffmpeg's own loudness meter, a small test video. */
import { startFfmpeg, runFfmpeg } from "../../../lib/media/ffmpeg";
import { videoEncodeArgs } from "../../../lib/media/video-format";

/** ffmpeg's EBU R128 meter: integrated loudness (LUFS) and true peak (dBTP) of a file. */
export async function ebur128(file: string): Promise<{ integrated: number; truePeak: number }> {
  const stderr = await startFfmpeg(["-hide_banner", "-nostdin", "-i", file, "-af", "ebur128=peak=true", "-f", "null", "-"]).done;
  const summary = stderr.slice(stderr.lastIndexOf("Summary:"));
  const integrated = Number(/I:\s+(-?[\d.]+|-inf) LUFS/.exec(summary)?.[1]);
  const truePeak = Number(/True peak:\s+Peak:\s+(-?[\d.]+|-inf) dBFS/.exec(summary)?.[1]);
  return { integrated, truePeak };
}

/** A test-pattern H.264 clip of `frames` frames at 1280x720, 24 fps, in the segment format. */
export async function testVideo(file: string, frames: number): Promise<void> {
  await runFfmpeg(["-f", "lavfi", "-i", "testsrc=size=1280x720:rate=24", "-frames:v", String(frames), ...videoEncodeArgs({ preset: "ultrafast" }), file]);
}

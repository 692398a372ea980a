/**
 * ffmpeg arguments for a shot's segment: the shot's H.264 stream copied, the stereo mix (float PCM on
 * stdin) encoded as AAC, no timestamps or metadata that would make two runs differ.
 */
export const SEGMENT_AUDIO = { codec: "aac", bitrate: "160k", channels: 2 } as const;

export function segmentArgs(videoFile: string, outFile: string, sampleRate: number): string[] {
  return [
    "-hide_banner", "-nostdin", "-y",
    "-i", videoFile,
    "-f", "f32le", "-ar", String(sampleRate), "-ac", String(SEGMENT_AUDIO.channels), "-i", "pipe:0",
    "-map", "0:v:0", "-map", "1:a:0",
    "-c:v", "copy",
    "-c:a", SEGMENT_AUDIO.codec, "-b:a", SEGMENT_AUDIO.bitrate, "-ar", String(sampleRate), "-ac", String(SEGMENT_AUDIO.channels),
    "-map_metadata", "-1", "-map_chapters", "-1",
    "-fflags", "+bitexact", "-flags:a", "+bitexact", "-flags:v", "+bitexact",
    "-movflags", "+faststart",
    "-threads", "1",
    "-f", "mp4", outFile,
  ];
}

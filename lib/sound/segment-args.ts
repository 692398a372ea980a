/**
 * ffmpeg arguments for a shot's segment: the shot's H.264 stream copied, the stereo mix (float PCM on
 * stdin) encoded as AAC, no timestamps or metadata that would make two runs differ.
 */
export const SEGMENT_AUDIO = { bitrate: "160k", channels: 2 } as const;

/**
 * ffmpeg's AAC encoder with its fast coder. On a 123 s film's mix at 160 kb/s its default (the two-loop
 * search) spent 13 ms per second of audio here and the fast coder 7.3 ms; each film's audio is encoded
 * twice (the segments' previews, the film's track). The fast coder's error was lower up to 4 kHz, where
 * dialogue is (29.4 vs 26.1 dB at 250 Hz-1 kHz, 19.5 vs 16.2 dB at 1-4 kHz), and about 1 dB higher at
 * 4-12 kHz.
 */
export const AAC_ENCODER_ARGS = ["-c:a", "aac", "-aac_coder", "fast"] as const;

export function segmentArgs(videoFile: string, outFile: string, sampleRate: number): string[] {
  return [
    "-hide_banner", "-nostdin", "-y",
    "-i", videoFile,
    "-f", "f32le", "-ar", String(sampleRate), "-ac", String(SEGMENT_AUDIO.channels), "-i", "pipe:0",
    "-map", "0:v:0", "-map", "1:a:0",
    "-c:v", "copy",
    ...AAC_ENCODER_ARGS, "-b:a", SEGMENT_AUDIO.bitrate, "-ar", String(sampleRate), "-ac", String(SEGMENT_AUDIO.channels),
    "-map_metadata", "-1", "-map_chapters", "-1",
    "-fflags", "+bitexact", "-flags:a", "+bitexact", "-flags:v", "+bitexact",
    "-movflags", "+faststart",
    "-threads", "1",
    "-f", "mp4", outFile,
  ];
}

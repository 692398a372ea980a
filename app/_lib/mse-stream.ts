/**
 * Plays a growing HLS playlist through Media Source Extensions, for browsers without native HLS:
 * reads the playlist every couple of seconds and appends each new segment's fragmented-MP4 twin in
 * order, placed at its start time in the film. Browser only; returns a function that stops it.
 */
import { fragmentedUrl, parsePlaylist } from "./parse-playlist";

export const MSE_TYPE = 'video/mp4; codecs="avc1.64001f, mp4a.40.2"';

export function canUseMse(): boolean {
  return typeof MediaSource !== "undefined" && MediaSource.isTypeSupported(MSE_TYPE);
}

export function streamWithMse(video: HTMLVideoElement, playlistUrl: string, options: { pollMs?: number } = {}): () => void {
  const source = new MediaSource();
  const objectUrl = URL.createObjectURL(source);
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  video.src = objectUrl;

  const appended = (buffer: SourceBuffer, data: ArrayBuffer) =>
    new Promise<void>((resolve, reject) => {
      const done = () => {
        buffer.removeEventListener("updateend", done);
        buffer.removeEventListener("error", fail);
        resolve();
      };
      const fail = () => {
        buffer.removeEventListener("updateend", done);
        buffer.removeEventListener("error", fail);
        reject(new Error("the browser could not append a segment"));
      };
      buffer.addEventListener("updateend", done);
      buffer.addEventListener("error", fail);
      buffer.appendBuffer(data);
    });

  source.addEventListener(
    "sourceopen",
    () => {
      const buffer = source.addSourceBuffer(MSE_TYPE);
      buffer.mode = "segments";
      let next = 0;
      let start = 0;
      const step = async () => {
        if (stopped) return;
        try {
          const text = await (await fetch(playlistUrl, { cache: "no-store" })).text();
          const { segments, ended } = parsePlaylist(text, playlistUrl);
          while (!stopped && next < segments.length) {
            const data = await (await fetch(fragmentedUrl(segments[next]!.url))).arrayBuffer();
            if (stopped) return;
            buffer.timestampOffset = start;
            await appended(buffer, data);
            start += segments[next]!.duration;
            next++;
          }
          if (ended && next === segments.length) {
            if (source.readyState === "open") source.endOfStream();
            return;
          }
        } catch {
          /* a failed read is tried again on the next round */
        }
        if (!stopped) timer = setTimeout(step, options.pollMs ?? 2000);
      };
      void step();
    },
    { once: true },
  );

  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    URL.revokeObjectURL(objectUrl);
  };
}

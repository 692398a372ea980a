"use client";

import { useEffect, useRef, useState } from "react";
import type { CutView } from "../../lib/film/views";
import { filmUrl, playlistUrl, posterUrl, subtitlesUrl } from "../_lib/api-client";
import { formatDuration } from "../_lib/describe";
import { canUseMse, streamWithMse } from "../_lib/mse-stream";
import { shotAtTime } from "../_lib/shot-at-time";

const HLS = "application/vnd.apple.mpegurl";

/**
 * The finished cut plays here. While it renders, the finished prefix plays as it grows: through the
 * browser's own HLS (Safari, Chromium 14x+), else through Media Source Extensions from fragmented MP4;
 * where neither works, the latest rendered shot's poster shows behind a note until the film is done.
 */
export function Player({
  cut,
  language,
  playlist,
  onShot,
}: {
  cut: CutView;
  language: string;
  playlist?: string;
  /** Told which shot is on screen as the film plays (for the storyboard's highlight). */
  onShot?: (shotId: string | null) => void;
}) {
  const showShot = (video: HTMLVideoElement) => onShot?.(shotAtTime(cut.shots, video.currentTime));
  const [streaming, setStreaming] = useState<"hls" | "mse" | null>(null);
  // Where the stream was when the cut completed, so the film picks up at the same moment.
  const handover = useRef<{ time: number; playing: boolean } | null>(null);
  useEffect(() => {
    handover.current = null;
  }, [cut.id]);
  useEffect(() => {
    setStreaming(document.createElement("video").canPlayType(HLS) !== "" ? "hls" : canUseMse() ? "mse" : null);
  }, []);
  const mseVideo = useRef<HTMLVideoElement>(null);
  const playlistAddress = playlist ?? playlistUrl(cut.id);
  const firstMissing = cut.shots.findIndex((s) => s.status !== "done");
  const playable = firstMissing === -1 ? cut.shots.length : firstMissing;
  const viaMse = streaming === "mse" && cut.status === "rendering" && playable > 0;
  useEffect(() => {
    if (!viaMse || !mseVideo.current) return;
    return streamWithMse(mseVideo.current, playlistAddress);
  }, [viaMse, playlistAddress]);

  const film = cut.outputs?.film ?? filmUrl(cut.id);
  const vtt = cut.outputs?.vtt ?? subtitlesUrl(cut.id);
  if (cut.status === "complete") {
    const first = cut.shots.find((s) => s.status === "done");
    const poster = first ? first.posterUrl ?? posterUrl(cut.id, first.shotId) : undefined;
    return (
      <div className="screen">
        <video
          key={cut.id}
          data-testid="player"
          controls
          preload="auto"
          playsInline
          poster={poster}
          src={film}
          onTimeUpdate={(e) => showShot(e.currentTarget)}
          onSeeked={(e) => showShot(e.currentTarget)}
          onLoadedMetadata={(e) => {
            const from = handover.current;
            handover.current = null;
            if (!from || from.time <= 0) return;
            e.currentTarget.currentTime = from.time;
            if (from.playing) void e.currentTarget.play().catch(() => {});
          }}
        >
          <track kind="subtitles" src={vtt} srcLang={language} label="Subtitles" default />
        </video>
        <div className="screen-meta">
          <span>{formatDuration(cut.durationSeconds)}</span>
          <a href={film} download="film.mp4">
            Download mp4
          </a>
        </div>
      </div>
    );
  }
  const latest = [...cut.shots].reverse().find((s) => s.status === "done");
  const backdrop = latest ? latest.posterUrl ?? posterUrl(cut.id, latest.shotId) : undefined;
  if (cut.status === "rendering" && streaming && playable > 0) {
    const opening = cut.shots[0]!;
    return (
      <div className="screen">
        <video
          key={`${cut.id}-stream-${streaming}`}
          ref={mseVideo}
          data-testid="player-stream"
          data-via={streaming}
          controls
          playsInline
          poster={opening.posterUrl ?? posterUrl(cut.id, opening.shotId)}
          src={streaming === "hls" ? playlistAddress : undefined}
          onTimeUpdate={(e) => {
            handover.current = { time: e.currentTarget.currentTime, playing: !e.currentTarget.paused };
            showShot(e.currentTarget);
          }}
          onSeeked={(e) => showShot(e.currentTarget)}
        />
        <div className="screen-meta">
          <span>
            Streaming while it renders · {playable} of {cut.shots.length} shots ready
          </span>
        </div>
      </div>
    );
  }
  const words =
    cut.status === "failed"
      ? cut.error ?? "This cut failed to render."
      : cut.status === "writing"
        ? "Writing the screenplay…"
        : playable > 0
          ? `${playable} of ${cut.shots.length} shots are ready; the film plays here when all are done.`
          : `Rendering shots… the film plays here when they are done.`;
  return (
    <div className={`screen screen-waiting screen-${cut.status}`} data-testid="player-waiting">
      {backdrop ? (
        // eslint-disable-next-line @next/next/no-img-element
        <img className="screen-backdrop" src={backdrop} alt="" aria-hidden data-testid="latest-poster" />
      ) : null}
      <div className="screen-slate">
        <div className="slate-mark" aria-hidden>
          ▶
        </div>
        <p aria-live="polite">{words}</p>
      </div>
    </div>
  );
}

"use client";

import { useEffect, useState } from "react";
import type { SharedFilmView } from "../../lib/film/share";
import { ApiError, getSharedFilm } from "../_lib/api-client";
import { Player } from "./player";
import { ProgressBar } from "./progress-bar";
import { ScreenplayView } from "./screenplay-view";
import { Storyboard } from "./storyboard";

const POLL_MS = 2000;

/** The read-only page of a shared link: the film, its progress while it renders, its screenplay. */
export function SharedFilm({ token }: { token: string }) {
  const [view, setView] = useState<SharedFilmView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [playingShot, setPlayingShot] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = async () => {
      try {
        const next = await getSharedFilm(token);
        if (cancelled) return;
        setView(next);
        if (next.cut.status === "rendering" || next.cut.status === "writing") timer = setTimeout(load, POLL_MS);
      } catch (e) {
        if (!cancelled) setError(e instanceof ApiError || e instanceof Error ? e.message : String(e));
      }
    };
    void load();
    return () => {
      cancelled = true;
      if (timer) clearTimeout(timer);
    };
  }, [token]);

  if (error) {
    return (
      <main className="shared">
        <div className="error" role="alert" data-testid="error">
          <span>{error}</span>
        </div>
      </main>
    );
  }
  if (!view) {
    return (
      <main className="shared">
        <p className="muted">
          <span className="spinner" aria-hidden /> Loading the film…
        </p>
      </main>
    );
  }
  return (
    <main className="shared" data-testid="shared-film">
      <header className="shared-head">
        <div>
          <h1 data-testid="screenplay-title">{view.cut.screenplay.title}</h1>
          <p className="logline">{view.cut.screenplay.logline}</p>
        </div>
        <span className="shared-note">Shared with you · read-only · made with Auteur</span>
      </header>
      <Player cut={view.cut} language={view.cut.screenplay.language} playlist={`/api/s/${encodeURIComponent(token)}/playlist.m3u8`} onShot={setPlayingShot} />
      {view.cut.status !== "complete" ? <ProgressBar cut={view.cut} /> : null}
      <Storyboard cut={view.cut} screenplay={view.cut.screenplay} currentShotId={playingShot} />
      <ScreenplayView screenplay={view.cut.screenplay} />
    </main>
  );
}

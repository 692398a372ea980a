"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { FilmSummary, FilmView } from "../../lib/film/views";
import type { CutDiff } from "../../lib/screenplay/diff-cuts";
import type { Delivery } from "../../lib/screenplay/schema";
import type { ScreenplayDraft } from "../../lib/writer/llm/screenplay-draft";
import {
  ApiError,
  checkoutCut,
  compareCuts,
  createBranch,
  createFilmStreaming,
  deleteBranch,
  deleteFilm,
  filmEventsUrl,
  getFilm,
  uploadReference,
  listFilms,
  sendMessage,
  undoCut,
  type EditTarget,
} from "../_lib/api-client";
import { orderMessages } from "../_lib/order-messages";
import { regenerateKey, regenerateRequest } from "../_lib/regenerate";
import { ChatPanel, type PendingTarget } from "./chat-panel";
import { DraftView } from "./draft-view";
import { FilmList } from "./film-list";
import { Player } from "./player";
import { ProgressBar } from "./progress-bar";
import { ScreenplayView } from "./screenplay-view";
import { SharePanel } from "./share-panel";
import { SignOutButton } from "./sign-out-button";
import { Storyboard } from "./storyboard";
import { VersionsPanel } from "./versions-panel";

const POLL_MS = 1000;

function messageOf(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return error instanceof Error ? error.message : String(error);
}

function isActive(film: FilmView | null): boolean {
  return film !== null && (film.head.status === "writing" || film.head.status === "rendering");
}

/**
 * The whole page's state: which film, branch and cut is shown, the chat, versions, errors, and live
 * progress (server-sent events, or polling where they do not work).
 */
export function Studio({ initialFilmId, accounts = false }: { initialFilmId: string | null; accounts?: boolean }) {
  const [filmId, setFilmId] = useState<string | null>(initialFilmId);
  const [cutId, setCutId] = useState<string | null>(null);
  const [branchId, setBranchId] = useState<string | null>(null);
  const [film, setFilm] = useState<FilmView | null>(null);
  const [films, setFilms] = useState<FilmSummary[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [pending, setPending] = useState<string | null>(null);
  const [draft, setDraft] = useState<ScreenplayDraft | null>(null);
  const [target, setTarget] = useState<PendingTarget | null>(null);
  const [playingShot, setPlayingShot] = useState<string | null>(null);
  const [reload, setReload] = useState(0);
  const [live, setLive] = useState<"sse" | "polling" | "off">("off");
  const [comparing, setComparing] = useState<{ against: string; diff: CutDiff } | null>(null);
  const regenerating = useRef(new Map<string, string>());

  const refreshFilms = useCallback(() => {
    listFilms()
      .then(setFilms)
      .catch((e) => setError(messageOf(e)));
  }, []);

  useEffect(refreshFilms, [refreshFilms]);

  // Keep the address bar on the film shown, so a reload comes back to it.
  useEffect(() => {
    const url = filmId ? `?film=${encodeURIComponent(filmId)}` : window.location.pathname;
    window.history.replaceState(null, "", url);
  }, [filmId]);

  // Load the film, then follow it live: server-sent events, falling back to polling every second.
  useEffect(() => {
    if (!filmId) {
      setFilm(null);
      setLive("off");
      return;
    }
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let source: EventSource | undefined;
    let wasActive = false;
    const show = (view: FilmView) => {
      if (cancelled) return;
      setFilm(view);
      if (isActive(view)) wasActive = true;
      else if (wasActive) {
        wasActive = false;
        refreshFilms();
      }
    };
    const poll = async () => {
      try {
        const view = await getFilm(filmId, cutId, branchId);
        show(view);
        if (!cancelled && isActive(view)) timer = setTimeout(poll, POLL_MS);
      } catch (e) {
        if (cancelled) return;
        setError(messageOf(e));
        // A network blip is retried; a film that does not exist is not.
        if (e instanceof ApiError && (e.status === 0 || e.status >= 500)) timer = setTimeout(poll, POLL_MS * 3);
      }
    };
    const fallBack = () => {
      source?.close();
      source = undefined;
      if (cancelled) return;
      setLive("polling");
      void poll();
    };
    if (typeof EventSource === "undefined") fallBack();
    else {
      source = new EventSource(filmEventsUrl(filmId, cutId, branchId));
      source.addEventListener("open", () => !cancelled && setLive("sse"));
      source.addEventListener("film", (event) => show(JSON.parse((event as MessageEvent<string>).data) as FilmView));
      source.addEventListener("failure", (event) => {
        const body = JSON.parse((event as MessageEvent<string>).data) as { error?: { message?: string } };
        source?.close();
        if (!cancelled) {
          setError(body.error?.message ?? "The film could not be loaded.");
          setLive("off");
        }
      });
      // The browser retries a dropped stream by itself; a stream it gave up on falls back to polling.
      source.addEventListener("error", () => {
        if (source?.readyState === EventSource.CLOSED) fallBack();
      });
    }
    return () => {
      cancelled = true;
      source?.close();
      if (timer) clearTimeout(timer);
    };
  }, [filmId, cutId, branchId, reload, refreshFilms]);

  /** Runs a change to the film (a message, undo, a branch...), then shows the result. */
  const act = useCallback(
    async (work: () => Promise<void>): Promise<boolean> => {
      setError(null);
      setBusy(true);
      try {
        await work();
        return true;
      } catch (e) {
        setError(messageOf(e));
        return false;
      } finally {
        setBusy(false);
      }
    },
    [],
  );

  const showBranchHead = useCallback(
    async (id: string, newBranchId: string | null) => {
      setCutId(null);
      setComparing(null);
      setBranchId(newBranchId);
      setFilm(await getFilm(id, null, newBranchId));
      setReload((r) => r + 1);
    },
    [],
  );

  const send = useCallback(
    async (text: string): Promise<boolean> => {
      setPending(text.trim() || null);
      try {
        return await act(async () => {
          if (!filmId) {
            setDraft(null);
            const created = await createFilmStreaming(text, setDraft);
            const view = await getFilm(created.filmId);
            setFilm(view);
            setCutId(null);
            setBranchId(null);
            setFilmId(created.filmId);
          } else {
            // A reply that makes no new cut (a question answered) shows up in the chat history all the same.
            const result = await sendMessage(filmId, text, { target: target?.target, requestId: crypto.randomUUID(), branchId });
            setTarget(null);
            await showBranchHead(filmId, isMain(film, result.branchId) ? null : result.branchId);
          }
          refreshFilms();
        });
      } finally {
        setPending(null);
        setDraft(null);
      }
    },
    [act, filmId, target, branchId, film, refreshFilms, showBranchHead],
  );

  /** A regenerate button: one request id per button while it is in flight, so a double click makes one cut. */
  const regenerate = useCallback(
    (request: { message: string; target: EditTarget }) => {
      if (!filmId) return;
      const key = regenerateKey(request.target);
      if (regenerating.current.has(key)) return;
      const requestId = crypto.randomUUID();
      regenerating.current.set(key, requestId);
      setPending(request.message);
      void act(async () => {
        const result = await sendMessage(filmId, request.message, { target: request.target, requestId, branchId });
        await showBranchHead(filmId, isMain(film, result.branchId) ? null : result.branchId);
      }).finally(() => {
        regenerating.current.delete(key);
        setPending(null);
      });
    },
    [act, filmId, branchId, film, showBranchHead],
  );

  const uploadPicture = useCallback(
    (characterId: string, picture: File) => {
      if (!filmId) return;
      setPending(`A picture for ${film?.head.screenplay.characters.find((c) => c.id === characterId)?.name ?? characterId}`);
      void act(async () => {
        const result = await uploadReference(filmId, characterId, picture, branchId);
        await showBranchHead(filmId, isMain(film, result.branchId) ? null : result.branchId);
      }).finally(() => setPending(null));
    },
    [act, filmId, branchId, film, showBranchHead],
  );

  const selectFilm = (id: string) => {
    if (id === filmId) return;
    setError(null);
    setTarget(null);
    setCutId(null);
    setBranchId(null);
    setComparing(null);
    setFilm(null);
    setFilmId(id);
  };

  const newFilm = () => {
    setError(null);
    setTarget(null);
    setCutId(null);
    setBranchId(null);
    setComparing(null);
    setFilm(null);
    setFilmId(null);
  };

  const onTarget = (t: EditTarget, label: string) => setTarget({ target: t, label });
  const shown = film && film.id === filmId ? film : null;
  const currentBranch = shown ? (shown.branches.find((b) => b.id === branchId) ?? shown.branches.find((b) => b.name === "main")) : undefined;
  const headOfBranch = currentBranch?.headCutId ?? null;
  const shotChanges = comparing ? new Map(comparing.diff.shots.map((s) => [s.shotId, s.change])) : undefined;
  const sceneChanges = comparing ? new Map(comparing.diff.scenes.map((s) => [s.sceneId, s.change])) : undefined;

  return (
    <div className="studio" data-live={live}>
      <aside className="sidebar">
        <header className="brand">
          <span className="brand-mark" aria-hidden>
            ◉
          </span>
          <span className="brand-name">Auteur</span>
          <span className="brand-sub">studio</span>
          {accounts ? <SignOutButton /> : null}
        </header>
        <FilmList films={films} activeFilmId={filmId} onSelect={selectFilm} onNew={newFilm} />
        {error ? (
          <div className="error" role="alert" data-testid="error">
            <span>{error}</span>
            <button type="button" aria-label="Dismiss" onClick={() => setError(null)}>
              ×
            </button>
          </div>
        ) : null}
        <ChatPanel
          messages={shown ? orderMessages(shown.messages) : []}
          pendingMessage={pending}
          busy={busy}
          hasFilm={filmId !== null}
          target={target}
          onClearTarget={() => setTarget(null)}
          onSend={send}
          onShowCut={(id) => setCutId(id === headOfBranch ? null : id)}
          activeCutId={shown?.head.id ?? null}
        />
      </aside>

      <main className="stage">
        {shown ? (
          <>
            <header className="film-header">
              <div>
                <h1 data-testid="screenplay-title">{shown.head.screenplay.title}</h1>
                <p className="logline">{shown.head.screenplay.logline}</p>
              </div>
              <div className="film-actions">
                <SharePanel filmId={shown.id} cutId={shown.head.id} onError={setError} />
                <button
                  type="button"
                  className="ghost danger"
                  data-testid="delete-film"
                  disabled={busy}
                  onClick={() => {
                    if (!window.confirm(`Delete “${shown.title}” and all its cuts?`)) return;
                    void act(async () => {
                      await deleteFilm(shown.id);
                      newFilm();
                      refreshFilms();
                    });
                  }}
                >
                  Delete film
                </button>
              </div>
            </header>
            <div className="stage-top">
              <Player cut={shown.head} language={shown.head.screenplay.language} onShot={setPlayingShot} />
              <ProgressBar cut={shown.head} />
            </div>
            <VersionsPanel
              film={shown}
              branchId={currentBranch?.id ?? null}
              busy={busy}
              comparing={comparing}
              onView={(id) => {
                setComparing(null);
                setCutId(id === headOfBranch ? null : id);
              }}
              onCheckout={(id) =>
                void act(async () => {
                  const moved = await checkoutCut(shown.id, id, currentBranch?.id);
                  await showBranchHead(shown.id, isMain(shown, moved.branchId) ? null : moved.branchId);
                })
              }
              onBranch={(id) =>
                void act(async () => {
                  const made = await createBranch(shown.id, id);
                  await showBranchHead(shown.id, made.branchId);
                })
              }
              onCompare={(id) =>
                void act(async () => {
                  setComparing(id ? { against: id, diff: await compareCuts(shown.id, id, shown.head.id) } : null);
                })
              }
              onUndo={() =>
                void act(async () => {
                  const moved = await undoCut(shown.id, currentBranch?.id);
                  await showBranchHead(shown.id, isMain(shown, moved.branchId) ? null : moved.branchId);
                })
              }
              onSelectBranch={(id) => void act(() => showBranchHead(shown.id, isMain(shown, id) ? null : id))}
              onDeleteBranch={(id, name) => {
                if (!window.confirm(`Delete the branch “${name}”? Cuts other branches build on are kept.`)) return;
                void act(async () => {
                  await deleteBranch(shown.id, id);
                  await showBranchHead(shown.id, id === currentBranch?.id ? null : branchId);
                });
              }}
            />
            <Storyboard
              cut={shown.head}
              screenplay={shown.head.screenplay}
              onTarget={onTarget}
              onNewTake={(shotId) => regenerate(regenerateRequest("take", shotId))}
              changes={shotChanges}
              currentShotId={playingShot}
            />
            <ScreenplayView
              screenplay={shown.head.screenplay}
              onTarget={onTarget}
              onRegenerateScene={(sceneId) => regenerate(regenerateRequest("scene", sceneId))}
              onSayDifferently={(lineId, delivery: Delivery) => regenerate(regenerateRequest("line", lineId, delivery))}
              onUploadReference={uploadPicture}
              sceneChanges={sceneChanges}
            />
          </>
        ) : draft ? (
          <DraftView draft={draft} />
        ) : (
          <div className="stage-empty">
            {filmId && !error ? (
              <p className="muted">
                <span className="spinner" aria-hidden /> Loading the film…
              </p>
            ) : pending && !filmId ? (
              <p className="muted" data-testid="writing">
                <span className="spinner" aria-hidden /> Writing the screenplay…
              </p>
            ) : (
              <>
                <h1>Type an idea. Get a film.</h1>
                <ol className="steps">
                  <li>
                    <strong>Write</strong> — a screenplay with a cast whose look and voice stay locked.
                  </li>
                  <li>
                    <strong>Shoot</strong> — every shot rendered, voiced, with ambience and score.
                  </li>
                  <li>
                    <strong>Cut</strong> — stitched into one film you can play, then change by chatting.
                  </li>
                </ol>
              </>
            )}
          </div>
        )}
      </main>
    </div>
  );
}

/** The main branch is the default: it is kept out of the page's state (null). */
function isMain(film: FilmView | null, branchId: string): boolean {
  return !film || film.branches.find((b) => b.id === branchId)?.name === "main";
}

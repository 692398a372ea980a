import type { CutView, ShotView } from "../../lib/film/views";
import type { Change } from "../../lib/screenplay/diff-cuts";
import type { Screenplay, Shot } from "../../lib/screenplay/schema";
import { posterUrl, type EditTarget } from "../_lib/api-client";
import { formatDuration, humanize } from "../_lib/describe";

const STATUS_WORDS: Record<ShotView["status"], string> = {
  waiting: "Waiting",
  queued: "Queued",
  rendering: "Rendering",
  done: "Done",
  failed: "Failed",
};

/**
 * Every shot of the cut as a card: status, poster once rendered, framing, action and take. With a
 * comparison, changed and added shots are marked; the shot the player is showing is highlighted.
 * Without `onTarget` it is read-only (shared page).
 */
export function Storyboard({
  cut,
  screenplay,
  onTarget,
  onNewTake,
  changes,
  currentShotId,
}: {
  cut: CutView;
  screenplay: Screenplay;
  onTarget?: (target: EditTarget, label: string) => void;
  onNewTake?: (shotId: string) => void;
  changes?: ReadonlyMap<string, Change>;
  /** The shot on screen in the player now. */
  currentShotId?: string | null;
}) {
  const shots = new Map<string, { shot: Shot; sceneHeading: string }>();
  for (const act of screenplay.acts)
    for (const scene of act.scenes) for (const shot of scene.shots) shots.set(shot.id, { shot, sceneHeading: scene.heading });

  return (
    <section className="panel" aria-labelledby="storyboard-heading">
      <h2 id="storyboard-heading" className="panel-title">
        Storyboard <span className="muted">{cut.shots.length} shots</span>
      </h2>
      <ol className="storyboard">
        {cut.shots.map((view, i) => {
          const found = shots.get(view.shotId);
          const poster = view.status === "done" ? view.posterUrl ?? posterUrl(cut.id, view.shotId) : undefined;
          const number = i + 1;
          const change = changes?.get(view.shotId);
          const take = found?.shot.take ?? 1;
          const current = view.shotId === currentShotId;
          return (
            <li
              key={view.shotId}
              className={`shot-card shot-${view.status} ${change && change !== "same" ? `diff-${change}` : ""} ${current ? "shot-current" : ""}`}
              aria-current={current ? "true" : undefined}
              data-current={current ? "true" : undefined}
              data-testid="shot-card"
              data-status={view.status}
              data-shot-id={view.shotId}
              data-change={change}
            >
              <div className="shot-frame">
                {poster ? (
                  // eslint-disable-next-line @next/next/no-img-element
                  <img src={poster} alt={`Shot ${number}`} loading="lazy" />
                ) : (
                  <div className="shot-placeholder">{found ? humanize(found.shot.framing) : ""}</div>
                )}
                <span className="shot-number">{number}</span>
                {change && change !== "same" ? <span className={`diff-badge diff-badge-${change}`}>{change}</span> : null}
                <span className={`shot-status status-${view.status}`}>
                  {view.status === "rendering" ? <span className="spinner" aria-hidden /> : null}
                  {STATUS_WORDS[view.status]}
                  {view.status === "done" && view.reused ? " · reused" : ""}
                </span>
              </div>
              <div className="shot-body">
                <div className="shot-line">
                  <strong>{found ? humanize(found.shot.framing) : view.shotId}</strong>
                  <span className="muted">
                    {take > 1 ? <span className="take" data-testid="take">Take {take} · </span> : null}
                    {formatDuration(view.durationSec ?? found?.shot.duration)}
                  </span>
                </div>
                {found ? <p className="shot-action">{found.shot.action}</p> : null}
                {view.provider || view.continuity ? <ShotProvenance view={view} /> : null}
                {view.status === "failed" ? (
                  <p className="shot-error" role="alert">
                    {view.error ?? "This shot failed to render."}
                  </p>
                ) : null}
                {onTarget ? (
                  <div className="shot-actions">
                    <button type="button" className="link-button" data-testid="change-shot" onClick={() => onTarget({ kind: "shot", id: view.shotId }, `shot ${number}`)}>
                      Change this shot
                    </button>
                    {onNewTake ? (
                      <button type="button" className="link-button" data-testid="new-take" onClick={() => onNewTake(view.shotId)}>
                        New take
                      </button>
                    ) : null}
                  </div>
                ) : null}
              </div>
            </li>
          );
        })}
      </ol>
    </section>
  );
}

/** Which generator made the shot, what it cost, and how well its characters matched their references. */
function ShotProvenance({ view }: { view: ShotView }) {
  const c = view.continuity;
  return (
    <p className="shot-provenance muted" data-testid="shot-provenance">
      {view.provider ? <span>{view.provider}</span> : null}
      {view.costUsd !== undefined ? <span> · ${view.costUsd.toFixed(2)}</span> : null}
      {c ? (
        <span
          className={c.passed ? "continuity-pass" : "continuity-fail"}
          data-testid="continuity"
          title={`Likeness to the character references; shots under ${c.threshold} are retaken`}
        >
          {" "}
          · likeness {c.score.toFixed(2)} {c.passed ? "✓" : "✗"}
          {c.retakes > 0 ? ` after ${c.retakes} ${c.retakes === 1 ? "retake" : "retakes"}` : ""}
        </span>
      ) : null}
    </p>
  );
}

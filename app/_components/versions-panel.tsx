import type { FilmView } from "../../lib/film/views";
import type { CutDiff } from "../../lib/screenplay/diff-cuts";
import { cutTree } from "../_lib/cut-tree";

/**
 * The cut history as a tree: each cut under the one it was made from, branch heads labelled, the cut
 * shown marked. From here a person views any cut, makes it the branch's current cut, branches from
 * it, compares it with the cut shown, undoes the last change, or deletes a branch.
 */
export function VersionsPanel({
  film,
  branchId,
  busy,
  comparing,
  onView,
  onCheckout,
  onBranch,
  onCompare,
  onUndo,
  onSelectBranch,
  onDeleteBranch,
}: {
  film: FilmView;
  /** The branch being worked on (null: main). */
  branchId: string | null;
  busy: boolean;
  comparing: { against: string; diff: CutDiff } | null;
  onView: (cutId: string) => void;
  onCheckout: (cutId: string) => void;
  onBranch: (cutId: string) => void;
  onCompare: (cutId: string | null) => void;
  onUndo: () => void;
  onSelectBranch: (branchId: string) => void;
  onDeleteBranch: (branchId: string, name: string) => void;
}) {
  const rows = cutTree(film.cuts, film.branches, film.head.id);
  const current = film.branches.find((b) => b.id === branchId) ?? film.branches.find((b) => b.name === "main") ?? film.branches[0];
  const headCut = film.cuts.find((c) => c.id === current?.headCutId);
  return (
    <section className="panel versions" aria-labelledby="versions-heading" data-testid="versions">
      <div className="versions-head">
        <h2 id="versions-heading" className="panel-title">
          Versions <span className="muted">{film.cuts.length === 1 ? "1 cut" : `${film.cuts.length} cuts`} · branch “{current?.name ?? "main"}”</span>
        </h2>
        <button type="button" className="ghost" data-testid="undo" disabled={busy || !headCut?.parentCutId} onClick={onUndo} title="Go back to the cut before the current one">
          ↶ Undo
        </button>
      </div>
      {film.branches.length > 1 ? (
        <div className="branches" aria-label="Branches">
          {film.branches.map((b) => (
            <span key={b.id} className={`branch-chip ${b.id === current?.id ? "active" : ""}`} data-testid="branch">
              <button type="button" onClick={() => onSelectBranch(b.id)} aria-pressed={b.id === current?.id}>
                {b.name}
              </button>
              <button type="button" className="branch-delete" aria-label={`Delete branch ${b.name}`} data-testid="delete-branch" disabled={busy} onClick={() => onDeleteBranch(b.id, b.name)}>
                ×
              </button>
            </span>
          ))}
        </div>
      ) : null}
      {comparing ? (
        <div className="compare-bar" data-testid="compare-summary">
          Comparing with cut {rows.find((r) => r.id === comparing.against)?.number ?? "?"}: {comparing.diff.summary.changed} changed, {comparing.diff.summary.added} added, {comparing.diff.summary.removed} removed
          {comparing.diff.style === "changed" ? ", look changed" : ""}
          <button type="button" className="link-button" onClick={() => onCompare(null)}>
            Stop comparing
          </button>
        </div>
      ) : null}
      <ol className="cut-tree">
        {rows.map((row) => (
          <li
            key={row.id}
            className={`cut-row ${row.shown ? "shown" : ""}`}
            style={{ paddingLeft: `${8 + row.depth * 18}px` }}
            data-testid="cut-row"
            data-cut-id={row.id}
            data-shown={row.shown ? "true" : undefined}
            data-head={row.heads.length ? row.heads.map((h) => h.name).join(",") : undefined}
          >
            <button type="button" className="cut-open" onClick={() => onView(row.id)} title={row.message}>
              {row.depth > 0 ? <span className="cut-branch-line" aria-hidden>└</span> : null}
              <span className={`dot dot-${row.status}`} />
              <strong>Cut {row.number}</strong>
              <span className="cut-message">{row.message || "—"}</span>
            </button>
            {row.heads.map((h) => (
              <span key={h.id} className={`head-label ${h.id === current?.id ? "current" : ""}`} title={`Head of branch ${h.name}`}>
                {h.name}
              </span>
            ))}
            {row.shown ? <span className="shown-label">shown</span> : null}
            <span className="cut-actions">
              {current?.headCutId !== row.id ? (
                <button type="button" className="link-button" data-testid="checkout" disabled={busy} onClick={() => onCheckout(row.id)}>
                  Switch to
                </button>
              ) : null}
              <button type="button" className="link-button" data-testid="branch-from" disabled={busy} onClick={() => onBranch(row.id)}>
                Branch from here
              </button>
              {!row.shown ? (
                <button type="button" className="link-button" data-testid="compare" onClick={() => onCompare(row.id)}>
                  Compare
                </button>
              ) : null}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}

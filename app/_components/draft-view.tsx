import type { ScreenplayDraft } from "../../lib/writer/llm/screenplay-draft";
import { humanize } from "../_lib/describe";

const LEVEL_WORDS: Record<ScreenplayDraft["level"], string> = {
  premise: "Finding the premise and the cast…",
  outline: "Outlining the acts…",
  scenes: "Writing the scenes…",
  shots: "Breaking scenes into shots and lines…",
  done: "Checking the screenplay…",
};

/** The screenplay while it is written: title and cast first, then acts, scenes, shots and lines. */
export function DraftView({ draft }: { draft: ScreenplayDraft }) {
  const scenes = draft.acts.flatMap((a) => a.scenes);
  return (
    <section className="panel draft" data-testid="draft" data-level={draft.level} aria-live="polite">
      <p className="muted">
        <span className="spinner" aria-hidden /> {LEVEL_WORDS[draft.level]}
        {draft.calls.planned > 1 ? ` (${draft.calls.done} of ${draft.calls.planned})` : ""}
      </p>
      {draft.title ? <h1 data-testid="draft-title">{draft.title}</h1> : null}
      {draft.logline ? <p className="logline">{draft.logline}</p> : null}
      {draft.characters.length ? (
        <ul className="draft-cast">
          {draft.characters.map((c, i) => (
            <li key={i}>
              <strong>{c.name ?? "…"}</strong> {c.role ? <span className="muted">{humanize(c.role)}</span> : null}
              {c.description ? <span className="muted"> — {c.description}</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
      {draft.acts.map((act, a) => (
        <div key={a} className="act">
          <h3 className="section-title">
            Act {a + 1}
            {act.title ? `: ${act.title}` : ""}
          </h3>
          {act.scenes.map((scene, s) => (
            <div key={s} className="scene">
              <h4 className="draft-scene">{scene.heading ?? "…"}</h4>
              {scene.summary ? <p className="scene-summary">{scene.summary}</p> : null}
              {scene.shots.map((shot, k) => (
                <p key={k} className="shot-entry-action">
                  {shot.framing ? <span className="tag">{humanize(shot.framing)}</span> : null} {shot.action ?? ""}
                  {shot.lines.map((l, n) => (
                    <span key={n} className="dialogue">
                      <span className="speaker">{l.speaker ?? ""}</span>
                      {l.text ?? ""}
                    </span>
                  ))}
                </p>
              ))}
            </div>
          ))}
        </div>
      ))}
      {scenes.length === 0 && draft.acts.length === 0 && !draft.title ? <p className="muted">The writer is starting…</p> : null}
    </section>
  );
}

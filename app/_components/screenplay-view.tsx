import type { Change } from "../../lib/screenplay/diff-cuts";
import type { Delivery, Screenplay } from "../../lib/screenplay/schema";
import type { EditTarget } from "../_lib/api-client";
import { describeLook, describeVoice, humanize, speakerName } from "../_lib/describe";

/**
 * The screenplay as a reader sees it: cast, then acts -> scenes -> shots -> lines. With a comparison,
 * changed scenes are marked. Without `onTarget` it is read-only (shared page).
 */
export function ScreenplayView({
  screenplay,
  onTarget,
  onRegenerateScene,
  onSayDifferently,
  onUploadReference,
  sceneChanges,
}: {
  screenplay: Screenplay;
  onTarget?: (target: EditTarget, label: string) => void;
  onRegenerateScene?: (sceneId: string) => void;
  onSayDifferently?: (lineId: string, delivery: Delivery) => void;
  onUploadReference?: (characterId: string, picture: File) => void;
  sceneChanges?: ReadonlyMap<string, Change>;
}) {
  let shotNumber = 0;
  return (
    <section className="panel screenplay" aria-labelledby="screenplay-heading">
      <h2 id="screenplay-heading" className="panel-title">
        Screenplay{" "}
        <span className="muted">
          {screenplay.style.genre} · {screenplay.style.tone}
        </span>
      </h2>

      <h3 className="section-title">Cast</h3>
      <ul className="cast">
        {screenplay.characters.map((c) => (
          <li key={c.id} className="cast-card" data-testid="character">
            <div className="swatches" aria-hidden>
              <span style={{ background: c.identity.face.skin }} />
              <span style={{ background: c.identity.hair.color }} />
              <span style={{ background: c.identity.wardrobe.top }} />
              <span style={{ background: c.identity.wardrobe.accent }} />
            </div>
            <div>
              <div className="cast-name">
                <strong data-testid="character-name">{c.name}</strong> <span className="muted">{humanize(c.role)}{c.age ? `, ${c.age}` : ""}</span>
              </div>
              {c.description ? <p className="cast-desc">{c.description}</p> : null}
              <p className="cast-look">
                <span className="label">Look</span> {describeLook(c.identity)}
              </p>
              <p className="cast-voice">
                <span className="label">Voice</span> {describeVoice(c.voice)}
              </p>
              {c.identity.referenceImage ? (
                <p className="cast-reference muted" data-testid="reference-locked">
                  Locked to your picture
                </p>
              ) : null}
              {onUploadReference ? (
                <label className="link-button cast-upload">
                  {c.identity.referenceImage ? "Replace picture" : "Use my picture"}
                  <input
                    type="file"
                    accept="image/png,image/jpeg,image/webp"
                    hidden
                    data-testid="reference-upload"
                    onChange={(e) => {
                      const file = e.currentTarget.files?.[0];
                      e.currentTarget.value = "";
                      if (file) onUploadReference(c.id, file);
                    }}
                  />
                </label>
              ) : null}
            </div>
          </li>
        ))}
      </ul>

      {screenplay.acts.map((act, a) => (
        <article key={act.id} className="act">
          <h3 className="section-title">
            Act {a + 1}: {act.title}
          </h3>
          {act.summary ? <p className="muted">{act.summary}</p> : null}
          {act.scenes.map((scene) => (
            <div key={scene.id} className={`scene ${sceneChanges?.get(scene.id) && sceneChanges.get(scene.id) !== "same" ? `diff-${sceneChanges.get(scene.id)}` : ""}`} data-testid="scene" data-change={sceneChanges?.get(scene.id)}>
              <div className="scene-heading">
                <h4>{scene.heading}</h4>
                {onTarget ? (
                  <span className="scene-actions">
                    <button type="button" className="link-button" onClick={() => onTarget({ kind: "scene", id: scene.id }, scene.heading)}>
                      Change this scene
                    </button>
                    {onRegenerateScene ? (
                      <button type="button" className="link-button" data-testid="regenerate-scene" onClick={() => onRegenerateScene(scene.id)}>
                        Regenerate scene
                      </button>
                    ) : null}
                  </span>
                ) : null}
              </div>
              <p className="scene-meta">
                {humanize(scene.timeOfDay)} · {humanize(scene.weather)} · {scene.mood}
                {scene.beat ? ` · ${scene.beat}` : ""}
              </p>
              <p className="scene-summary">{scene.summary}</p>
              <ol className="shots">
                {scene.shots.map((shot) => {
                  shotNumber += 1;
                  return (
                    <li key={shot.id} className="shot-entry">
                      <div className="shot-entry-head">
                        <span className="shot-entry-number">{shotNumber}</span>
                        <span className="tag">{humanize(shot.framing)}</span>
                        <span className="tag">{humanize(shot.camera.move)}</span>
                        <span className="tag">{shot.camera.lens} mm</span>
                      </div>
                      <p className="shot-entry-action">{shot.action}</p>
                      {shot.lines.map((line) => (
                        <p key={line.id} className="dialogue">
                          <span className="speaker">{speakerName(screenplay.characters, line.speaker)}</span>
                          {line.delivery !== "neutral" ? <span className="delivery">({line.delivery})</span> : null}
                          <span className="spoken">{line.text}</span>
                          {onSayDifferently ? (
                            <button type="button" className="link-button say-differently" data-testid="say-differently" onClick={() => onSayDifferently(line.id, line.delivery)}>
                              Say it differently
                            </button>
                          ) : null}
                        </p>
                      ))}
                    </li>
                  );
                })}
              </ol>
            </div>
          ))}
        </article>
      ))}
      {screenplay.notes.length > 0 ? (
        <div className="notes">
          <h3 className="section-title">Writer&apos;s notes</h3>
          <ul>
            {screenplay.notes.map((n, i) => (
              <li key={i}>{n}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}

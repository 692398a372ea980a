import type { FilmSummary } from "../../lib/film/views";

/** The person's films, to switch between; and a way to start a new one. */
export function FilmList({
  films,
  activeFilmId,
  onSelect,
  onNew,
}: {
  films: FilmSummary[];
  activeFilmId: string | null;
  onSelect: (filmId: string) => void;
  onNew: () => void;
}) {
  return (
    <nav className="films" aria-label="Your films">
      <div className="films-head">
        <span className="section-title">Your films</span>
        <button type="button" className="ghost" data-testid="new-film" onClick={onNew}>
          + New film
        </button>
      </div>
      {films.length === 0 ? (
        <p className="muted films-empty">No films yet.</p>
      ) : (
        <ul data-testid="film-list">
          {films.map((f) => (
            <li key={f.id}>
              <button
                type="button"
                className={`film-item ${f.id === activeFilmId ? "active" : ""}`}
                data-testid="film-item"
                aria-current={f.id === activeFilmId ? "true" : undefined}
                onClick={() => onSelect(f.id)}
              >
                <span className="film-item-title">{f.title || "Untitled"}</span>
                <span className={`dot dot-${f.status}`} title={f.status} />
              </button>
            </li>
          ))}
        </ul>
      )}
    </nav>
  );
}

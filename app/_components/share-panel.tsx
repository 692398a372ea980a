"use client";

import { useEffect, useState } from "react";
import type { ShareView } from "../../lib/film/share";
import { createShare, listShares, revokeShare } from "../_lib/api-client";

/** Read-only links to the cut shown: make one, copy it, revoke it. */
export function SharePanel({ filmId, cutId, onError }: { filmId: string; cutId: string; onError: (message: string) => void }) {
  const [shares, setShares] = useState<ShareView[]>([]);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let cancelled = false;
    listShares(filmId)
      .then((s) => !cancelled && setShares(s))
      .catch(() => {});
    return () => {
      cancelled = true;
    };
  }, [filmId]);

  const make = async () => {
    setBusy(true);
    try {
      const made = await createShare(filmId, cutId);
      setShares((s) => [made, ...s]);
      await navigator.clipboard?.writeText(new URL(made.url, window.location.href).toString()).catch(() => {});
    } catch (e) {
      onError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  const revoke = async (id: string) => {
    try {
      await revokeShare(filmId, id);
      setShares((s) => s.filter((x) => x.id !== id));
    } catch (e) {
      onError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <div className="share">
      <button type="button" className="ghost" data-testid="share" disabled={busy} onClick={make}>
        Share this cut
      </button>
      {shares.length ? (
        <ul className="share-list" data-testid="share-list">
          {shares.map((s) => (
            <li key={s.id}>
              <a href={s.url} target="_blank" rel="noreferrer" data-testid="share-link">
                {s.cutId === cutId ? "Link to this cut" : "Link to another cut"}
              </a>
              <button type="button" className="link-button" data-testid="revoke-share" onClick={() => revoke(s.id)}>
                Revoke
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

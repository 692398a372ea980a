"use client";

import { useEffect, useState } from "react";
import { authClient } from "../_lib/auth-client";

/** Who is signed in, and a way out. Shown only when accounts are on; no session sends the page to sign-in. */
export function SignOutButton() {
  const [name, setName] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    authClient.getSession().then(({ data }) => {
      if (!data) window.location.assign("/signin");
      else setName(data.user.name || data.user.email);
    });
  }, []);

  if (!name) return null;
  return (
    <span className="account">
      <span className="account-name" title={name} data-testid="account-name">
        {name}
      </span>
      <button
        type="button"
        className="link-button"
        data-testid="sign-out"
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          await authClient.signOut();
          window.location.assign("/signin");
        }}
      >
        Sign out
      </button>
    </span>
  );
}

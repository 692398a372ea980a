"use client";

import { useEffect, useState, type FormEvent } from "react";
import { authClient } from "../_lib/auth-client";

/** Email and password: sign in, or make an account (and be signed in). */
export function SignInForm() {
  const [mode, setMode] = useState<"sign-in" | "sign-up">("sign-in");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  // Already signed in (another tab, the back button): straight to the studio.
  useEffect(() => {
    authClient.getSession().then(({ data }) => {
      if (data) window.location.assign("/");
    });
  }, []);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email") ?? "").trim();
    const password = String(form.get("password") ?? "");
    const name = String(form.get("name") ?? "").trim();
    setBusy(true);
    setError(null);
    const result =
      mode === "sign-in"
        ? await authClient.signIn.email({ email, password })
        : await authClient.signUp.email({ email, password, name: name || email.split("@")[0] || "Me" });
    setBusy(false);
    if (result.error) {
      setError(result.error.message || (mode === "sign-in" ? "Wrong email or password." : "Could not make the account."));
      return;
    }
    window.location.assign("/");
  }

  return (
    <form className="signin panel" onSubmit={submit} data-testid="signin-form">
      <h1>{mode === "sign-in" ? "Sign in to Auteur" : "Make an account"}</h1>
      {mode === "sign-up" ? (
        <label>
          Name
          <input name="name" autoComplete="name" maxLength={80} />
        </label>
      ) : null}
      <label>
        Email
        <input name="email" type="email" autoComplete="email" required />
      </label>
      <label>
        Password
        <input name="password" type="password" autoComplete={mode === "sign-in" ? "current-password" : "new-password"} minLength={8} required />
      </label>
      {error ? (
        <div className="error" role="alert" data-testid="signin-error">
          <span>{error}</span>
        </div>
      ) : null}
      <button type="submit" className="primary" disabled={busy} data-testid="signin-submit">
        {mode === "sign-in" ? "Sign in" : "Make account"}
      </button>
      <button type="button" className="link-button" onClick={() => setMode(mode === "sign-in" ? "sign-up" : "sign-in")}>
        {mode === "sign-in" ? "No account yet? Make one." : "Have an account? Sign in."}
      </button>
    </form>
  );
}

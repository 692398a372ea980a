import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { env } from "../../lib/env";
import { SignInForm } from "../_components/sign-in-form";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Sign in — Auteur" };

/** Sign in or make an account; with accounts off (the local default) there is nothing to sign in to. */
export default function SignInPage() {
  if (env().auth !== "required") redirect("/");
  return (
    <main className="signin-page">
      <SignInForm />
    </main>
  );
}

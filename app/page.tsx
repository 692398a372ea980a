import { getSessionCookie } from "better-auth/cookies";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { env } from "../lib/env";
import { Studio } from "./_components/studio";

export const dynamic = "force-dynamic";

/** The studio: chat on the left, the film (player, storyboard, screenplay) on the right. */
export default async function Page({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { film } = await searchParams;
  // With accounts on, a person without a session cookie signs in first (an expired one is sent there by
  // the studio when the API answers 401); with accounts off, this is the local user.
  const accounts = env().auth === "required";
  if (accounts && !getSessionCookie(await headers())) redirect("/signin");
  return <Studio initialFilmId={typeof film === "string" && film ? film : null} accounts={accounts} />;
}

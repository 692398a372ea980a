/**
 * Who is asking. The one place that decides it:
 * - accounts off (the embedded default on a loopback address): every request from this machine is the
 *   local user (lib/auth/local-request.ts refuses other host names and other sites' pages);
 * - accounts on: the signed-in user of the request's session cookie, or 401.
 * Either way it starts the runtime on first use.
 */
import { getAuth } from "../auth/auth";
import { localRequestProblem } from "../auth/local-request";
import { env } from "../env";
import { AuteurError } from "../errors";
import { getLocalUser, getRuntime } from "../runtime";

export interface Owner {
  id: string;
  name: string;
  email?: string;
}

/** The signed-in person, or null (accounts on and no valid session). */
export async function currentViewer(request: { headers: Headers; url?: string; method?: string }): Promise<Owner | null> {
  if (env().auth !== "required") {
    const problem = localRequestProblem(request);
    if (problem) throw new AuteurError("forbidden", problem);
    return getLocalUser();
  }
  await getRuntime();
  const auth = await getAuth();
  const session = await auth.api.getSession({ headers: request.headers });
  if (!session) return null;
  return { id: session.user.id, name: session.user.name, email: session.user.email };
}

/** The owner a route acts for; 401 when sign-in is required and the request has no session. */
export async function currentOwner(request: { headers: Headers; url?: string; method?: string }): Promise<Owner> {
  const viewer = await currentViewer(request);
  if (!viewer) throw new AuteurError("unauthorized", "Sign in to use Auteur.");
  return viewer;
}

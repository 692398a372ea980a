/**
 * Accounts through better-auth: email and password sign-up and sign-in, cookie sessions, sign-out.
 * Its user model is our `users` table; sessions, accounts and verifications have tables of their own
 * (db/schema.ts). One instance per runtime (per database), made on first use.
 */
import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import type { Db } from "../../db/client";
import { accounts, sessions, users, verifications } from "../../db/schema";
import { env } from "../env";
import { AuteurError } from "../errors";
import { getRuntime } from "../runtime";
import { sameHostOrigins } from "./same-host-origins";

export function createAuth(input: { db: Db; secret: string; baseURL?: string }) {
  return betterAuth({
    appName: "Auteur",
    secret: input.secret,
    // With BETTER_AUTH_URL, only that origin may post to /api/auth. Without it, the address the browser
    // used (its Host header): a page elsewhere still cannot sign anyone in or out here.
    ...(input.baseURL ? { baseURL: input.baseURL } : { trustedOrigins: (request?: Request) => sameHostOrigins(request) }),
    basePath: "/api/auth",
    database: drizzleAdapter(input.db, {
      provider: "pg",
      schema: { user: users, session: sessions, account: accounts, verification: verifications },
    }),
    emailAndPassword: { enabled: true, autoSignIn: true, minPasswordLength: 8 },
    session: { expiresIn: 60 * 60 * 24 * 30, updateAge: 60 * 60 * 24 },
    telemetry: { enabled: false },
  });
}
export type Auth = ReturnType<typeof createAuth>;

const byDb = new WeakMap<Db, Auth>();

/** The runtime's better-auth instance; only when sign-in is on (AUTEUR_AUTH=required / BETTER_AUTH_SECRET). */
export async function getAuth(): Promise<Auth> {
  const e = env();
  if (e.auth !== "required") throw new AuteurError("not_found", "Accounts are off: this Auteur runs for its local user only.");
  if (!e.authSecret) throw new AuteurError("internal", "BETTER_AUTH_SECRET is not set.");
  const rt = await getRuntime();
  let auth = byDb.get(rt.db);
  if (!auth) {
    auth = createAuth({ db: rt.db, secret: e.authSecret, ...(e.authUrl ? { baseURL: e.authUrl } : {}) });
    byDb.set(rt.db, auth);
  }
  return auth;
}

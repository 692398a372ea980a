/**
 * The server's own check on start (instrumentation.ts), for when Next.js is started without
 * `npm run dev` / `npm start`: the address comes from AUTEUR_HOST (set by cli/serve.ts) or the
 * `-H` of the command line; unknown means every interface, Next.js's default.
 */
import { env } from "../env";
import { hostFromArgs, refuseToServe } from "./serve-policy";

export function assertSafeToServe(): void {
  const settings = env();
  const refusal = refuseToServe({ host: settings.host ?? hostFromArgs(process.argv), auth: settings.auth, secret: settings.authSecret });
  if (!refusal) return;
  console.error(`[auteur] ${refusal}`);
  process.exit(1);
}

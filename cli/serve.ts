/**
 * `npm run dev` / `npm start`: starts Next.js bound to 127.0.0.1 unless told otherwise (AUTEUR_HOST or
 * -H), and refuses to start open to the network without accounts (lib/auth/serve-policy.ts).
 *
 *   npm run dev                                  # http://127.0.0.1:3000, the local user, no sign-in
 *   AUTEUR_HOST=0.0.0.0 BETTER_AUTH_SECRET=... npm start   # every interface, sign-in required
 */
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { DEFAULT_HOST, hostFromArgs, refuseToServe, withHost } from "../lib/auth/serve-policy";
import { env } from "../lib/env";

const [mode, ...rest] = process.argv.slice(2);
if (mode !== "dev" && mode !== "start") {
  console.error("usage: tsx cli/serve.ts dev|start [next options]");
  process.exit(2);
}

let settings;
try {
  settings = env();
} catch (err) {
  console.error(`auteur: ${(err as Error).message}`);
  process.exit(1);
}
const host = hostFromArgs(rest) ?? settings.host ?? DEFAULT_HOST;
const refusal = refuseToServe({ host, auth: settings.auth, secret: settings.authSecret });
if (refusal) {
  console.error(`auteur: ${refusal}`);
  process.exit(1);
}

const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");
const child = spawn(process.execPath, [nextBin, mode, ...withHost(rest, host)], {
  stdio: "inherit",
  // The server checks the same policy on start (instrumentation.ts); it learns the address from here.
  env: { ...process.env, AUTEUR_HOST: host },
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));

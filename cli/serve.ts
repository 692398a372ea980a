/**
 * `npm run dev` / `npm start`: serves the app bound to 127.0.0.1 unless told otherwise (AUTEUR_HOST or
 * -H), and refuses to start open to the network without accounts (lib/auth/serve-policy.ts).
 *
 *   npm run dev                                  # http://127.0.0.1:3000, the local user, no sign-in
 *   AUTEUR_HOST=0.0.0.0 BETTER_AUTH_SECRET=... npm start   # every interface, sign-in required
 *
 * `start` runs Next.js in this process behind a plain HTTP server that answers a cut's playlist and
 * segments directly (lib/http/fast-reads.ts) and hands every other request to Next.js. `dev` runs
 * `next dev` as it is.
 */
import { spawn } from "node:child_process";
import { createServer } from "node:http";
import { createRequire } from "node:module";
import { DEFAULT_HOST, hostFromArgs, refuseToServe, withHost } from "../lib/auth/serve-policy";
import { env, resetEnv } from "../lib/env";

const [mode, ...rest] = process.argv.slice(2);
if (mode !== "dev" && mode !== "start") {
  console.error("usage: tsx cli/serve.ts dev|start [-p port] [-H host]");
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
// The server checks the same policy on start (instrumentation.ts); it learns the address from here.
process.env.AUTEUR_HOST = host;
resetEnv();

/** The `-p` / `--port` value, else PORT, else 3000. */
function portFromArgs(args: readonly string[]): number {
  let value: string | undefined = process.env.PORT;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === "-p" || arg === "--port") value = args[++i];
    else if (/^(?:-p|--port)=/.test(arg)) value = arg.slice(arg.indexOf("=") + 1);
    else if (arg === "-H" || arg === "--hostname") i++;
    else if (!/^(?:-H|--hostname)=/.test(arg)) {
      console.error(`auteur: npm start takes -p <port> and -H <host>, not ${arg}`);
      process.exit(2);
    }
  }
  const port = Number(value ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`auteur: ${value} is not a port`);
    process.exit(2);
  }
  return port;
}

if (mode === "dev") {
  const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");
  const child = spawn(process.execPath, [nextBin, mode, ...withHost(rest, host)], { stdio: "inherit", env: process.env });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
  child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
} else {
  const port = portFromArgs(rest);
  (process.env as Record<string, string>).NODE_ENV = "production";
  const { default: next } = await import("next");
  const { serveFastRead } = await import("../lib/http/fast-reads");
  const app = next({ dev: false, dir: process.cwd(), hostname: host, port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const server = createServer((req, res) => {
    serveFastRead(req, res)
      .then((served) => (served ? undefined : handle(req, res)))
      .catch((err) => {
        console.error("[auteur] request failed:", err);
        if (!res.headersSent) res.writeHead(500, { "Content-Type": "text/plain" });
        res.end();
      });
  });
  server.listen(port, host, () => console.log(`auteur: listening on http://${host.includes(":") ? `[${host}]` : host}:${port}`));
  // On a signal: stop taking requests, then stop the runtime (its worker's children, the queue, the
  // database) before leaving; a second signal, or 10 s, leaves at once.
  const { stopRuntime } = await import("../lib/runtime");
  let stopping = false;
  const stop = () => {
    if (stopping) process.exit(1);
    stopping = true;
    setTimeout(() => process.exit(1), 10_000).unref();
    server.close();
    void stopRuntime()
      .catch((err) => console.error("[auteur] stopping:", err))
      .then(() => app.close())
      .finally(() => process.exit(0));
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, stop);
}

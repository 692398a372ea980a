/**
 * Who may open the app, decided before it serves anything. Pure: the launcher (cli/serve.ts) and the
 * server's start (instrumentation.ts) both ask it.
 *
 * - Auth "local" (the embedded default): no accounts, every request is the local user. Only allowed on a
 *   loopback address, so nobody else on the network reaches it.
 * - Auth "required": sign-in with better-auth; needs a session secret. Any address.
 */
export const DEFAULT_HOST = "127.0.0.1";
export const MIN_SECRET_LENGTH = 32;

/** True for addresses only this machine can reach: 127.0.0.0/8, ::1, localhost. */
export function isLoopbackHost(host: string): boolean {
  const h = host.trim().toLowerCase().replace(/^\[(.*)\]$/, "$1");
  if (h === "localhost" || h.endsWith(".localhost")) return true;
  if (h === "::1" || h === "0:0:0:0:0:0:0:1") return true;
  if (/^::ffff:127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h)) return true;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}

/** The `-H` / `--hostname` value of a `next dev` / `next start` command line, if any. */
export function hostFromArgs(args: readonly string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === "-H" || arg === "--hostname") return args[i + 1];
    const joined = /^(?:-H|--hostname)=(.+)$/.exec(arg);
    if (joined) return joined[1];
  }
  return undefined;
}

/**
 * Null when the server may start; otherwise the message that says why not and what to do.
 * `host` undefined means not known, which Next.js treats as every interface.
 */
export function refuseToServe(input: { host: string | undefined; auth: "local" | "required"; secret: string | undefined }): string | null {
  if (input.auth === "required") {
    if (!input.secret || input.secret.length < MIN_SECRET_LENGTH)
      return (
        `Sign-in is required (AUTEUR_AUTH=required or BETTER_AUTH_SECRET set), but BETTER_AUTH_SECRET is ` +
        `${input.secret ? "shorter than " + MIN_SECRET_LENGTH + " characters" : "not set"}. ` +
        `Set it to a long random value, e.g. BETTER_AUTH_SECRET=$(openssl rand -base64 32).`
      );
    return null;
  }
  const host = input.host ?? "0.0.0.0 (every interface)";
  if (input.host !== undefined && isLoopbackHost(input.host)) return null;
  return (
    `Refusing to serve on ${host} without accounts: anyone who can reach it would act as the local user. ` +
    `Bind to 127.0.0.1 (the default of npm run dev / npm start), or turn sign-in on by setting ` +
    `BETTER_AUTH_SECRET (and AUTEUR_AUTH=required).`
  );
}

/** The command line with its `-H` / `--hostname` replaced by `host`. Pure. */
export function withHost(args: readonly string[], host: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === "-H" || arg === "--hostname") {
      i++;
      continue;
    }
    if (/^(?:-H|--hostname)=/.test(arg)) continue;
    out.push(arg);
  }
  return [...out, "-H", host];
}

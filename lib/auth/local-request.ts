/**
 * Without accounts (the embedded default, bound to loopback) every request acts as the local user, so
 * the app must be sure a request comes from this machine's own pages or programs, not from a web page
 * elsewhere that the person happens to have open:
 * - DNS rebinding: a page on a name the attacker re-points at 127.0.0.1 reaches the app with that name
 *   in its Host header. Only loopback names are answered.
 * - Cross-site requests: a page on another origin can still send a POST to 127.0.0.1 (a "simple"
 *   request needs no preflight). Browsers say where such a request comes from in Origin; a change is
 *   only accepted from the app's own origin (programs such as curl send no Origin and are accepted).
 * Pure: returns why the request is refused, or null.
 */
import { isLoopbackHost } from "./serve-policy";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function localRequestProblem(request: { headers: Headers; url?: string; method?: string }): string | null {
  const host = request.headers.get("host") ?? hostOfUrl(request.url);
  if (!host) return "The request names no host.";
  const hostname = hostnameOf(host);
  if (!hostname || !isLoopbackHost(hostname)) return `This Auteur answers only at a loopback address (localhost, 127.0.0.1), not at ${JSON.stringify(host.slice(0, 100))}.`;
  if (SAFE_METHODS.has((request.method ?? "GET").toUpperCase())) return null;
  const origin = request.headers.get("origin");
  if (origin === null) return null;
  if (hostOfUrl(origin) !== host.toLowerCase()) return "Changes are only accepted from Auteur's own pages.";
  return null;
}

function hostOfUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    return u.protocol === "http:" || u.protocol === "https:" ? u.host.toLowerCase() : undefined;
  } catch {
    return undefined;
  }
}

function hostnameOf(host: string): string | undefined {
  try {
    return new URL(`http://${host}`).hostname;
  } catch {
    return undefined;
  }
}

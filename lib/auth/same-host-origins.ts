/**
 * The origins a browser has when it talks to this app at the address in the request's Host header:
 * http and https of that host. Used for better-auth's origin check when BETTER_AUTH_URL is not set, so
 * the app works at whatever address people reach it, and a page on any other origin still cannot post
 * to /api/auth. Pure.
 */
export function sameHostOrigins(request: { headers: Headers } | undefined): string[] {
  const host = request?.headers.get("host");
  if (!host || !/^[a-z0-9.\-[\]:]+$/i.test(host)) return [];
  return [`http://${host}`, `https://${host}`];
}

/**
 * Turns anything thrown in a route into the API's error answer: `{ error: { code, message } }` with the
 * AuteurError's HTTP status. Unexpected errors are logged on the server and answered with a plain message,
 * never a stack trace.
 */
import { ZodError } from "zod";
import { AuteurError, toAuteurError } from "../errors";

export function errorBody(error: unknown): { status: number; body: { error: { code: string; message: string; retryAfterSeconds?: number } } } {
  const known = error instanceof ZodError ? fromZod(error) : toAuteurError(error);
  const message = known.code === "internal" ? "Something went wrong on the server. Please try again." : known.message;
  const retry = retryAfterSeconds(known);
  return { status: known.status, body: { error: { code: known.code, message, ...(retry !== undefined ? { retryAfterSeconds: retry } : {}) } } };
}

/** A limit that waiting lifts says how long to wait (lib/film/limits.ts puts it in the details). */
function retryAfterSeconds(error: AuteurError): number | undefined {
  const s = error.details?.retryAfterSeconds;
  return error.code === "rate_limited" && typeof s === "number" && Number.isFinite(s) && s > 0 ? Math.ceil(s) : undefined;
}

export function errorResponse(error: unknown): Response {
  const { status, body } = errorBody(error);
  if (status >= 500) console.error("[auteur] request failed:", error);
  const headers: Record<string, string> = { "Cache-Control": "no-store" };
  if (body.error.retryAfterSeconds !== undefined) headers["Retry-After"] = String(body.error.retryAfterSeconds);
  return Response.json(body, { status, headers });
}

function fromZod(error: ZodError): AuteurError {
  const first = error.issues[0];
  const where = first && first.path.length > 0 ? `${first.path.join(".")}: ` : "";
  return new AuteurError("invalid_input", `${where}${first?.message ?? "invalid request"}`);
}

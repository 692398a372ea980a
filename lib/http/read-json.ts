/**
 * Reads a request body as JSON and checks it with a zod schema; a body that is not JSON or does not fit
 * becomes an `invalid_input` AuteurError with a message a person can act on.
 */
import type { z } from "zod";
import { AuteurError } from "../errors";

export async function readJson<S extends z.ZodType>(request: Request, schema: S): Promise<z.output<S>> {
  let raw: unknown;
  try {
    const text = await request.text();
    raw = text.trim() === "" ? {} : JSON.parse(text);
  } catch {
    throw new AuteurError("invalid_input", "The request body is not valid JSON.");
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    // Text over a size cap is "too large" (413), not malformed.
    throw new AuteurError(issue?.code === "too_big" && issue.origin === "string" ? "limit_exceeded" : "invalid_input", issueMessage(issue));
  }
  return parsed.data;
}

/**
 * A schema's own sentences (ending in a full stop) are shown as they are; zod's built-in messages get the
 * field they are about in front ("target.kind: Invalid option...").
 */
function issueMessage(issue: z.core.$ZodIssue | undefined): string {
  if (!issue) return "The request is not valid.";
  if (issue.message.endsWith(".") || issue.path.length === 0) return issue.message;
  return `${issue.path.join(".")}: ${issue.message}`;
}

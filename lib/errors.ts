/**
 * One error class with a closed set of codes. Anything thrown is converted to it where it crosses into a
 * route, a job handler or the CLI, so a person always gets a clear message and programs a stable code.
 */
export const ERROR_CODES = {
  invalid_input: 400,
  unauthorized: 401,
  forbidden: 403,
  invalid_screenplay: 422,
  not_found: 404,
  conflict: 409,
  limit_exceeded: 413,
  rate_limited: 429,
  provider_failed: 502,
  timeout: 504,
  render_failed: 500,
  internal: 500,
} as const;
export type ErrorCode = keyof typeof ERROR_CODES;

export class AuteurError extends Error {
  readonly code: ErrorCode;
  readonly details?: Record<string, unknown>;
  constructor(code: ErrorCode, message: string, options: { cause?: unknown; details?: Record<string, unknown> } = {}) {
    super(message, { cause: options.cause });
    this.name = "AuteurError";
    this.code = code;
    this.details = options.details;
  }
  get status(): number {
    return ERROR_CODES[this.code];
  }
  toJSON() {
    return { error: { code: this.code, message: this.message, ...(this.details ? { details: this.details } : {}) } };
  }
}

export function toAuteurError(error: unknown): AuteurError {
  if (error instanceof AuteurError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new AuteurError("internal", message || "Something went wrong", { cause: error });
}

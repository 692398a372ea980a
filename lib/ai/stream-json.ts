/**
 * One structured model call: stream a JSON object that must match a schema, show partial objects while it
 * arrives, and make the result trustworthy: transport failures (429, 5xx, refused connections) are retried
 * with backoff; malformed, truncated or invalid answers are sent back to the model with the reason, a
 * bounded number of times; each attempt has a time limit. Failures end as an AuteurError with a clear message.
 */
import { APICallError, Output, parsePartialJson, streamText, zodSchema, type LanguageModel, type ModelMessage, type Schema } from "ai";
import { redactPrompt } from "./redact-prompt";
import type { z } from "zod";
import { AuteurError } from "../errors";
import { describeIssues } from "../screenplay/validate";
import { parseJsonAnswer } from "./parse-json-answer";

export interface CallPolicy {
  /** Time limit of one attempt, ms. */
  timeoutMs: number;
  /** Retries after a transport failure (429, 5xx, connection refused). */
  maxRetries: number;
  /** Extra attempts after an unusable answer (malformed, truncated, invalid); the reason is fed back. */
  maxRepairs: number;
  /** First backoff delay, ms; doubles each retry. A server's retry-after wins when shorter than maxDelayMs. */
  retryBaseMs: number;
  maxDelayMs: number;
}

export const DEFAULT_CALL_POLICY: CallPolicy = { timeoutMs: 120_000, maxRetries: 3, maxRepairs: 2, retryBaseMs: 1_000, maxDelayMs: 20_000 };

export interface StreamJsonOptions<T> {
  model: LanguageModel;
  /** Schema name the provider sends with response_format (also tells a test server which level is asked). */
  name: string;
  description?: string;
  schema: z.ZodType<T>;
  system: string;
  prompt: string;
  /** Checks beyond the schema (counts, references); returns problems to send back, empty when fine. */
  check?: (value: T) => string[];
  onPartial?: (partial: unknown) => void;
  signal?: AbortSignal;
  policy?: Partial<CallPolicy>;
}

/** Partial objects are parsed at most this often (parsing is linear in the text so far). */
const PARTIAL_EVERY_CHARS = 256;
const PARTIAL_EVERY_MS = 40;

const seconds = (ms: number) => (ms < 10_000 ? `${Math.round(ms / 100) / 10} s` : `${Math.round(ms / 1000)} s`);

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

function retryAfterMs(error: APICallError): number | undefined {
  const h = error.responseHeaders ?? {};
  const ms = Number(h["retry-after-ms"]);
  if (Number.isFinite(ms) && ms >= 0) return ms;
  const s = Number(h["retry-after"]);
  if (Number.isFinite(s) && s >= 0) return s * 1000;
  return undefined;
}

/** What went wrong on the way to the model, for the person: short, and never the prompt's own text. */
function describeTransport(error: unknown, system: string): string {
  if (APICallError.isInstance(error)) {
    const status = error.statusCode ? `HTTP ${error.statusCode}` : "no response";
    const body = redactPrompt((error.responseBody ?? "").replace(/\s+/g, " "), system).slice(0, 200);
    const message = redactPrompt(error.message.replace(/\s+/g, " "), system).slice(0, 200);
    return `${status}${body ? `: ${body}` : ""} (${message})`;
  }
  return redactPrompt(error instanceof Error ? error.message : String(error), system);
}

function isRetryable(error: unknown): boolean {
  if (APICallError.isInstance(error)) return error.isRetryable || error.statusCode === 429 || (error.statusCode ?? 0) >= 500;
  return false;
}

// The JSON Schema sent with each request is derived once per zod schema, not once per call.
const jsonSchemas = new WeakMap<z.ZodType, Schema<unknown>>();
function responseSchema(schema: z.ZodType): Schema<unknown> {
  let s = jsonSchemas.get(schema);
  if (!s) {
    s = zodSchema(schema) as Schema<unknown>;
    void s.jsonSchema;
    jsonSchemas.set(schema, s);
  }
  return s;
}

interface Attempt {
  text: string;
  finishReason?: string;
  error?: unknown;
}

async function attempt(opts: StreamJsonOptions<unknown>, messages: ModelMessage[], signal: AbortSignal): Promise<Attempt> {
  let streamError: unknown;
  const result = streamText({
    model: opts.model,
    system: opts.system,
    messages,
    output: Output.object({ schema: responseSchema(opts.schema), name: opts.name, description: opts.description }),
    maxRetries: 0,
    abortSignal: signal,
    temperature: 0.7,
    onError: ({ error }) => {
      streamError ??= error;
    },
  });
  let text = "";
  let finishReason: string | undefined;
  let lastPartialAt = 0;
  let lastPartialTime = 0;
  for await (const part of result.fullStream) {
    if (part.type === "text-delta") {
      text += part.text;
      if (opts.onPartial && text.length - lastPartialAt >= PARTIAL_EVERY_CHARS && performance.now() - lastPartialTime >= PARTIAL_EVERY_MS) {
        lastPartialAt = text.length;
        lastPartialTime = performance.now();
        const partial = await parsePartialJson(text);
        if (partial.value && typeof partial.value === "object") opts.onPartial(partial.value);
      }
    } else if (part.type === "finish") finishReason = part.finishReason;
    else if (part.type === "error") streamError ??= part.error;
  }
  return { text, finishReason, error: streamError };
}

/** Stream one JSON object from the model; see the module comment for retries and repairs. */
export async function streamJson<T>(options: StreamJsonOptions<T>): Promise<T> {
  const policy = { ...DEFAULT_CALL_POLICY, ...options.policy };
  const opts = options as StreamJsonOptions<unknown>;
  const messages: ModelMessage[] = [{ role: "user", content: options.prompt }];
  let retries = 0;
  let repairs = 0;
  const problems: string[] = [];
  for (;;) {
    if (options.signal?.aborted) throw new AuteurError("timeout", "The writing was cancelled.", { cause: options.signal.reason });
    const timeout = AbortSignal.timeout(policy.timeoutMs);
    const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
    let result: Attempt;
    try {
      result = await attempt(opts, messages, signal);
    } catch (error) {
      result = { text: "", error };
    }
    if (timeout.aborted)
      throw new AuteurError("timeout", `The model did not finish the ${options.name} within ${seconds(policy.timeoutMs)} (LLM_TIMEOUT_MS). Try again, or use a faster model.`, {
        details: { step: options.name, timeoutMs: policy.timeoutMs },
      });
    if (options.signal?.aborted) throw new AuteurError("timeout", "The writing was cancelled.", { cause: options.signal.reason });
    if (result.error) {
      if (isRetryable(result.error) && retries < policy.maxRetries) {
        const backoff = policy.retryBaseMs * 2 ** retries;
        const hinted = APICallError.isInstance(result.error) ? retryAfterMs(result.error) : undefined;
        retries++;
        await sleep(Math.min(policy.maxDelayMs, hinted ?? backoff), options.signal);
        continue;
      }
      const rateLimited = APICallError.isInstance(result.error) && result.error.statusCode === 429;
      throw new AuteurError(
        rateLimited ? "rate_limited" : "provider_failed",
        `The text model failed while writing the ${options.name}${retries ? ` (after ${retries} ${retries === 1 ? "retry" : "retries"})` : ""}: ${describeTransport(result.error, options.system)}`,
        { cause: result.error, details: { step: options.name, retries } },
      );
    }
    const problem = readAnswer(options, result);
    if (problem.ok) return problem.value;
    problems.push(problem.error);
    if (repairs >= policy.maxRepairs)
      throw new AuteurError(
        "provider_failed",
        `The text model gave ${repairs + 1} unusable answers for the ${options.name}; the last problem: ${problem.error.split("\n").slice(0, 4).join(" ")}`,
        { details: { step: options.name, problems } },
      );
    repairs++;
    messages.push({ role: "assistant", content: result.text.slice(0, 12_000) || "(empty answer)" });
    messages.push({ role: "user", content: `That answer could not be used:\n${problem.error}\nAnswer again with the complete, corrected JSON object only.` });
  }
}

function readAnswer<T>(options: StreamJsonOptions<T>, result: Attempt): { ok: true; value: T } | { ok: false; error: string } {
  const parsed = parseJsonAnswer(result.text, result.finishReason);
  if (!parsed.ok) return parsed;
  if (result.finishReason === "length")
    return { ok: false, error: "The answer was cut off (it hit the length limit). Answer again, more concisely, with the complete JSON object." };
  const valid = options.schema.safeParse(parsed.value);
  if (!valid.success) return { ok: false, error: `The JSON does not match the schema:\n${describeIssues(valid.error).join("\n")}` };
  const issues = options.check?.(valid.data) ?? [];
  if (issues.length) return { ok: false, error: issues.slice(0, 8).join("\n") };
  return { ok: true, value: valid.data };
}

import { createHash } from "node:crypto";

/**
 * Canonical JSON: object keys sorted, no whitespace, undefined fields dropped, numbers as JSON writes
 * them. Two values that mean the same thing give the same string.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") {
    if (typeof value === "number" && !Number.isFinite(value)) throw new Error(`cannot key a non-finite number: ${value}`);
    return JSON.stringify(value) ?? "null";
  }
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? "null" : canonicalJson(v))).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

export function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/** key = sha256(canonical JSON of everything the output depends on, with the provider's name and version). */
export function contentKey(stage: string, inputs: unknown, provider: { name: string; version: string }): string {
  return sha256(canonicalJson({ stage, inputs, provider }));
}

/** A 32-bit seed from any strings (stable across machines). */
export function seedFrom(...parts: (string | number)[]): number {
  const h = createHash("sha256").update(parts.join("\u0000")).digest();
  return h.readUInt32LE(0);
}

import { afterEach, describe, expect, it } from "vitest";
import { env, resetEnv } from "../../../lib/env";

const KEYS = ["AUTEUR_WORKER_NICE", "AUTEUR_EMBEDDED_WORKER", "DATABASE_URL"] as const;
const saved = Object.fromEntries(KEYS.map((k) => [k, process.env[k]]));

function withEnv(vars: Partial<Record<(typeof KEYS)[number], string>>): ReturnType<typeof env> {
  for (const k of KEYS) delete process.env[k];
  Object.assign(process.env, vars);
  resetEnv();
  return env();
}

afterEach(() => {
  for (const k of KEYS) {
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  }
  resetEnv();
});

describe("the worker children's niceness", () => {
  it("is 10 for a worker inside the app or CLI, 19 for separate worker processes, and what AUTEUR_WORKER_NICE says", () => {
    expect(withEnv({}).workerNice).toBe(10);
    expect(withEnv({ DATABASE_URL: "postgres://db/auteur" }).workerNice).toBe(19);
    expect(withEnv({ DATABASE_URL: "postgres://db/auteur", AUTEUR_EMBEDDED_WORKER: "1" }).workerNice).toBe(10);
    expect(withEnv({ DATABASE_URL: "postgres://db/auteur", AUTEUR_WORKER_NICE: "5" }).workerNice).toBe(5);
    expect(withEnv({ AUTEUR_WORKER_NICE: "0" }).workerNice).toBe(0);
  });
});

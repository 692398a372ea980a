import { afterEach, describe, expect, test, vi } from "vitest";
import { selectTextModel } from "../../../lib/ai/models";
import { env, resetEnv } from "../../../lib/env";
import { AuteurError } from "../../../lib/errors";

afterEach(() => {
  vi.unstubAllEnvs();
  resetEnv();
});

describe("selectTextModel: the text model comes from configuration", () => {
  test("nothing configured: the offline engine", () => {
    expect(selectTextModel({ openaiModel: "gpt-4.1-mini" })).toEqual({ kind: "offline", name: "offline story engine" });
  });

  test("OPENAI_API_KEY selects OpenAI with OPENAI_MODEL", () => {
    const choice = selectTextModel({ openaiApiKey: "sk-test", openaiModel: "gpt-4.1-mini" });
    expect(choice.kind).toBe("openai");
    expect(choice.name).toBe("openai/gpt-4.1-mini");
    expect(choice.model).toMatchObject({ modelId: "gpt-4.1-mini" });
  });

  test("LLM_BASE_URL + LLM_MODEL select an OpenAI-compatible server, even when an OpenAI key is set", () => {
    const choice = selectTextModel({ llmBaseUrl: "http://127.0.0.1:11434/v1/", llmModel: "llama3.1", openaiApiKey: "sk-test", openaiModel: "gpt-4.1-mini" });
    expect(choice.kind).toBe("compatible");
    expect(choice.name).toBe("compatible/llama3.1 at http://127.0.0.1:11434/v1/");
    expect(choice.model).toMatchObject({ modelId: "llama3.1", supportsStructuredOutputs: true });
  });

  test("LLM_BASE_URL without LLM_MODEL is a clear configuration error", () => {
    expect(() => selectTextModel({ llmBaseUrl: "http://127.0.0.1:11434/v1", openaiModel: "x" })).toThrow(AuteurError);
    expect(() => selectTextModel({ llmBaseUrl: "http://127.0.0.1:11434/v1", openaiModel: "x" })).toThrow(/LLM_MODEL is not/);
  });
});

describe("environment", () => {
  test("reads the model settings with defaults", () => {
    vi.stubEnv("OPENAI_API_KEY", "");
    vi.stubEnv("LLM_BASE_URL", "http://localhost:8080/v1");
    vi.stubEnv("LLM_MODEL", "qwen2.5");
    vi.stubEnv("LLM_TIMEOUT_MS", "30000");
    resetEnv();
    expect(env()).toMatchObject({ openaiApiKey: undefined, openaiModel: "gpt-4.1-mini", llmBaseUrl: "http://localhost:8080/v1", llmModel: "qwen2.5", llmTimeoutMs: 30_000 });
  });

  test("a malformed LLM_BASE_URL is refused with the variable's name", () => {
    vi.stubEnv("LLM_BASE_URL", "localhost 11434");
    resetEnv();
    expect(() => env()).toThrow(/LLM_BASE_URL/);
  });
});

/**
 * Which text model writes and edits screenplays, chosen by configuration:
 * - LLM_BASE_URL + LLM_MODEL (+ LLM_API_KEY): any OpenAI-compatible server speaking /v1/chat/completions
 *   (Ollama, vLLM, llama.cpp server, LM Studio);
 * - OPENAI_API_KEY (+ OPENAI_MODEL): OpenAI;
 * - neither: the offline story engine.
 */
import { createOpenAI } from "@ai-sdk/openai";
import { createOpenAICompatible } from "@ai-sdk/openai-compatible";
import type { LanguageModel } from "ai";
import type { Env } from "../env";
import { AuteurError } from "../errors";

export type TextModelKind = "openai" | "compatible" | "offline";

export interface TextModelChoice {
  kind: TextModelKind;
  /** Absent for the offline engine. */
  model?: LanguageModel;
  /** A human-readable name: "openai/gpt-4.1-mini", "compatible/llama3.1 at http://...", "offline story engine". */
  name: string;
}

export type TextModelEnv = Pick<Env, "openaiApiKey" | "openaiModel" | "llmBaseUrl" | "llmModel" | "llmApiKey">;

/** Pick the text model from the environment. A server named by LLM_BASE_URL wins over OpenAI. */
export function selectTextModel(e: TextModelEnv): TextModelChoice {
  if (e.llmBaseUrl) {
    if (!e.llmModel)
      throw new AuteurError("invalid_input", `LLM_BASE_URL is set (${e.llmBaseUrl}) but LLM_MODEL is not: name the model the server should run, e.g. LLM_MODEL=llama3.1.`);
    const provider = createOpenAICompatible({
      name: "compatible",
      baseURL: e.llmBaseUrl.replace(/\/+$/, ""),
      apiKey: e.llmApiKey,
      // Ollama, vLLM, llama.cpp server and LM Studio all accept response_format json_schema.
      supportsStructuredOutputs: true,
    });
    return { kind: "compatible", model: provider.chatModel(e.llmModel), name: `compatible/${e.llmModel} at ${e.llmBaseUrl}` };
  }
  if (e.openaiApiKey) {
    const provider = createOpenAI({ apiKey: e.openaiApiKey });
    return { kind: "openai", model: provider(e.openaiModel), name: `openai/${e.openaiModel}` };
  }
  return { kind: "offline", name: "offline story engine" };
}

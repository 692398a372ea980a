/**
 * The one module that reads process.env. Everything else asks `env()`.
 */
import path from "node:path";
import { z } from "zod";

const flag = z
  .enum(["1", "0", "true", "false", "yes", "no", ""])
  .optional()
  .transform((v) => (v === undefined || v === "" ? undefined : v === "1" || v === "true" || v === "yes"));

const EnvSchema = z.object({
  DATABASE_URL: z.string().url().optional().or(z.literal("").transform(() => undefined)),
  AUTEUR_DATA_DIR: z.string().optional(),
  AUTEUR_EMBEDDED_WORKER: flag,
  AUTEUR_WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).optional(),
  AUTEUR_WORKER_NICE: z.coerce.number().int().min(0).max(19).optional(),
  AUTEUR_FFMPEG: z.string().optional(),
  AUTEUR_FFPROBE: z.string().optional(),
  AUTEUR_CAPTIONS: flag,
  AUTEUR_JOB_HEARTBEAT_SECONDS: z.coerce.number().int().min(10).max(3600).optional(),
  AUTEUR_X264_PRESET: z.enum(["ultrafast", "superfast", "veryfast", "faster", "fast", "medium"]).optional(),
  NODE_ENV: z.string().optional(),
  OPENAI_API_KEY: z.string().optional(),
  OPENAI_MODEL: z.string().optional(),
  LLM_BASE_URL: z.string().url("LLM_BASE_URL must be a URL such as http://127.0.0.1:11434/v1").optional().or(z.literal("").transform(() => undefined)),
  LLM_MODEL: z.string().optional(),
  LLM_API_KEY: z.string().optional(),
  LLM_TIMEOUT_MS: z.coerce.number().int().min(1_000).max(3_600_000).optional(),
  // Hosted and self-hosted generators (lib/providers).
  AUTEUR_VIDEO_PROVIDER: z.enum(["animatic", "comfyui", "ai-sdk", ""]).optional(),
  AUTEUR_VIDEO_MODEL: z.string().optional(),
  AUTEUR_VIDEO_PRICE_PER_SECOND: z.coerce.number().min(0).optional(),
  AUTEUR_VIDEO_CONCURRENCY: z.coerce.number().int().min(1).max(64).optional(),
  AUTEUR_IMAGE_MODEL: z.string().optional(),
  AUTEUR_IMAGE_PRICE: z.coerce.number().min(0).optional(),
  AUTEUR_SPEECH_MODEL: z.string().optional(),
  AUTEUR_SPEECH_PRICE_PER_1K_CHARS: z.coerce.number().min(0).optional(),
  COMFYUI_URL: z.string().url("COMFYUI_URL must be a URL such as http://127.0.0.1:8188").optional().or(z.literal("").transform(() => undefined)),
  COMFYUI_WORKFLOW: z.string().optional(),
  AUTEUR_BUDGET_USD: z.coerce.number().min(0).optional(),
  AUTEUR_CONTINUITY_MODEL: z.string().optional(),
  AUTEUR_CONTINUITY_THRESHOLD: z.coerce.number().min(-1).max(1).optional(),
  AUTEUR_CONTINUITY_RETAKES: z.coerce.number().int().min(0).max(10).optional(),
  // Accounts (lib/auth).
  AUTEUR_AUTH: z.enum(["local", "required", ""]).optional(),
  AUTEUR_HOST: z.string().optional(),
  BETTER_AUTH_SECRET: z.string().optional(),
  BETTER_AUTH_URL: z.string().url("BETTER_AUTH_URL must be the app's public URL, such as https://films.example.com").optional().or(z.literal("").transform(() => undefined)),
  // Per-user limits (lib/film/limits.ts); 0 turns one off.
  AUTEUR_MESSAGES_PER_MINUTE: z.coerce.number().int().min(0).max(100_000).optional(),
  AUTEUR_RENDERS_PER_HOUR: z.coerce.number().int().min(0).max(100_000).optional(),
  AUTEUR_CONCURRENT_RENDERS: z.coerce.number().int().min(0).max(1_000).optional(),
  AUTEUR_FILM_MINUTES_PER_DAY: z.coerce.number().min(0).max(1_000_000).optional(),
});

export interface Env {
  databaseUrl?: string;
  /** Folder for the embedded database, assets and outputs. */
  dataDir: string;
  /** Run a worker inside the app / CLI process. */
  embeddedWorker: boolean;
  workerConcurrency: number;
  /**
   * Scheduling niceness of the CPU children (and the ffmpegs they start): renders are batch work, so
   * the process that answers people (web requests, the queue) gets the CPU first. 0 turns it off.
   * Default 10 for a worker inside the app or CLI (one person's films), 19 for separate worker processes
   * (service mode, many people): under load (50 people, 200 viewers, bench:load) at 10 the renders
   * still delayed the server's reads (p95 of API reads 307-357 ms, playlists 161-208 ms), at 19 245 ms
   * and 93 ms; but a 20-minute film in the embedded mode took 3% longer at 19 (294-296 s against
   * 303-307 s), its own process's work (PGlite, the queue) then always going first.
   */
  workerNice: number;
  ffmpeg?: string;
  ffprobe?: string;
  captions: boolean;
  x264Preset: string;
  /** A job whose worker sends no heartbeat for this long is handed to another worker. */
  jobHeartbeatSeconds: number;
  /** OpenAI key: selects OpenAI as the text model (unless LLM_BASE_URL is set). */
  openaiApiKey?: string;
  /** OpenAI model name (default "gpt-4.1-mini"). */
  openaiModel: string;
  /** Any OpenAI-compatible server speaking /v1/chat/completions (Ollama, vLLM, llama.cpp, LM Studio). */
  llmBaseUrl?: string;
  llmModel?: string;
  llmApiKey?: string;
  /** Time limit of one model call, ms (default 120 000). */
  llmTimeoutMs: number;
  /** Which video provider renders shots (default "animatic", the offline built-in). */
  videoProvider: "animatic" | "comfyui" | "ai-sdk";
  /** AI SDK video model id (resolved by the AI SDK's default provider, the AI Gateway). */
  videoModel?: string;
  /** Declared price of the video provider, USD per second of video. */
  videoPricePerSecond?: number;
  /** Provider calls at once per process. */
  videoConcurrency?: number;
  /** AI SDK image model id for character reference sheets. */
  imageModel?: string;
  imagePrice?: number;
  /** AI SDK speech model id (speech stays offline without it). */
  speechModel?: string;
  speechPricePer1kChars?: number;
  comfyuiUrl?: string;
  /** Path of a ComfyUI workflow template (API format JSON) with {{placeholders}}. */
  comfyuiWorkflow?: string;
  /** Spending limit per user, USD (no limit when unset). */
  budgetUsd?: number;
  /** Path of an ONNX image-embedding model for the continuity check. */
  continuityModel?: string;
  continuityThreshold: number;
  continuityRetakes: number;
  /**
   * "local": no accounts, every request acts as the local user (only allowed on a loopback address).
   * "required": sign-in required (better-auth). Default: "required" when BETTER_AUTH_SECRET is set.
   */
  auth: "local" | "required";
  /** Secret that signs session cookies (at least 32 characters). */
  authSecret?: string;
  /** The app's public URL, for better-auth's cookies and origin checks (taken from requests when unset). */
  authUrl?: string;
  /** Address the web server binds (set by `npm run dev` / `npm start`; default 127.0.0.1). */
  host?: string;
  /** Per-user limits; 0 means no limit. */
  limits: {
    /** Chat messages (ideas included) a person may send per minute (default 20). */
    messagesPerMinute: number;
    /** New cuts (renders) a person may start per hour (default 60). */
    rendersPerHour: number;
    /** Films of one person that may render at the same time (default 2). */
    concurrentRenders: number;
    /** Minutes of newly rendered film a person may make in 24 hours (default 120). */
    filmMinutesPerDay: number;
  };
}

let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  const parsed = EnvSchema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  cached = {
    databaseUrl: e.DATABASE_URL || undefined,
    dataDir: path.resolve(e.AUTEUR_DATA_DIR ?? ".auteur"),
    embeddedWorker: e.AUTEUR_EMBEDDED_WORKER ?? !e.DATABASE_URL,
    workerConcurrency: e.AUTEUR_WORKER_CONCURRENCY ?? 2,
    workerNice: e.AUTEUR_WORKER_NICE ?? ((e.AUTEUR_EMBEDDED_WORKER ?? !e.DATABASE_URL) ? 10 : 19),
    ffmpeg: e.AUTEUR_FFMPEG,
    ffprobe: e.AUTEUR_FFPROBE,
    captions: e.AUTEUR_CAPTIONS ?? false,
    x264Preset: e.AUTEUR_X264_PRESET ?? "veryfast",
    jobHeartbeatSeconds: e.AUTEUR_JOB_HEARTBEAT_SECONDS ?? 30,
    openaiApiKey: e.OPENAI_API_KEY || undefined,
    openaiModel: e.OPENAI_MODEL || "gpt-4.1-mini",
    llmBaseUrl: e.LLM_BASE_URL || undefined,
    llmModel: e.LLM_MODEL || undefined,
    llmApiKey: e.LLM_API_KEY || undefined,
    llmTimeoutMs: e.LLM_TIMEOUT_MS ?? 120_000,
    videoProvider: e.AUTEUR_VIDEO_PROVIDER || "animatic",
    videoModel: e.AUTEUR_VIDEO_MODEL || undefined,
    videoPricePerSecond: e.AUTEUR_VIDEO_PRICE_PER_SECOND,
    videoConcurrency: e.AUTEUR_VIDEO_CONCURRENCY,
    imageModel: e.AUTEUR_IMAGE_MODEL || undefined,
    imagePrice: e.AUTEUR_IMAGE_PRICE,
    speechModel: e.AUTEUR_SPEECH_MODEL || undefined,
    speechPricePer1kChars: e.AUTEUR_SPEECH_PRICE_PER_1K_CHARS,
    comfyuiUrl: e.COMFYUI_URL || undefined,
    comfyuiWorkflow: e.COMFYUI_WORKFLOW || undefined,
    budgetUsd: e.AUTEUR_BUDGET_USD,
    continuityModel: e.AUTEUR_CONTINUITY_MODEL || undefined,
    continuityThreshold: e.AUTEUR_CONTINUITY_THRESHOLD ?? 0.8,
    continuityRetakes: e.AUTEUR_CONTINUITY_RETAKES ?? 2,
    auth: e.AUTEUR_AUTH || (e.BETTER_AUTH_SECRET ? "required" : "local"),
    authSecret: e.BETTER_AUTH_SECRET || undefined,
    authUrl: e.BETTER_AUTH_URL || undefined,
    host: e.AUTEUR_HOST || undefined,
    limits: {
      messagesPerMinute: e.AUTEUR_MESSAGES_PER_MINUTE ?? 20,
      rendersPerHour: e.AUTEUR_RENDERS_PER_HOUR ?? 60,
      concurrentRenders: e.AUTEUR_CONCURRENT_RENDERS ?? 2,
      filmMinutesPerDay: e.AUTEUR_FILM_MINUTES_PER_DAY ?? 120,
    },
  };
  return cached;
}

/** Tests change the environment between suites; they call this to read it again. */
export function resetEnv(): void {
  cached = undefined;
}

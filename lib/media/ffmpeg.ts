/**
 * The one place that spawns ffmpeg and ffprobe: finds the binaries (shipped inside npm packages, or
 * AUTEUR_FFMPEG / AUTEUR_FFPROBE), keeps stderr for the error, kills the process on abort.
 * Arguments are always an array (never a shell string), so no text from a person reaches a shell.
 */
import { spawn } from "node:child_process";
import type { Writable } from "node:stream";
import { createRequire } from "node:module";
import path from "node:path";
import { AuteurError } from "../errors";
import { env } from "../env";
import { spawnHelperEnabled, startThroughHelper, type ProgramExit } from "./spawn-helper";

const require = createRequire(import.meta.url);

function shipped(scope: "@ffmpeg-installer" | "@ffprobe-installer", binary: string): string {
  const pkg = `${scope}/${process.platform}-${process.arch}/package.json`;
  try {
    return path.join(path.dirname(require.resolve(pkg)), binary);
  } catch {
    throw new AuteurError("internal", `No ${binary} binary for ${process.platform}-${process.arch}; set AUTEUR_${binary.toUpperCase()} to one.`);
  }
}

export function ffmpegPath(): string {
  return env().ffmpeg ?? shipped("@ffmpeg-installer", "ffmpeg");
}

export function ffprobePath(): string {
  return env().ffprobe ?? shipped("@ffprobe-installer", "ffprobe");
}

/** What callers hold of a running ffmpeg: its stdin (when it reads one) and kill. */
export interface FfmpegChild {
  stdin: Writable | null;
  kill(signal?: NodeJS.Signals): void;
}

export interface FfmpegProcess {
  child: FfmpegChild;
  /** Resolves with stderr when ffmpeg exits 0; rejects with an AuteurError holding stderr's tail. */
  done: Promise<string>;
}

const STDERR_KEEP = 64_000;

/** Start ffmpeg. Use `child.stdin` to stream input (raw frames, PCM) when args read from pipe:0. */
export function startFfmpeg(args: string[], options: { signal?: AbortSignal; stdin?: boolean; binary?: string } = {}): FfmpegProcess {
  const binary = options.binary ?? ffmpegPath();
  const { child, exited } = spawnHelperEnabled() ? throughHelper(binary, args, options.stdin === true) : startDirect(binary, args, options.stdin === true);
  const onAbort = () => child.kill("SIGKILL");
  options.signal?.addEventListener("abort", onAbort, { once: true });
  const done = exited.then(
    ({ code, signal, stdout, stderr }) => {
      options.signal?.removeEventListener("abort", onAbort);
      if (code === 0) return stdout || stderr;
      const tail = stderr.trim().split("\n").slice(-8).join("\n");
      throw new AuteurError("render_failed", `${path.basename(binary)} failed (${signal ?? `exit ${code}`}): ${tail}`);
    },
    (err: Error) => {
      options.signal?.removeEventListener("abort", onAbort);
      throw new AuteurError("render_failed", `${path.basename(binary)} could not start: ${err.message}`, { cause: err });
    },
  );
  // A process that exits before reading all stdin must not crash us with EPIPE.
  child.stdin?.on("error", () => {});
  return { child, done };
}

function throughHelper(binary: string, args: string[], stdin: boolean): { child: FfmpegChild; exited: Promise<ProgramExit> } {
  const program = startThroughHelper(binary, args, { stdin });
  return { child: program, exited: program.exited };
}

/** Spawn from this process, collecting stdout and the tail of stderr. */
function startDirect(binary: string, args: string[], stdin: boolean): { child: FfmpegChild; exited: Promise<ProgramExit> } {
  const child = spawn(binary, args, { stdio: [stdin ? "pipe" : "ignore", "pipe", "pipe"] });
  let stderr = "";
  let stdout = "";
  child.stderr!.setEncoding("utf8");
  child.stderr!.on("data", (d: string) => {
    stderr += d;
    if (stderr.length > STDERR_KEEP) stderr = stderr.slice(-STDERR_KEEP / 2);
  });
  child.stdout!.setEncoding("utf8");
  child.stdout!.on("data", (d: string) => {
    stdout += d;
  });
  const exited = new Promise<ProgramExit>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return { child: { stdin: child.stdin, kill: (signal) => void child.kill(signal) }, exited };
}

/** Run ffmpeg to completion. */
export async function runFfmpeg(args: string[], options: { signal?: AbortSignal } = {}): Promise<string> {
  return startFfmpeg(["-hide_banner", "-nostdin", "-y", ...args], options).done;
}

/** Write a chunk to a child's stdin, waiting when the pipe is full (so memory stays flat). */
export function writeChunk(child: Pick<FfmpegChild, "stdin">, chunk: Buffer | Uint8Array): Promise<void> {
  const stdin = child.stdin!;
  if (stdin.write(chunk)) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const onDrain = () => {
      cleanup();
      resolve();
    };
    const onClose = () => {
      cleanup();
      reject(new AuteurError("render_failed", "ffmpeg closed its input early"));
    };
    const cleanup = () => {
      stdin.off("drain", onDrain);
      stdin.off("close", onClose);
    };
    stdin.on("drain", onDrain);
    stdin.on("close", onClose);
  });
}

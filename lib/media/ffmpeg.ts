/**
 * The one place that spawns ffmpeg and ffprobe: finds the binaries (shipped inside npm packages, or
 * AUTEUR_FFMPEG / AUTEUR_FFPROBE), keeps stderr for the error, kills the process on abort.
 * Arguments are always an array (never a shell string), so no text from a person reaches a shell.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { AuteurError } from "../errors";
import { env } from "../env";

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

export interface FfmpegProcess {
  child: ChildProcess;
  /** Resolves with stderr when ffmpeg exits 0; rejects with an AuteurError holding stderr's tail. */
  done: Promise<string>;
}

/** Start ffmpeg. Use `child.stdin` to stream input (raw frames, PCM) when args read from pipe:0. */
export function startFfmpeg(args: string[], options: { signal?: AbortSignal; stdin?: boolean; binary?: string } = {}): FfmpegProcess {
  const binary = options.binary ?? ffmpegPath();
  const child = spawn(binary, args, { stdio: [options.stdin ? "pipe" : "ignore", "pipe", "pipe"] });
  let stderr = "";
  let stdout = "";
  child.stderr!.setEncoding("utf8");
  child.stderr!.on("data", (d: string) => {
    stderr += d;
    if (stderr.length > 64_000) stderr = stderr.slice(-32_000);
  });
  child.stdout!.setEncoding("utf8");
  child.stdout!.on("data", (d: string) => {
    stdout += d;
  });
  const onAbort = () => child.kill("SIGKILL");
  options.signal?.addEventListener("abort", onAbort, { once: true });
  const done = new Promise<string>((resolve, reject) => {
    child.on("error", (err) => reject(new AuteurError("render_failed", `${path.basename(binary)} could not start: ${err.message}`, { cause: err })));
    child.on("close", (code, signal) => {
      options.signal?.removeEventListener("abort", onAbort);
      if (code === 0) resolve(stdout || stderr);
      else {
        const tail = stderr.trim().split("\n").slice(-8).join("\n");
        reject(new AuteurError("render_failed", `${path.basename(binary)} failed (${signal ?? `exit ${code}`}): ${tail}`));
      }
    });
  });
  // A process that exits before reading all stdin must not crash us with EPIPE.
  child.stdin?.on("error", () => {});
  return { child, done };
}

/** Run ffmpeg to completion. */
export async function runFfmpeg(args: string[], options: { signal?: AbortSignal } = {}): Promise<string> {
  return startFfmpeg(["-hide_banner", "-nostdin", "-y", ...args], options).done;
}

/** Write a chunk to a child's stdin, waiting when the pipe is full (so memory stays flat). */
export function writeChunk(child: ChildProcess, chunk: Buffer | Uint8Array): Promise<void> {
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

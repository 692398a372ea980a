/**
 * Programs started through a small helper process (spawner.mjs) instead of from this one.
 *
 * A big Node process pays for every program it starts: fork copies its page tables, and a CPU child
 * holding a few hundred MB (canvases, audio buffers, V8's heap) blocked about 20 ms per start here, so
 * a 2-minute film's 60-odd ffmpeg runs cost over a second of a core. The helper, started once, holds
 * about 45 MB and starts them in about 1 ms. The program's stdin comes back over IPC as a socket this
 * process writes to itself, so frames and samples never pass through the helper.
 *
 * Opt-in per process (`useSpawnHelper`, the CPU children do); everything else spawns directly.
 */
import { fork, type ChildProcess } from "node:child_process";
import type { Socket } from "node:net";
import { Writable } from "node:stream";
import { fileURLToPath } from "node:url";

export interface ProgramExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** What the caller holds of a program started through the helper: its stdin, kill, and how it ended. */
export interface HelperProgram {
  stdin: Writable | null;
  kill(signal?: NodeJS.Signals): void;
  /** Resolves when the program has ended (however it ended); rejects if it could not be started. */
  exited: Promise<ProgramExit>;
}

interface Pending {
  /** The helper that started it. */
  helper: ChildProcess;
  started: (socket: Socket | undefined) => void;
  exit: (exit: ProgramExit) => void;
  fail: (error: Error) => void;
}

interface HelperMessage {
  id: number;
  started?: boolean;
  exit?: ProgramExit;
  error?: string;
}

let enabled = false;
let helper: ChildProcess | undefined;
let nextId = 1;
const pending = new Map<number, Pending>();

/** Start programs through the helper from now on (call once, early, in a long-lived process). */
export function useSpawnHelper(on = true): void {
  enabled = on;
  if (!on) void stopHelper();
}

export function spawnHelperEnabled(): boolean {
  return enabled;
}

/**
 * Stop the helper (its running programs are killed); resolves once it has exited, so its CPU time and
 * its programs' count as this process's children's. A later start makes a new one.
 */
export function stopHelper(): Promise<void> {
  const h = helper;
  helper = undefined;
  if (h) failAll(h, new Error("the spawn helper was stopped"));
  if (!h || h.exitCode !== null || h.signalCode !== null) return Promise.resolve();
  const exited = new Promise<void>((resolve) => h.once("exit", () => resolve()));
  if (h.connected) h.disconnect();
  else h.kill("SIGKILL");
  return exited;
}

/** Fail the programs that `h` started. */
function failAll(h: ChildProcess, error: Error): void {
  for (const [id, p] of pending) {
    if (p.helper !== h) continue;
    pending.delete(id);
    p.fail(error);
  }
}

function theHelper(): ChildProcess {
  if (helper && helper.connected) return helper;
  const entry = fileURLToPath(new URL("./spawner.mjs", import.meta.url));
  // No TypeScript loader and no inherited flags: the helper is plain JavaScript and must stay small.
  const h = fork(entry, [], { execArgv: [], stdio: ["ignore", "ignore", "inherit", "ipc"], serialization: "json" });
  helper = h;
  h.on("message", (msg: HelperMessage, handle?: unknown) => {
    const p = pending.get(msg.id);
    if (!p) {
      (handle as Socket | undefined)?.destroy();
      return;
    }
    if (msg.started) p.started(handle as Socket | undefined);
    else if (msg.exit) {
      pending.delete(msg.id);
      holdOpen(h);
      p.exit(msg.exit);
    } else if (msg.error !== undefined) {
      pending.delete(msg.id);
      holdOpen(h);
      p.fail(new Error(msg.error));
    }
  });
  h.on("exit", () => {
    if (helper === h) helper = undefined;
    failAll(h, new Error("the spawn helper exited"));
  });
  h.on("error", () => undefined);
  // The helper keeps this process alive only while one of its programs runs (see holdOpen).
  h.unref();
  channelOf(h)?.unref();
  return h;
}

function channelOf(h: ChildProcess): { ref(): void; unref(): void } | undefined {
  return (h as unknown as { channel?: { ref(): void; unref(): void } }).channel;
}

/** Hold this process open while programs run, as their own pipes would if spawned from here. */
function holdOpen(h: ChildProcess): void {
  if (pending.size) channelOf(h)?.ref();
  else channelOf(h)?.unref();
}

/**
 * A stdin that exists at once: writes wait (with backpressure, as a pipe's would) until the program's
 * socket has come back from the helper, then go straight to it.
 */
class DeferredStdin extends Writable {
  private socket: Socket | undefined;
  private waiting: (() => void)[] = [];
  private failed: Error | undefined;

  attach(socket: Socket): void {
    this.socket = socket;
    socket.on("error", (err) => this.destroy(err));
    socket.on("close", () => {
      if (!this.writableFinished) this.destroy();
    });
    for (const go of this.waiting.splice(0)) go();
  }

  fail(error: Error): void {
    this.failed = error;
    for (const go of this.waiting.splice(0)) go();
  }

  private whenReady(go: () => void): void {
    if (this.socket || this.failed) go();
    else this.waiting.push(go);
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    this.whenReady(() => {
      if (!this.socket) return callback(this.failed);
      this.socket.write(chunk, (err) => callback(err ?? null));
    });
  }

  override _final(callback: (error?: Error | null) => void): void {
    this.whenReady(() => {
      if (!this.socket) return callback(this.failed);
      this.socket.end(() => callback());
    });
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    this.socket?.destroy();
    callback(error);
  }
}

/** Start `binary` with `args` through the helper. */
export function startThroughHelper(binary: string, args: string[], options: { stdin: boolean }): HelperProgram {
  const h = theHelper();
  const id = nextId++;
  const stdin = options.stdin ? new DeferredStdin({ highWaterMark: 1 << 16 }) : null;
  const exited = new Promise<ProgramExit>((resolve, reject) => {
    pending.set(id, {
      helper: h,
      started: (socket) => {
        if (stdin && socket) stdin.attach(socket);
        else socket?.destroy();
      },
      exit: (exit) => {
        stdin?.fail(new Error("the program has exited"));
        resolve(exit);
      },
      fail: (error) => {
        stdin?.fail(error);
        stdin?.destroy();
        reject(error);
      },
    });
  });
  holdOpen(h);
  h.send({ id, start: { binary, args, stdin: options.stdin } });
  return {
    stdin,
    kill(signal: NodeJS.Signals = "SIGTERM") {
      // The helper reads its messages in order: the program exists by the time a kill arrives.
      if (pending.has(id) && h.connected) h.send({ id, kill: signal });
    },
    exited,
  };
}

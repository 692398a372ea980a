// The spawner: a small Node process that starts ffmpeg for a big one (see spawn-helper.ts).
//
// Starting a program from a process forks it first, and fork copies the page tables of the whole
// process: from a CPU child holding a few hundred MB that blocks for about 20 ms a start, from this
// process (about 45 MB, no application code) about 1 ms. Plain JavaScript, run without the TypeScript
// loader, so it stays that small.
//
// Messages from the parent: { id, start: { binary, args, stdin } } and { id, kill: signal }.
// Messages to the parent: { id, started: true } (with the program's stdin socket as the handle when it
// reads stdin), { id, exit: { code, signal, stdout, stderr } } and { id, error: message }.
// When the parent goes away, every program still running is killed and the spawner exits.
import { spawn } from "node:child_process";

const running = new Map();
const STDERR_KEEP = 64_000;

function send(message, handle) {
  if (!process.connected) return;
  process.send(message, handle, {}, (err) => { if (err) process.stderr.write(`spawner: ${err.message}\n`); });
}

function start(id, { binary, args, stdin }) {
  let child;
  try {
    child = spawn(binary, args, { stdio: [stdin ? "pipe" : "ignore", "pipe", "pipe"] });
  } catch (err) {
    send({ id, error: err instanceof Error ? err.message : String(err) });
    return;
  }
  running.set(id, child);
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8");
  child.stdout.on("data", (d) => {
    stdout += d;
  });
  child.stderr.setEncoding("utf8");
  child.stderr.on("data", (d) => {
    stderr += d;
    if (stderr.length > STDERR_KEEP) stderr = stderr.slice(-STDERR_KEEP / 2);
  });
  child.on("spawn", () => {
    // The parent writes to the program's stdin itself: the socket goes over with the message, and this
    // process's copy is closed once it has gone.
    send({ id, started: true }, stdin ? child.stdin : undefined);
  });
  child.on("error", (err) => {
    running.delete(id);
    send({ id, error: err.message });
  });
  child.on("close", (code, signal) => {
    if (!running.has(id)) return;
    running.delete(id);
    send({ id, exit: { code, signal, stdout, stderr } });
  });
}

process.on("message", (message) => {
  if (message.start) start(message.id, message.start);
  else if (message.kill) running.get(message.id)?.kill(message.kill);
});

process.on("disconnect", () => {
  for (const child of running.values()) child.kill("SIGKILL");
  process.exit(0);
});

/**
 * ffmpeg started through the spawn helper (what the CPU children do) behaves as ffmpeg started
 * directly: the same bytes from the same input on stdin, the same errors, kill on abort; and when the
 * process that asked is killed, its programs do not outlive it.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startFfmpeg, writeChunk } from "../../../lib/media/ffmpeg";
import { stopHelper, useSpawnHelper } from "../../../lib/media/spawn-helper";

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "auteur-spawn-helper-"));
});
afterEach(async () => {
  useSpawnHelper(false);
  await stopHelper();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** One second of a 440 Hz tone, stereo float PCM at 48 kHz. */
function tone(): Buffer {
  const pcm = new Float32Array(48000 * 2);
  for (let i = 0; i < 48000; i++) pcm[2 * i] = pcm[2 * i + 1] = 0.3 * Math.sin((2 * Math.PI * 440 * i) / 48000);
  return Buffer.from(pcm.buffer);
}

/** Encode the tone through ffmpeg's stdin to `out` (a bit-exact AAC stream). */
async function encode(out: string): Promise<void> {
  const ff = startFfmpeg(["-hide_banner", "-nostdin", "-y", "-f", "f32le", "-ar", "48000", "-ac", "2", "-i", "pipe:0", "-c:a", "aac", "-b:a", "128k", "-flags:a", "+bitexact", "-f", "adts", out], { stdin: true });
  const pcm = tone();
  for (let i = 0; i < pcm.length; i += 65536) await writeChunk(ff.child, pcm.subarray(i, i + 65536));
  ff.child.stdin!.end();
  await ff.done;
}

/** Pids of running ffmpeg processes whose arguments hold `marker`. */
function ffmpegsWith(marker: string): number[] {
  const pids: number[] = [];
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const cmd = readFileSync(`/proc/${name}/cmdline`, "utf8");
      const state = /State:\s+(\w)/.exec(readFileSync(`/proc/${name}/status`, "utf8"))?.[1];
      if (cmd.includes(marker) && cmd.includes("ffmpeg") && state !== "Z") pids.push(Number(name));
    } catch {
      // gone
    }
  }
  return pids;
}

async function waitFor(what: () => boolean, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (what()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return what();
}

describe("the spawn helper", () => {
  it("gives the same bytes as starting ffmpeg directly, and runs programs side by side", async () => {
    await encode(path.join(dir, "direct.adts"));
    useSpawnHelper();
    await Promise.all([encode(path.join(dir, "helper-1.adts")), encode(path.join(dir, "helper-2.adts"))]);
    const direct = readFileSync(path.join(dir, "direct.adts"));
    expect(direct.length).toBeGreaterThan(5000);
    expect(readFileSync(path.join(dir, "helper-1.adts")).equals(direct)).toBe(true);
    expect(readFileSync(path.join(dir, "helper-2.adts")).equals(direct)).toBe(true);
  });

  it("reports ffmpeg's own error and a program that cannot start", async () => {
    useSpawnHelper();
    const bad = startFfmpeg(["-hide_banner", "-i", path.join(dir, "no-such-input.wav"), "-f", "null", "-"]);
    await expect(bad.done).rejects.toThrow(/ffmpeg failed \(exit 1\):.*no-such-input\.wav/s);
    const missing = startFfmpeg(["-version"], { binary: path.join(dir, "no-such-ffmpeg") });
    await expect(missing.done).rejects.toThrow(/could not start/);
    // The helper goes on serving.
    await encode(path.join(dir, "after-errors.adts"));
    expect(readFileSync(path.join(dir, "after-errors.adts")).length).toBeGreaterThan(5000);
  });

  it("kills ffmpeg on abort, even while it waits for input", async () => {
    useSpawnHelper();
    const marker = path.join(dir, "aborted.adts");
    const abort = new AbortController();
    const ff = startFfmpeg(["-hide_banner", "-nostdin", "-y", "-f", "f32le", "-ar", "48000", "-ac", "2", "-i", "pipe:0", "-c:a", "aac", "-f", "adts", marker], { stdin: true, signal: abort.signal });
    await writeChunk(ff.child, tone());
    expect(await waitFor(() => ffmpegsWith(marker).length === 1, 5000)).toBe(true);
    abort.abort();
    await expect(ff.done).rejects.toThrow(/SIGKILL/);
    expect(ffmpegsWith(marker)).toEqual([]);
  });

  it("does not leave ffmpeg running when the process that started it is killed", async () => {
    const marker = path.join(dir, "orphan.adts");
    const script = path.join(dir, "starter.mts");
    const ffmpegModule = path.resolve("lib/media/ffmpeg.ts");
    const helperModule = path.resolve("lib/media/spawn-helper.ts");
    writeFileSync(
      script,
      [
        `import { startFfmpeg } from ${JSON.stringify(ffmpegModule)};`,
        `import { useSpawnHelper } from ${JSON.stringify(helperModule)};`,
        "useSpawnHelper();",
        // Ten minutes of silence in real time, reading no stdin: only a kill ends it early.
        `startFfmpeg(["-hide_banner", "-nostdin", "-y", "-re", "-f", "lavfi", "-i", "anullsrc", "-t", "600", "-metadata", ${JSON.stringify(`comment=${marker}`)}, "-f", "null", "-"]);`,
        "setInterval(() => {}, 1000);",
      ].join("\n"),
    );
    const starter = spawn(process.execPath, ["--import", "tsx", script], { stdio: "ignore" });
    try {
      expect(await waitFor(() => ffmpegsWith(marker).length === 1, 15_000)).toBe(true);
      starter.kill("SIGKILL");
      expect(await waitFor(() => ffmpegsWith(marker).length === 0, 5000)).toBe(true);
    } finally {
      starter.kill("SIGKILL");
    }
  }, 30_000);
});

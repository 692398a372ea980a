/**
 * Renders run nicer than the process that answers people: the pool's children, and the ffmpegs they
 * start, get a lower CPU priority, so web requests and the queue are served first on a busy machine.
 */
import { readdirSync, readFileSync } from "node:fs";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CpuPool } from "../../../lib/jobs/cpu-pool";
import { makeShotSpec } from "../render/make-shot-spec";

interface Proc {
  pid: number;
  ppid: number;
  comm: string;
  nice: number;
}

function procs(): Proc[] {
  const out: Proc[] = [];
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      const close = stat.lastIndexOf(")");
      // After the name: state(0) ppid(1) ... priority(15) nice(16)
      const f = stat.slice(close + 2).split(" ");
      out.push({ pid: Number(name), ppid: Number(f[1]), comm: stat.slice(stat.indexOf("(") + 1, close), nice: Number(f[16]) });
    } catch {
      // gone while we looked
    }
  }
  return out;
}

function descendants(root: number): Proc[] {
  const all = procs();
  const found: Proc[] = [];
  const stack = [root];
  while (stack.length) {
    const parent = stack.pop()!;
    for (const p of all) if (p.ppid === parent) found.push(p), stack.push(p.pid);
  }
  return found;
}

describe("the CPU pool's priority", () => {
  let dataDir = "";
  let pool: CpuPool;
  beforeAll(async () => {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "auteur-nice-"));
    pool = new CpuPool(1, { AUTEUR_DATA_DIR: dataDir }, undefined, 5);
  });
  afterAll(async () => {
    await pool.close();
    await fs.rm(dataDir, { recursive: true, force: true });
  });

  it("runs its children and their ffmpegs nicer than the app", async () => {
    const own = os.getPriority();
    const seen = new Map<number, Proc>();
    const sample = setInterval(() => {
      // Always keep the latest look: a process caught between fork and exec still has its parent's name.
      for (const p of descendants(process.pid)) seen.set(p.pid, p);
    }, 5);
    try {
      const outcome = await pool.run({ ...makeShotSpec({ seconds: 3 }), key: "e".repeat(64) });
      expect(outcome.meta.frames).toBe(72);
    } finally {
      clearInterval(sample);
    }
    const children = [...seen.values()].filter((p) => p.ppid === process.pid);
    const ffmpegs = [...seen.values()].filter((p) => p.comm.startsWith("ffmpeg"));
    expect(children.length).toBeGreaterThan(0);
    expect(ffmpegs.length).toBeGreaterThan(0);
    for (const p of [...children, ...ffmpegs]) expect(p.nice).toBe(Math.min(19, own + 5));
  });

  it("gives an idle child to the most urgent of stages that arrive together", async () => {
    const children = () => descendants(process.pid).filter((p) => p.ppid === process.pid).map((p) => p.pid);
    const before = children();
    const gathering = new CpuPool(1, { AUTEUR_DATA_DIR: dataDir }, undefined, 0, 50);
    try {
      // Warming resolves once the child has loaded its modules: it is there, waiting for work.
      await gathering.warm();
      expect(children().filter((pid) => !before.includes(pid))).toHaveLength(1);
      const order: string[] = [];
      const run = (name: string, key: string, priority: number) =>
        gathering.run({ ...makeShotSpec({ seconds: 0.5 }), key: key.repeat(64) }, undefined, priority).then(() => order.push(name));
      // The less urgent arrives first, the more urgent 5 ms later: the child still goes to the urgent one.
      const first = run("later shot", "a", 10);
      await new Promise((r) => setTimeout(r, 5));
      const second = run("opening shot", "b", 20);
      await Promise.all([first, second]);
      expect(order).toEqual(["opening shot", "later shot"]);
    } finally {
      await gathering.close();
    }
  });
});

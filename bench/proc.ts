/**
 * What the benchmarks read about processes from /proc (Linux): each process's parent, name, resident
 * memory and CPU time, and a process's descendants. The benchmarks use it to charge CPU and memory to
 * the parts they run (the app, workers, their children and ffmpegs, the database server).
 */
import { readdirSync, readFileSync } from "node:fs";

const PAGE = 4096;
/** Clock ticks per second of /proc's CPU times (USER_HZ, 100 on Linux). */
const TICKS = 100;

export interface ProcInfo {
  pid: number;
  ppid: number;
  comm: string;
  rssBytes: number;
  /** CPU seconds of the process itself (user + system). */
  cpuSeconds: number;
  /** CPU seconds of its children that ended and were waited for. */
  childrenCpuSeconds: number;
}

/** Parse one /proc/<pid>/stat line (the name may hold spaces and parentheses). */
export function parseStat(pid: number, stat: string): ProcInfo {
  const close = stat.lastIndexOf(")");
  const comm = stat.slice(stat.indexOf("(") + 1, close);
  // fields after the name: state(0) ppid(1) ... utime(11) stime(12) cutime(13) cstime(14) ... rss(21)
  const f = stat.slice(close + 2).split(" ");
  return {
    pid,
    ppid: Number(f[1]),
    comm,
    rssBytes: Number(f[21]) * PAGE,
    cpuSeconds: (Number(f[11]) + Number(f[12])) / TICKS,
    childrenCpuSeconds: (Number(f[13]) + Number(f[14])) / TICKS,
  };
}

/** Every process now (those that end while we look are skipped). */
export function readProcs(): ProcInfo[] {
  const out: ProcInfo[] = [];
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      out.push(parseStat(Number(name), readFileSync(`/proc/${name}/stat`, "utf8")));
    } catch {
      // the process ended while we looked
    }
  }
  return out;
}

/** The descendants of `root` among `procs` (children, grandchildren...). */
export function descendants(root: number, procs: readonly ProcInfo[]): ProcInfo[] {
  const byParent = new Map<number, ProcInfo[]>();
  for (const p of procs) byParent.set(p.ppid, [...(byParent.get(p.ppid) ?? []), p]);
  const found: ProcInfo[] = [];
  const stack = [root];
  while (stack.length) {
    for (const child of byParent.get(stack.pop()!) ?? []) {
      found.push(child);
      stack.push(child.pid);
    }
  }
  return found;
}

/**
 * CPU seconds of a process tree so far: the root and every live descendant, each with its ended and
 * waited-for children. A descendant that ended is counted through its parent's children time.
 */
export function treeCpuSeconds(root: number, procs: readonly ProcInfo[]): number {
  const self = procs.find((p) => p.pid === root);
  if (!self) return 0;
  return [self, ...descendants(root, procs)].reduce((sum, p) => sum + p.cpuSeconds + p.childrenCpuSeconds, 0);
}

/**
 * The hottest functions of a V8 .cpuprofile (node --cpu-prof): self time per function and, to see what
 * a time sink belongs to, per package or source folder. Used by `bench:load -- --profile`.
 */
import { readFileSync } from "node:fs";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

export interface ProfileSummary {
  totalMs: number;
  functions: { name: string; where: string; selfMs: number }[];
  places: { where: string; selfMs: number }[];
}

/** Where a script belongs: "node_modules/<package>", a source folder, "(native)" or "(idle)". */
export function placeOf(url: string, functionName: string): string {
  if (functionName === "(idle)" || functionName === "(program)" || functionName === "(garbage collector)") return functionName;
  if (!url) return "(native)";
  const modules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (modules) return `node_modules/${modules[1]}`;
  if (url.startsWith("node:")) return "node:internal";
  const chunk = /\.next\/server\/chunks\//.exec(url);
  if (chunk) return ".next/server/chunks (app bundle)";
  return url.replace(/^file:\/\//, "").split("/").slice(-2, -1)[0] ?? url;
}

export function summarizeProfile(file: string, top = 15): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, "utf8")) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
  const functions = new Map<string, { name: string; where: string; selfMs: number }>();
  const places = new Map<string, number>();
  for (const [id, ms] of self) {
    const node = byId.get(id);
    if (!node) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    const where = placeOf(url, functionName);
    const key = `${functionName}@${url}:${lineNumber}`;
    const entry = functions.get(key) ?? { name: functionName || "(anonymous)", where: `${url.split("/").slice(-2).join("/")}:${lineNumber + 1}`, selfMs: 0 };
    entry.selfMs += ms;
    functions.set(key, entry);
    places.set(where, (places.get(where) ?? 0) + ms);
  }
  return {
    totalMs: (profile.endTime - profile.startTime) / 1000,
    functions: [...functions.values()].sort((a, b) => b.selfMs - a.selfMs).slice(0, top),
    places: [...places].map(([where, selfMs]) => ({ where, selfMs })).sort((a, b) => b.selfMs - a.selfMs).slice(0, top),
  };
}

export function formatProfile(summary: ProfileSummary): string {
  const pct = (ms: number) => `${((100 * ms) / summary.totalMs).toFixed(1)}%`.padStart(6);
  return [
    `profile: ${(summary.totalMs / 1000).toFixed(1)} s`,
    "self time by place:",
    ...summary.places.map((p) => `  ${pct(p.selfMs)}  ${p.where}`),
    "hottest functions (self time):",
    ...summary.functions.map((f) => `  ${pct(f.selfMs)}  ${f.name}  ${f.where}`),
  ].join("\n");
}

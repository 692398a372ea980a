/**
 * npm run bench:render [-- --seconds 30,120 --size 720p|1080p|4k --pool 2 --preset veryfast]
 *
 * The built-in pipeline's speed, measured for real: for each film length, the offline writer writes a
 * fixed idea, the planner plans it, and every stage (speak-line -> render-shot + score-scene ->
 * mix-shot -> stitch-cut) runs through a CpuPool of child processes in a fresh data folder, in the
 * worker's dependency and priority order. Then ffmpeg encodes the same shots' frames alone (each shot's
 * first drawn frames looped to its length, piped from memory with the renderer's exact arguments, with
 * the same parallelism), so the ratio says how much drawing adds on top of encoding.
 *
 * Prints, per length: film seconds per wall second (whole pipeline), the render-shot time and the
 * encode-only time of the same frames and their ratio, CPU seconds of the whole process tree, and the
 * peak memory of the children and of ffmpeg (sampled from /proc), which should not grow with length.
 * Not a test: figures depend on the machine and its load (printed too).
 */
import { readFileSync } from "node:fs";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { assetDir, setAssetsRoot } from "../lib/assets/store";
import { CpuPool, type StageOutcome } from "../lib/jobs/cpu-pool";
import { priorityFor, QUEUES } from "../lib/jobs/queues";
import { startFfmpeg, writeChunk } from "../lib/media/ffmpeg";
import { VIDEO_SIZES, type FrameSize } from "../lib/media/video-format";
import { planCut, planVoices } from "../lib/plan/plan-cut";
import type { ShotSpec, SpeechMeta, StageSpec } from "../lib/plan/specs";
import { makeCanvas } from "../lib/render/canvas-util";
import { drawFrame } from "../lib/render/draw-frame";
import { prepareShot } from "../lib/render/prepare-shot";
import { renderShotArgs } from "../lib/render/render-shot-args";
import { writeScreenplay } from "../lib/writer";
import { descendants, parseStat, readProcs } from "./proc";

interface Options {
  lengths: number[];
  size: keyof typeof VIDEO_SIZES;
  pool: number;
  preset?: string;
  captions: boolean;
}

function parseOptions(argv: string[]): Options {
  const opts: Options = { lengths: [30, 120], size: "720p", pool: 2, captions: false };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    const value = argv[i + 1];
    const need = () => {
      if (value === undefined) throw new Error(`${flag} needs a value`);
      i++;
      return value;
    };
    if (flag === "--seconds") opts.lengths = need().split(",").map((s) => Number(s));
    else if (flag === "--size") opts.size = need().toLowerCase() as Options["size"];
    else if (flag === "--pool") opts.pool = Number(need());
    else if (flag === "--preset") opts.preset = need();
    else if (flag === "--captions") opts.captions = true;
    else throw new Error(`unknown option ${flag} (use --seconds 30,120 --size 720p|1080p|4k --pool 2 --preset veryfast --captions)`);
  }
  if (!opts.lengths.length || opts.lengths.some((n) => !Number.isFinite(n) || n < 10)) throw new Error("--seconds takes lengths of 10 seconds or more, e.g. 30,120");
  if (!(opts.size in VIDEO_SIZES)) throw new Error(`--size is one of ${Object.keys(VIDEO_SIZES).join(", ")}`);
  if (!Number.isInteger(opts.pool) || opts.pool < 1 || opts.pool > 16) throw new Error("--pool is a whole number from 1 to 16");
  return opts;
}

/** The fixed idea: a heist at night in the rain (weather, neon, two characters, dialogue, camera moves, grain). */
function ideaOf(seconds: number): string {
  return (
    `A ${Math.round(seconds)}-second heist thriller: Juno, a sharp-tongued safecracker with red curls, and Okafor, a weary ex-cop with a scar, ` +
    "break into a neon-lit casino vault on a rainy night. Open on the rain-soaked city street. The climax: the vault alarm. End with them splitting the money on a rooftop at dawn."
  );
}

// ---- process tree sampling (/proc) -------------------------------------------------------------

/** Stage kinds running right now (the sampler charges each sample's largest child to them). */
const runningStages = new Map<string, number>();

interface MemoryPeaks {
  /** Largest sum of RSS over every descendant (children + their ffmpegs) at one instant. */
  treeBytes: number;
  /** Largest RSS of one Node child (VmHWM read at the end, and samples). */
  childBytes: number;
  /** Largest RSS of one ffmpeg. */
  ffmpegBytes: number;
  samples: number;
  /** Largest Node child RSS seen while a stage of this kind ran (exact with one lane). */
  byStage: Record<string, number>;
}

function startSampler(everyMs: number): { stop: () => MemoryPeaks; peaks: MemoryPeaks } {
  const peaks: MemoryPeaks = { treeBytes: 0, childBytes: 0, ffmpegBytes: 0, samples: 0, byStage: {} };
  const sample = () => {
    const tree = descendants(process.pid, readProcs());
    let total = 0;
    let child = 0;
    for (const p of tree) {
      total += p.rssBytes;
      if (p.comm.startsWith("ffmpeg")) peaks.ffmpegBytes = Math.max(peaks.ffmpegBytes, p.rssBytes);
      else if (p.comm.startsWith("node")) child = Math.max(child, p.rssBytes);
    }
    peaks.childBytes = Math.max(peaks.childBytes, child);
    for (const [stage, n] of runningStages) if (n > 0) peaks.byStage[stage] = Math.max(peaks.byStage[stage] ?? 0, child);
    peaks.treeBytes = Math.max(peaks.treeBytes, total);
    peaks.samples++;
  };
  const timer = setInterval(sample, everyMs);
  return {
    peaks,
    stop: () => {
      clearInterval(timer);
      sample();
      return peaks;
    },
  };
}

/** Peak RSS (VmHWM) of each Node child still alive. */
function childHighWater(): number {
  let max = 0;
  for (const p of descendants(process.pid, readProcs())) {
    if (!p.comm.startsWith("node")) continue;
    try {
      const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${p.pid}/status`, "utf8"));
      if (m) max = Math.max(max, Number(m[1]) * 1024);
    } catch {
      // gone
    }
  }
  return max;
}

/** CPU seconds of this process and of its waited-for descendants (children count once they exit). */
function cpuSeconds(): { self: number; children: number } {
  const me = parseStat(process.pid, readFileSync("/proc/self/stat", "utf8"));
  return { self: me.cpuSeconds, children: me.childrenCpuSeconds };
}

// ---- a small priority scheduler in the worker's order ----------------------------------------------

interface Task {
  id: string;
  spec: StageSpec;
  priority: number;
  deps: string[];
}

interface Done {
  stage: StageSpec["stage"];
  outcome: StageOutcome;
  startMs: number;
  endMs: number;
  /** CPU seconds the children spent on it (only known with one lane: all the children's CPU is its). */
  cpu?: number;
}

/** CPU seconds of every Node child so far, their finished ffmpegs included (utime+stime+cutime+cstime). */
function childrenCpu(): number {
  let total = 0;
  for (const p of descendants(process.pid, readProcs())) if (p.comm.startsWith("node")) total += p.cpuSeconds + p.childrenCpuSeconds;
  return total;
}

/** Run tasks through the pool, at most `lanes` at a time, highest priority first among those whose deps are done. */
async function runTasks(pool: CpuPool, lanes: number, tasks: Task[], t0: number): Promise<Map<string, Done>> {
  const done = new Map<string, Done>();
  const waiting = new Set(tasks);
  let running = 0;
  return new Promise((resolve, reject) => {
    const pump = () => {
      if (!waiting.size && !running) return resolve(done);
      const ready = [...waiting].filter((t) => t.deps.every((d) => done.has(d))).sort((a, b) => b.priority - a.priority);
      while (running < lanes && ready.length) {
        const task = ready.shift()!;
        waiting.delete(task);
        running++;
        const startMs = performance.now() - t0;
        const cpu0 = lanes === 1 ? childrenCpu() : 0;
        const stage = task.spec.stage;
        runningStages.set(stage, (runningStages.get(stage) ?? 0) + 1);
        pool
          .run(task.spec)
          .then((outcome) => {
            runningStages.set(stage, runningStages.get(stage)! - 1);
            const cpu = lanes === 1 ? childrenCpu() - cpu0 : undefined;
            done.set(task.id, { stage: task.spec.stage, outcome, startMs, endMs: performance.now() - t0, cpu });
            running--;
            pump();
          })
          .catch(reject);
      }
      if (!running && waiting.size) reject(new Error(`tasks can never run (missing deps): ${[...waiting].map((t) => t.id).join(", ")}`));
    };
    pump();
  });
}

// ---- one film through the whole pipeline -------------------------------------------------------------

interface PipelineResult {
  filmSeconds: number;
  shots: number;
  scenes: number;
  lines: number;
  wallSeconds: number;
  cpuSeconds: number;
  byStage: Record<string, { count: number; ms: number; cpu?: number }>;
  renders: { spec: ShotSpec; ms: number; drawMs: number }[];
  memory: MemoryPeaks;
  /** The film's sound made again on its own (speak, score, mix through the pool's lanes): wall seconds. */
  audioAloneSeconds: number;
}

async function runPipeline(seconds: number, opts: Options, size: FrameSize): Promise<PipelineResult> {
  const { screenplay } = writeScreenplay(ideaOf(seconds));
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "auteur-bench-render-"));
  setAssetsRoot(path.join(dataDir, "assets"));
  const childEnv: Record<string, string> = { AUTEUR_DATA_DIR: dataDir };
  if (opts.preset) childEnv.AUTEUR_X264_PRESET = opts.preset;
  const pool = new CpuPool(opts.pool, childEnv);
  try {
    // Children are long-lived in the worker: start them (and load their modules) before the clock runs.
    const sample = planVoices(screenplay)[0]!;
    await Promise.all(Array.from({ length: opts.pool }, (_, i) => pool.run({ ...sample, text: "Warming up.", key: (i % 16).toString(16).repeat(64) })));

    const cpu0 = cpuSeconds();
    const sampler = startSampler(200);
    const t0 = performance.now();

    // 1. speech (highest priority in the worker), every distinct line once
    const voices = [...new Map(planVoices(screenplay).map((v) => [v.key, v])).values()];
    const lineIndex = new Map<string, number>();
    voices.forEach((v, i) => lineIndex.set(v.key, i));
    const speechDone = await runTasks(
      pool,
      opts.pool,
      voices.map((v) => ({ id: v.key, spec: v, priority: priorityFor(lineIndex.get(v.key) ?? 0, QUEUES.speakLine), deps: [] })),
      t0,
    );
    const speech = new Map<string, SpeechMeta>();
    for (const [key, d] of speechDone) speech.set(key, d.outcome.meta as unknown as SpeechMeta);

    // 2. plan, then beds + renders -> mixes -> stitch
    const plan = planCut(screenplay, { speech, failures: new Map() }, { captions: opts.captions });
    if (!plan.stitch) throw new Error("the plan has no stitch: some scene was not planned");
    const tasks = new Map<string, Task>();
    const add = (t: Task) => {
      if (!tasks.has(t.id)) tasks.set(t.id, t);
    };
    const renders: ShotSpec[] = [];
    for (const scene of plan.scenes) {
      if (!scene) throw new Error("a scene was not planned");
      if (scene.sound) add({ id: scene.sound.key, spec: scene.sound, priority: priorityFor(scene.shots[0]?.index ?? 0, QUEUES.scoreScene), deps: [] });
      for (const shot of scene.shots) {
        const render: ShotSpec = { ...shot.render, width: size.width, height: size.height };
        renders.push(render);
        add({ id: render.key, spec: render, priority: priorityFor(shot.index, QUEUES.renderShot), deps: [] });
        add({ id: shot.mix.key, spec: shot.mix, priority: priorityFor(shot.index, QUEUES.mixShot), deps: [render.key, ...(scene.sound ? [scene.sound.key] : [])] });
      }
    }
    add({ id: plan.stitch.key, spec: plan.stitch, priority: 0, deps: plan.stitch.segments.map((s) => s.mixKey) });
    const done = await runTasks(pool, opts.pool, [...tasks.values()], t0);
    const wallSeconds = (performance.now() - t0) / 1000;
    const memory = sampler.stop();
    memory.childBytes = Math.max(memory.childBytes, childHighWater());
    await pool.close();
    const cpu1 = cpuSeconds();
    const audioAloneSeconds = await audioAlone(dataDir, voices, [...tasks.values()].filter((t) => t.spec.stage === "score-scene" || t.spec.stage === "mix-shot"), renders, opts);

    const byStage: PipelineResult["byStage"] = {};
    for (const d of [...speechDone.values(), ...done.values()]) {
      const s = (byStage[d.stage] ??= { count: 0, ms: 0 });
      s.count++;
      s.ms += d.endMs - d.startMs;
      if (d.cpu !== undefined) s.cpu = (s.cpu ?? 0) + d.cpu;
    }
    const frames = plan.stitch.segments.reduce((n, s) => n + s.frames, 0);
    return {
      filmSeconds: frames / 24,
      shots: plan.stitch.segments.length,
      scenes: plan.scenes.length,
      lines: voices.length,
      wallSeconds,
      cpuSeconds: cpu1.self - cpu0.self + (cpu1.children - cpu0.children),
      byStage,
      renders: renders.map((spec) => {
        const d = done.get(spec.key)!;
        return { spec, ms: d.endMs - d.startMs, drawMs: Number(d.outcome.meta.drawMs ?? 0) };
      }),
      memory,
      audioAloneSeconds,
    };
  } finally {
    await pool.close();
    setAssetsRoot(undefined);
    await fs.rm(dataDir, { recursive: true, force: true });
  }
}

// ---- audio alone: the film's sound made again with nothing else running ----------------------------

/**
 * Speech, beds and mixes of the film made again in a fresh data folder, through a pool with the same
 * lanes, with nothing else on the machine: how fast this machine makes a film's sound (issue #5). The
 * shots' videos are linked in from the pipeline's folder (a mix copies its shot's video stream).
 */
async function audioAlone(fromDir: string, voices: ReturnType<typeof planVoices>, tasks: Task[], renders: ShotSpec[], opts: Options): Promise<number> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "auteur-bench-audio-"));
  const from = path.join(fromDir, "assets");
  const to = path.join(dataDir, "assets");
  try {
    for (const r of renders) {
      const rel = path.relative(from, assetDir(r.key)); // the pipeline's folder is the assets root still
      await fs.mkdir(path.join(to, rel), { recursive: true });
      for (const name of await fs.readdir(path.join(from, rel))) await fs.link(path.join(from, rel, name), path.join(to, rel, name));
    }
    setAssetsRoot(to);
    const pool = new CpuPool(opts.pool, { AUTEUR_DATA_DIR: dataDir });
    try {
      const sample = voices[0]!;
      await Promise.all(Array.from({ length: opts.pool }, (_, i) => pool.run({ ...sample, text: "Warming up.", key: (i % 16).toString(16).repeat(64) })));
      const t0 = performance.now();
      await runTasks(pool, opts.pool, voices.map((v, i) => ({ id: v.key, spec: v, priority: priorityFor(i, QUEUES.speakLine), deps: [] })), t0);
      // The renders are there already: a mix waits only for its scene's bed.
      await runTasks(pool, opts.pool, tasks.map((t) => ({ ...t, deps: t.deps.filter((d) => tasks.some((u) => u.id === d)) })), t0);
      return (performance.now() - t0) / 1000;
    } finally {
      await pool.close();
    }
  } finally {
    await fs.rm(dataDir, { recursive: true, force: true });
  }
}

// ---- encode-only: the same frames, no drawing ------------------------------------------------------

/** How many distinct drawn frames are looped per shot (grain changes every 2 frames; 1 s of them). */
function loopFrames(size: FrameSize): number {
  return size.width * size.height > 1920 * 1080 ? 8 : 24;
}

async function encodeOnly(renders: ShotSpec[], lanes: number, preset: string | undefined, size: FrameSize): Promise<{ wallSeconds: number; sumSeconds: number; cpuSeconds: number }> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "auteur-bench-encode-"));
  const cpu0 = cpuSeconds();
  let sumMs = 0;
  let next = 0;
  const t0 = performance.now();
  const lane = async (n: number) => {
    for (let i = next++; i < renders.length; i = next++) {
      const spec = renders[i]!;
      // Representative frames, drawn before the clock starts for this shot.
      const shot = prepareShot(spec);
      const { canvas, ctx } = makeCanvas(spec.width, spec.height);
      const frames: Buffer[] = [];
      for (let f = 0; f < Math.min(spec.frames, loopFrames(size)); f++) {
        drawFrame(ctx, shot, f);
        frames.push(canvas.data());
      }
      const t = performance.now();
      const ff = startFfmpeg(renderShotArgs(spec, path.join(dir, `${n}.mp4`), { preset }), { stdin: true });
      for (let f = 0; f < spec.frames; f++) await writeChunk(ff.child, frames[f % frames.length]!);
      ff.child.stdin!.end();
      await ff.done;
      sumMs += performance.now() - t;
    }
  };
  try {
    await Promise.all(Array.from({ length: lanes }, (_, n) => lane(n)));
    const cpu1 = cpuSeconds();
    return { wallSeconds: (performance.now() - t0) / 1000, sumSeconds: sumMs / 1000, cpuSeconds: cpu1.children - cpu0.children };
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

// ---- main ------------------------------------------------------------------------------------

const mib = (b: number) => `${(b / 1048576).toFixed(0)} MiB`;

async function main() {
  const opts = parseOptions(process.argv.slice(2));
  const size = VIDEO_SIZES[opts.size];
  const load0 = os.loadavg();
  console.log(`bench:render  size=${opts.size} (${size.width}x${size.height}) pool=${opts.pool} preset=${opts.preset ?? "default (AUTEUR_X264_PRESET or veryfast)"} cores=${os.cpus().length} load=${load0.map((l) => l.toFixed(2)).join(" ")}`);
  const rows: string[][] = [];
  for (const seconds of opts.lengths) {
    const run = await runPipeline(seconds, opts, size);
    const enc = await encodeOnly(
      run.renders.map((r) => r.spec),
      opts.pool,
      opts.preset,
      size,
    );
    const renderSum = run.renders.reduce((s, r) => s + r.ms, 0) / 1000;
    const drawSum = run.renders.reduce((s, r) => s + r.drawMs, 0) / 1000;
    const stages = Object.entries(run.byStage)
      .map(([k, v]) => `${k} ${v.count}x ${(v.ms / 1000).toFixed(1)}s${v.cpu !== undefined ? ` (CPU ${v.cpu.toFixed(1)}s)` : ""}`)
      .join(", ");
    console.log(
      `\nfilm ${run.filmSeconds.toFixed(1)} s (${run.scenes} scenes, ${run.shots} shots, ${run.lines} lines): wall ${run.wallSeconds.toFixed(1)} s, CPU ${run.cpuSeconds.toFixed(1)} s, load ${os.loadavg()[0]!.toFixed(2)}`,
    );
    console.log(`  stage time (summed over lanes): ${stages}; drawing inside render-shot ${drawSum.toFixed(1)}s`);
    // Issue #5: audio at least 20x faster than real time (CPU with one lane, else stage time).
    const audio = ["speak-line", "score-scene", "mix-shot"].map((k) => run.byStage[k] ?? { count: 0, ms: 0, cpu: 0 });
    const audioCpu = audio.every((s) => s.cpu !== undefined);
    const audioSec = audio.reduce((sum, s) => sum + (audioCpu ? s.cpu! : s.ms / 1000), 0);
    console.log(`  audio (speak, score, mix): ${(run.filmSeconds / audioSec).toFixed(1)}x real time, one core (${audioCpu ? "CPU" : "stage time"} ${audioSec.toFixed(1)} s; target >= 20x)`);
    console.log(`  audio alone (speak, score, mix made again with nothing else running, ${opts.pool} lane${opts.pool > 1 ? "s" : ""}): wall ${run.audioAloneSeconds.toFixed(1)} s, ${(run.filmSeconds / run.audioAloneSeconds).toFixed(1)}x real time`);
    console.log(`  encode-only of the same ${Math.round(run.filmSeconds * 24)} frames: wall ${enc.wallSeconds.toFixed(1)} s, summed ${enc.sumSeconds.toFixed(1)} s, ffmpeg CPU ${enc.cpuSeconds.toFixed(1)} s`);
    console.log(`  peak memory: tree ${mib(run.memory.treeBytes)}, one Node child ${mib(run.memory.childBytes)}, one ffmpeg ${mib(run.memory.ffmpegBytes)} (${run.memory.samples} samples)`);
    console.log(`  largest child while each stage ran${opts.pool > 1 ? " (any of the children)" : ""}: ${Object.entries(run.memory.byStage).map(([k, v]) => `${k} ${mib(v)}`).join(", ")}`);
    rows.push([
      run.filmSeconds.toFixed(1),
      (run.filmSeconds / run.wallSeconds).toFixed(2),
      (run.filmSeconds / (run.cpuSeconds / os.cpus().length)).toFixed(2),
      renderSum.toFixed(1),
      enc.sumSeconds.toFixed(1),
      (renderSum / enc.sumSeconds).toFixed(2),
      mib(run.memory.childBytes),
      mib(run.memory.ffmpegBytes),
      mib(run.memory.treeBytes),
    ]);
  }
  const head = ["film s", "film s / wall s", "film s / (CPU s / cores)", "render-shot s", "encode-only s", "render / encode", "peak child", "peak ffmpeg", "peak tree"];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const fmt = (r: string[]) => r.map((c, i) => c.padStart(widths[i]!)).join("  ");
  console.log(`\n${fmt(head)}\n${rows.map(fmt).join("\n")}`);
  console.log(`load average before ${load0[0]!.toFixed(2)}, after ${os.loadavg()[0]!.toFixed(2)} (1 min; ${os.cpus().length} cores)`);
  console.log("targets: film s / wall s >= 4 (720p, 2 cores); render / encode <= 1.5; peak memory flat with length");
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

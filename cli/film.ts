/**
 * The scriptable main job.
 *   npm run film -- "<idea>" [--out film.mp4] [--json]
 *   npm run film -- --film <filmId> "<message>" [--target shot:<id>] [--out film.mp4] [--json]
 * Progress goes to stderr; with --json, stdout is one JSON object.
 */
import fs from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { AuteurError, toAuteurError } from "../lib/errors";
import { createFilm, getCutFile, getFilm, sendMessage, waitForCut, type Target } from "../lib/film/service";
import type { CutView } from "../lib/film/views";
import { LOCAL_USER, startRuntime } from "../lib/runtime";
import { getLabelledFilmFile } from "../lib/provenance/labelled-film";

const USAGE = `Usage:
  npm run film -- "<idea>" [--out film.mp4] [--json]
  npm run film -- --film <filmId> "<message>" [--target shot:<id>] [--out film.mp4] [--json]`;

function slug(text: string): string {
  return (
    text
      .normalize("NFKD")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 48) || "film"
  );
}

function parseTarget(value: string | undefined): Target | undefined {
  if (!value) return undefined;
  const m = /^(shot|scene|line|act):(.+)$/.exec(value);
  if (!m) throw new AuteurError("invalid_input", `--target must look like shot:<id>, scene:<id>, line:<id> or act:<id>`);
  return { kind: m[1] as Target["kind"], id: m[2]! };
}

function progressLine(view: CutView): string {
  const done = view.shots.filter((s) => s.status === "done").length;
  const failed = view.shotsFailed;
  const rendering = view.shots.filter((s) => s.status === "rendering").length;
  return `[${String(Math.round(view.progress * 100)).padStart(3)}%] shots ${done}/${view.shots.length} done, ${rendering} rendering${failed ? `, ${failed} failed` : ""}`;
}

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({
      allowPositionals: true,
      options: {
        out: { type: "string" },
        json: { type: "boolean", default: false },
        film: { type: "string" },
        target: { type: "string" },
        "no-worker": { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (err) {
    console.error(`${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = args;
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const text = positionals.join(" ");
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const started = Date.now();
  const rt = await startRuntime({ embeddedWorker: !values["no-worker"], log: (l) => log(`  ${l}`) });
  try {
    const ownerId = LOCAL_USER.id;
    let filmId: string;
    let cutId: string;
    if (values.film) {
      log(`Sending to film ${values.film}: ${text.slice(0, 80)}`);
      const sent = await sendMessage({ ownerId, filmId: values.film, message: text, target: parseTarget(values.target) });
      log(sent.summary);
      if (!sent.cutId) {
        if (values.json) console.log(JSON.stringify({ filmId: values.film, cutId: null, summary: sent.summary }));
        return 0;
      }
      filmId = values.film;
      cutId = sent.cutId;
    } else {
      log("Writing the screenplay...");
      ({ filmId, cutId } = await createFilm({ ownerId, idea: text }));
    }
    let last = "";
    let announced = false;
    const view = await waitForCut({
      ownerId,
      cutId,
      onProgress: (v) => {
        if (!announced) {
          announced = true;
          log(`Film ${filmId}, cut ${cutId}: ${v.shots.length} shots. ${v.notes.join(" ")}`.trim());
        }
        const line = progressLine(v);
        if (line !== last) log((last = line));
      },
    });
    if (view.status !== "complete") throw new AuteurError("render_failed", view.error ?? "The film could not be made.");
    const film = await getLabelledFilmFile({ ownerId, cutId });
    const srt = await getCutFile({ ownerId, cutId, name: "film.srt" });
    const { title } = await getFilm({ ownerId, filmId, cutId });
    const target = path.resolve(values.out ?? path.join("out", `${slug(title)}.mp4`));
    await fs.mkdir(path.dirname(target), { recursive: true });
    await fs.copyFile(film.path, target);
    const subtitles = target.replace(/\.mp4$/i, "") + ".srt";
    await fs.copyFile(srt.path, subtitles);
    const failedShots = view.shots.filter((s) => s.status === "failed");
    for (const s of failedShots) log(`shot ${s.shotId} failed: ${s.error}`);
    log(`Done in ${((Date.now() - started) / 1000).toFixed(1)} s: ${target} (${view.durationSeconds?.toFixed(1)} s of film, ${view.shotsRendered} shots rendered, ${view.shotsReused} reused)`);
    if (values.json)
      console.log(
        JSON.stringify({
          filmId,
          cutId,
          durationSeconds: view.durationSeconds,
          shots: view.shots.length,
          shotsRendered: view.shotsRendered,
          shotsReused: view.shotsReused,
          shotsFailed: failedShots.length,
          failures: failedShots.map((s) => ({ shotId: s.shotId, error: s.error })),
          notes: view.notes,
          outputs: { film: target, subtitles },
        }),
      );
    return 0;
  } finally {
    await rt.stop();
  }
}

main()
  .then((code) => process.exit(code))
  .catch((err) => {
    const e = toAuteurError(err);
    process.stderr.write(`Error (${e.code}): ${e.message}\n`);
    process.exit(e.code === "invalid_input" || e.code === "limit_exceeded" ? 2 : 1);
  });

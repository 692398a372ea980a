/**
 * Streaming playback of a cut while it renders: an HLS playlist that lists, in film order, the shot
 * segments that exist so far (contiguous from the start), and ends once the cut is complete. Each
 * segment is the shot's mixed segment.mp4 remuxed to MPEG-TS by stream copy (no re-encode), its
 * timestamps moved to the shot's start in the film so the picture runs on continuously.
 *
 * The remuxed .ts is cached beside the shot's mix asset, once from zero and once per start frame it
 * was asked at (one shot may start at different times in different cuts); they go when the asset is
 * collected.
 *
 * For browsers without native HLS the same segment is also served as fragmented MP4 (for Media Source
 * Extensions), with timestamps from zero: the player places it with the playlist's durations.
 */
import { randomUUID } from "node:crypto";
import { existsSync, statSync } from "node:fs";
import fs from "node:fs/promises";
import { getCutStateByIdForOwner, listCutShotsByCut } from "../../db/queries";
import { assetFile, hasAsset } from "../assets/store";
import { AuteurError } from "../errors";
import { runFfmpeg } from "../media/ffmpeg";
import { shiftMpegTs } from "../media/mpegts-shift";
import { FILM_FORMAT } from "../plan/specs";
import { getRuntime, type Runtime } from "../runtime";
import { filmVersions, VersionedReads } from "./film-changes";

export interface TimelineRow {
  position: number;
  frames: number | null;
  mixKey: string | null;
}

export interface PlaylistSegment {
  index: number;
  mixKey: string;
  startFrame: number;
  frames: number;
}

/**
 * The segments that can be played now: rows in film order, stopping at the first one whose mix is
 * not there yet (a player cannot skip a hole). Pure apart from the `ready` question it is given.
 */
export function readySegments(rows: readonly TimelineRow[], ready: (mixKey: string) => boolean): PlaylistSegment[] {
  const ordered = [...rows].sort((a, b) => a.position - b.position);
  const out: PlaylistSegment[] = [];
  let startFrame = 0;
  for (const [index, row] of ordered.entries()) {
    if (!row.mixKey || !row.frames || !ready(row.mixKey)) break;
    out.push({ index, mixKey: row.mixKey, startFrame, frames: row.frames });
    startFrame += row.frames;
  }
  return out;
}

/** The HLS media playlist (RFC 8216) for the segments so far. Pure. */
export function buildPlaylist(input: { segments: readonly { frames: number }[]; fps: number; complete: boolean; segmentUrl: (index: number) => string }): string {
  const durations = input.segments.map((s) => s.frames / input.fps);
  const target = Math.max(1, ...durations.map((d) => Math.ceil(d)));
  const lines = ["#EXTM3U", "#EXT-X-VERSION:3", `#EXT-X-TARGETDURATION:${target}`, "#EXT-X-MEDIA-SEQUENCE:0", `#EXT-X-PLAYLIST-TYPE:${input.complete ? "VOD" : "EVENT"}`, "#EXT-X-INDEPENDENT-SEGMENTS"];
  durations.forEach((d, i) => lines.push(`#EXTINF:${d.toFixed(6)},`, input.segmentUrl(i)));
  if (input.complete) lines.push("#EXT-X-ENDLIST");
  return lines.join("\n") + "\n";
}

export type SegmentFormat = "ts" | "mp4";

/**
 * ffmpeg arguments that remux one segment.mp4 by stream copy: to MPEG-TS starting at `offsetSec`, or
 * to fragmented MP4 (format "mp4", timestamps left as they are). Pure.
 */
export function buildRemuxArgs(input: { source: string; output: string; offsetSec: number; format?: SegmentFormat }): string[] {
  if (input.format === "mp4")
    return ["-i", input.source, "-map", "0:v:0", "-map", "0:a:0?", "-c", "copy", "-movflags", "frag_keyframe+empty_moov+default_base_moof", "-f", "mp4", input.output];
  return [
    "-i", input.source,
    "-map", "0:v:0", "-map", "0:a:0?",
    "-c", "copy",
    "-bsf:v", "h264_mp4toannexb",
    "-output_ts_offset", input.offsetSec.toFixed(6),
    "-muxdelay", "0", "-muxpreload", "0",
    "-f", "mpegts",
    input.output,
  ];
}

interface CutSegments {
  segments: PlaylistSegment[];
  complete: boolean;
}

async function readCutSegments(rt: Runtime, ownerId: string, cutId: string): Promise<CutSegments> {
  // The state alone: a playlist or segment request never needs the screenplay.
  const cut = await getCutStateByIdForOwner({ db: rt.db, cutId, ownerId });
  if (!cut) throw new AuteurError("not_found", "No such cut.");
  filmOfCut.set(cut.id, cut.filmId);
  if (filmOfCut.size > 100_000) filmOfCut.delete(filmOfCut.keys().next().value!);
  const rows = await listCutShotsByCut({ db: rt.db, cutId: cut.id });
  const segments = readySegments(rows, (key) => hasAsset(key) && existsSync(assetFile(key, "segment.mp4")));
  const complete = cut.status === "complete" && segments.length === rows.length;
  return { segments, complete };
}

/** The film of each cut read so far (a cut never moves to another film). */
const filmOfCut = new Map<string, string>();

/**
 * Segment lists shared by every player of a cut while its film's version stands (film-changes.ts):
 * players reload the playlist every few seconds while a cut renders, and a list changes only when a
 * stage lands, which the reconciler announces.
 */
const segmentReads = new VersionedReads<CutSegments>(5_000);

async function cutSegments(ownerId: string, cutId: string): Promise<CutSegments> {
  const rt = await getRuntime();
  const versions = await filmVersions(rt.database);
  const filmId = filmOfCut.get(cutId);
  const version = versions.listening && filmId ? versions.version(filmId) : undefined;
  return segmentReads.get(`${ownerId}\0${cutId}`, version, Date.now(), () => readCutSegments(rt, ownerId, cutId));
}

/** The cut's playlist as it stands now. `segmentUrl` says where each segment is served (owner or share routes). */
export async function getCutPlaylist(input: { ownerId: string; cutId: string; segmentUrl?: (index: number) => string }): Promise<string> {
  const { segments, complete } = await cutSegments(input.ownerId, input.cutId);
  return buildPlaylist({ segments, fps: FILM_FORMAT.fps, complete, segmentUrl: input.segmentUrl ?? ((i) => `segments/${i}.ts`) });
}

const making = new Map<string, Promise<void>>();

/** Make `output` once (concurrent askers share the work): written to a temporary name, then renamed. */
async function makeOnce(output: string, make: (temp: string) => Promise<void>): Promise<void> {
  if (existsSync(output)) return;
  let job = making.get(output);
  if (!job) {
    const temp = `${output}.${randomUUID()}.part`;
    job = make(temp)
      .then(() => fs.rename(temp, output))
      .catch(async (err) => {
        await fs.rm(temp, { force: true });
        throw err;
      })
      .finally(() => making.delete(output));
    making.set(output, job);
  }
  await job;
}

/** MPEG-TS clock ticks (90 kHz) in one film frame. */
const TICKS_PER_FRAME = 90_000 / FILM_FORMAT.fps;

/**
 * One segment of the cut as MPEG-TS (or fragmented MP4), made on first request and cached. The MPEG-TS
 * is remuxed by ffmpeg once per shot, from zero (`hls-base.ts`); its copy for a place in the film is that
 * file with its clocks moved by the shot's start (lib/media/mpegts-shift: no process to start, which
 * in a busy server costs more than the copy).
 */
export async function getCutSegment(input: { ownerId: string; cutId: string; index: number; format?: SegmentFormat }): Promise<{ path: string; contentType: string; size: number }> {
  const { segments } = await cutSegments(input.ownerId, input.cutId);
  const segment = Number.isInteger(input.index) ? segments[input.index] : undefined;
  if (!segment) throw new AuteurError("not_found", `Segment ${input.index} is not ready yet.`);
  const source = assetFile(segment.mixKey, "segment.mp4");
  if (input.format === "mp4") {
    const output = assetFile(segment.mixKey, "mse-fragmented.mp4");
    await makeOnce(output, (temp) => runFfmpeg(buildRemuxArgs({ source, output: temp, offsetSec: 0, format: "mp4" })).then(() => undefined));
    return { path: output, contentType: "video/mp4", size: statSync(output).size };
  }
  const base = assetFile(segment.mixKey, "hls-base.ts");
  await makeOnce(base, (temp) => runFfmpeg(buildRemuxArgs({ source, output: temp, offsetSec: 0 })).then(() => undefined));
  // Every segment keeps the base's own start (the muxer moves a stream that would start below zero, by
  // the B-frame delay), so the shots still follow one another exactly.
  const output = segment.startFrame === 0 ? base : assetFile(segment.mixKey, `hls-at-${segment.startFrame}.ts`);
  await makeOnce(output, async (temp) => fs.writeFile(temp, shiftMpegTs(await fs.readFile(base), segment.startFrame * TICKS_PER_FRAME)));
  return { path: output, contentType: "video/mp2t", size: statSync(output).size };
}

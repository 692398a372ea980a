/**
 * film-audio planning (pure): from the stitch spec and what each shot's mix reported (its stems' hash,
 * length, loudness blocks and true peak), the film's gain and the FilmAudioSpecs: stretches of each
 * scene (its run-in, its body in pieces of at most about 15 s, its run-out; see EDGE_SPARE_FRAMES and
 * BODY_MAX_AAC_FRAMES). The film's loudness is gated from the shots' stored 100 ms blocks, so
 * nothing is re-read to measure it; each stretch is keyed on the sound it reads (not the picture), so a new take of a shot, or a scene changed elsewhere, leaves the
 * other scenes' audio as it was (but for the few frames next to the change).
 */
import { contentKey } from "./keys";
import { BUILT_IN_PROVIDERS } from "./providers";
import type { FilmAudioSpec, MixMeta, StitchSpec } from "./specs";

/** AAC frame length (samples). */
export const AAC_FRAME = 1024;
/** Frames encoded before and after a scene's own frames, so the encoder runs into and out of the joins as in one pass. */
export const AAC_PREROLL_FRAMES = 3;
export const AAC_POSTROLL_FRAMES = 2;
/** The limiter starts this long before what is kept (far longer than its release), so it is settled at the join. */
export const LIMITER_PREROLL_SEC = 0.5;
/**
 * A scene's first and last stretch read into its neighbours (the limiter's and the encoder's run-in
 * before, the encoder's run-out after), so each is a stretch of its own: when one scene's sound
 * changes, its neighbours re-make those few frames and keep the rest of their audio. The run-in
 * stretch is just long enough that the next one reads nothing before the scene (plus spare frames).
 */
export const EDGE_SPARE_FRAMES = 1;
/**
 * A scene's body is cut into stretches of at most this many AAC frames (about 15 s): the stitch encodes
 * two stretches at once, so a changed scene's audio takes about half the time it would as one piece.
 */
export const BODY_MAX_AAC_FRAMES = 704;
/** Aim this far under the true-peak ceiling (interpolation and 16-bit rounding). */
export const CEILING_MARGIN_DB = 0.3;
/** The film's gain is rounded to this step: a small change somewhere keeps every other scene's audio. */
export const GAIN_STEP_DB = 0.25;

export interface FilmAudioPlan {
  /** Integrated loudness (LUFS) of the joined shots before the gain. */
  measuredLufs: number;
  gainDb: number;
  totalSamples: number;
  /** AAC frames in the film's track (the first is the encoder's priming). */
  aacFrames: number;
  chunks: FilmAudioSpec[];
}

function toDb(linear: number): number {
  return linear > 0 ? 20 * Math.log10(linear) : -Infinity;
}

function gatedLufs(blocks: readonly number[]): number {
  const joined: number[] = [];
  for (let j = 0; j + 4 <= blocks.length; j++) joined.push((blocks[j]! + blocks[j + 1]! + blocks[j + 2]! + blocks[j + 3]!) / 4);
  const lufs = (z: number) => -0.691 + 10 * Math.log10(z);
  const absolute = joined.filter((z) => z > 0 && lufs(z) > -70);
  if (absolute.length === 0) return -Infinity;
  const gate = lufs(absolute.reduce((s, z) => s + z, 0) / absolute.length) - 10;
  const gated = absolute.filter((z) => lufs(z) > gate);
  return lufs(gated.reduce((s, z) => s + z, 0) / gated.length);
}

/** Segment index where each scene (chapter) starts, from the chapters' start times and the segments' starts (samples). */
export function sceneStarts(spec: StitchSpec, starts: number[], sampleRate: number): number[] {
  const out: number[] = [];
  for (const chapter of spec.chapters) {
    const at = Math.round(chapter.startSec * sampleRate);
    let best = 0;
    for (let i = 0; i < starts.length; i++) if (Math.abs(starts[i]! - at) < Math.abs(starts[best]! - at)) best = i;
    if (!out.includes(best)) out.push(best);
  }
  if (!out.includes(0)) out.unshift(0);
  return out.sort((a, b) => a - b);
}

export function planFilmAudio(spec: StitchSpec, metas: MixMeta[]): FilmAudioPlan {
  if (metas.length !== spec.segments.length || metas.length === 0) throw new Error(`planFilmAudio: ${metas.length} mix results for ${spec.segments.length} segments`);
  const sr = spec.sampleRate;
  const starts: number[] = [];
  let total = 0;
  for (const m of metas) {
    starts.push(total);
    total += m.samples;
  }
  const measuredLufs = gatedLufs(metas.flatMap((m) => m.loudnessBlocks));
  let gainDb = Number.isFinite(measuredLufs) ? spec.loudness.integrated - measuredLufs : 0;
  gainDb = Math.round(Math.max(-40, Math.min(40, gainDb)) / GAIN_STEP_DB) * GAIN_STEP_DB;
  const ceilingDb = spec.loudness.truePeak - CEILING_MARGIN_DB;
  const aacFrames = Math.ceil(total / AAC_FRAME) + 1;
  const scenes = sceneStarts(spec, starts, sr);
  const limiterPre = Math.round(LIMITER_PREROLL_SEC * sr);

  // Film sample ranges of the stretches: each scene's, with its run-in and run-out as stretches of
  // their own (see EDGE_* above) where the scene is long enough.
  const headFrames = AAC_PREROLL_FRAMES + Math.ceil(limiterPre / AAC_FRAME) + EDGE_SPARE_FRAMES;
  const tailFrames = AAC_POSTROLL_FRAMES + EDGE_SPARE_FRAMES;
  const ranges: [number, number][] = [];
  scenes.forEach((first, c) => {
    const from = starts[first]!;
    const to = c + 1 < scenes.length ? starts[scenes[c + 1]!]! : total;
    const headEnd = (Math.ceil(from / AAC_FRAME) + headFrames) * AAC_FRAME;
    const tailStart = (Math.ceil(to / AAC_FRAME) - tailFrames) * AAC_FRAME;
    if (tailStart - headEnd >= AAC_FRAME) {
      ranges.push([from, headEnd]);
      const bodyFrames = (tailStart - headEnd) / AAC_FRAME;
      const pieces = Math.ceil(bodyFrames / BODY_MAX_AAC_FRAMES);
      for (let k = 0; k < pieces; k++)
        ranges.push([headEnd + Math.round((k * bodyFrames) / pieces) * AAC_FRAME, headEnd + Math.round(((k + 1) * bodyFrames) / pieces) * AAC_FRAME]);
      ranges.push([tailStart, to]);
    } else ranges.push([from, to]);
  });

  const chunks = ranges.map(([sceneFrom, sceneTo], c): FilmAudioSpec => {
    const isLast = c + 1 === ranges.length;
    // AAC frame j decodes to [(j - 1) * 1024, j * 1024): frame 0 is the priming.
    const keepFromFrame = c === 0 ? 0 : Math.ceil(sceneFrom / AAC_FRAME);
    const keepToFrame = isLast ? aacFrames : Math.ceil(sceneTo / AAC_FRAME);
    const aacFrom = c === 0 ? 0 : (keepFromFrame - AAC_PREROLL_FRAMES) * AAC_FRAME;
    const aacTo = (keepToFrame + AAC_POSTROLL_FRAMES) * AAC_FRAME;
    const from = Math.min(aacFrom, sceneFrom) - limiterPre;
    const to = Math.max(sceneTo, aacTo);
    // The pieces that hold [from, to) of the film.
    const inFilmFrom = Math.max(0, from);
    const inFilmTo = Math.min(total, to);
    let p0 = 0;
    while (p0 + 1 < metas.length && starts[p0 + 1]! <= inFilmFrom) p0++;
    let p1 = p0;
    while (p1 + 1 < metas.length && starts[p1 + 1]! < inFilmTo) p1++;
    const origin = starts[p0]!;
    const pieces = metas.slice(p0, p1 + 1).map((m, i) => ({ mixKey: spec.segments[p0 + i]!.mixKey, stemsHash: m.stemsHash, samples: m.samples }));
    const peak = Math.max(...metas.slice(p0, p1 + 1).map((m) => toDb(m.truePeak)));
    const body: Omit<FilmAudioSpec, "key"> = {
      stage: "film-audio",
      gainDb,
      ceilingDb: peak + gainDb > ceilingDb ? ceilingDb : null,
      pieces,
      from: from - origin,
      to: to - origin,
      sceneFrom: sceneFrom - origin,
      sceneTo: sceneTo - origin,
      aacFrom: aacFrom - origin,
      keepFrom: keepFromFrame - aacFrom / AAC_FRAME,
      keepTo: keepToFrame - aacFrom / AAC_FRAME,
      filmFrom: inFilmFrom - origin,
      filmTo: inFilmTo - origin,
      sampleRate: sr,
      provider: BUILT_IN_PROVIDERS.filmAudio,
    };
    // The mix keys name where to read; the stems' hashes are what the sound is.
    const { stage, provider, ...inputs } = body;
    const keyed = { ...inputs, pieces: pieces.map((p) => ({ stemsHash: p.stemsHash, samples: p.samples })) };
    return { ...body, key: contentKey(stage, keyed, provider) };
  });
  return { measuredLufs, gainDb, totalSamples: total, aacFrames, chunks };
}

/**
 * score-scene: music and ambience under a whole scene -> `dir/bed.wav`, 4 channels (music L, music R,
 * ambience L, ambience R), exactly round(durationSec * 48000) samples, 16-bit. Seeded and
 * deterministic: the same SoundSpec gives the same bytes.
 */
import path from "node:path";
import { AuteurError } from "../errors";
import { FILM_FORMAT, type SoundSpec } from "../plan/specs";
import { renderAmbience } from "./ambience";
import { subSeed } from "./dsp/prng";
import { composeScore } from "./music/compose-score";
import { renderScore } from "./music/render-score";
import { writeWav } from "./wav";

/** Music level (RMS dBFS) at intensity 0 and 1, before ducking. */
const MUSIC_DB = { calm: -29, driving: -22 };

function softLimit(x: Float32Array, ceiling: number): void {
  const knee = ceiling * 0.75;
  for (let i = 0; i < x.length; i++) {
    const a = Math.abs(x[i]);
    if (a > knee) x[i] = Math.sign(x[i]) * (knee + (ceiling - knee) * Math.tanh((a - knee) / (ceiling - knee)));
  }
}

/** x[i] * gain(i), then softLimit's curve, in one pass (the product rounded to float32 as if stored first). */
function gainAndLimit(x: Float32Array, gainAt: (i: number) => number, ceiling: number): void {
  const knee = ceiling * 0.75;
  for (let i = 0; i < x.length; i++) {
    const v = Math.fround(x[i] * gainAt(i));
    const a = Math.abs(v);
    x[i] = a > knee ? Math.sign(v) * (knee + (ceiling - knee) * Math.tanh((a - knee) / (ceiling - knee))) : v;
  }
}

export function bedLength(durationSec: number, sampleRate: number = FILM_FORMAT.sampleRate): number {
  return Math.round(durationSec * sampleRate);
}

/** The bed as four planar channels (pure). The music is not ducked here: each shot's mix ducks it under its words. */
export function renderBed(spec: SoundSpec, sampleRate: number = FILM_FORMAT.sampleRate): Float32Array[] {
  if (!(spec.durationSec > 0) || spec.durationSec > 4 * 3600) throw new AuteurError("invalid_input", `score-scene: duration ${spec.durationSec}s is out of range`);
  const n = bedLength(spec.durationSec, sampleRate);
  const music = renderScore(composeScore(spec), n, sampleRate, subSeed(spec.seed, 2));
  // Level the music for the scene's intensity.
  let sum = 0;
  for (let i = 0; i < n; i++) sum += music.L[i] * music.L[i] + music.R[i] * music.R[i];
  const rms = Math.sqrt(sum / Math.max(1, 2 * n));
  const intensity = Math.max(0, Math.min(1, spec.intensity));
  const target = Math.pow(10, (MUSIC_DB.calm + (MUSIC_DB.driving - MUSIC_DB.calm) * intensity) / 20);
  const gain = rms > 1e-9 ? target / rms : 0;
  const fadeOut = Math.min(Math.round(1.2 * sampleRate), Math.round(n * 0.15));
  const edge = Math.min(Math.round(0.03 * sampleRate), n >> 1);
  const gainAt = (i: number) => {
    let g = gain;
    if (i < edge) g *= i / edge;
    if (i >= n - fadeOut) g *= (n - i) / fadeOut;
    return g;
  };
  gainAndLimit(music.L, gainAt, 0.63);
  gainAndLimit(music.R, gainAt, 0.63);
  const amb = renderAmbience(spec.place, n, sampleRate, subSeed(spec.place.seed, 3));
  for (let i = 0; i < edge; i++) {
    const g = i / edge;
    amb.L[i] *= g;
    amb.R[i] *= g;
    amb.L[n - 1 - i] *= g;
    amb.R[n - 1 - i] *= g;
  }
  softLimit(amb.L, 0.5);
  softLimit(amb.R, 0.5);
  return [music.L, music.R, amb.L, amb.R];
}

export async function scoreScene(spec: SoundSpec, dir: string): Promise<{ durationSec: number }> {
  const sampleRate = FILM_FORMAT.sampleRate;
  const channels = renderBed(spec, sampleRate);
  await writeWav(path.join(dir, "bed.wav"), { sampleRate, channels }, "pcm16");
  return { durationSec: channels[0].length / sampleRate };
}

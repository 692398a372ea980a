/**
 * Ducking: a gain curve that dips the music by `depthDb` under each speech region, with smooth
 * raised-cosine ramps that start before the words and recover after them.
 */
export interface DuckOptions {
  depthDb: number;
  attackSec: number;
  releaseSec: number;
}

export const DEFAULT_DUCK: DuckOptions = { depthDb: -9, attackSec: 0.3, releaseSec: 0.7 };

export function duckGain(speech: { start: number; end: number }[], length: number, sampleRate: number, options: DuckOptions = DEFAULT_DUCK): Float32Array {
  // Depth (0 = none, 1 = full) per sample, as the max over all regions' trapezoids.
  const depth = new Float32Array(length);
  const shape = (t: number) => 0.5 - 0.5 * Math.cos(Math.PI * Math.max(0, Math.min(1, t)));
  for (const region of speech) {
    const a0 = Math.round((region.start - options.attackSec) * sampleRate);
    const a1 = Math.round(region.start * sampleRate);
    const r0 = Math.round(region.end * sampleRate);
    const r1 = Math.round((region.end + options.releaseSec) * sampleRate);
    for (let i = Math.max(0, a0); i < Math.min(length, r1); i++) {
      let d: number;
      if (i < a1) d = shape((i - a0) / Math.max(1, a1 - a0));
      else if (i <= r0) d = 1;
      else d = 1 - shape((i - r0) / Math.max(1, r1 - r0));
      if (d > depth[i]) depth[i] = d;
    }
  }
  const floor = Math.pow(10, options.depthDb / 20);
  // The depths become the gains in place (one array, not two).
  for (let i = 0; i < length; i++) depth[i] = 1 - (1 - floor) * depth[i];
  return depth;
}

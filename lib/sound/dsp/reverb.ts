/**
 * A small stereo room/hall reverb (Schroeder-Moorer style: damped combs in parallel, allpasses in
 * series; the right side uses slightly longer delays for width). Returns the wet signal.
 */
const COMBS = [1116, 1277, 1422, 1557];
const ALLPASSES = [556, 341];

function channel(input: Float32Array, sampleRate: number, size: number, damping: number, offset: number): Float32Array {
  const scale = sampleRate / 44100;
  const out = new Float32Array(input.length);
  const feedback = 0.7 + 0.28 * size;
  for (const base of COMBS) {
    const len = Math.round((base + offset) * scale * (0.6 + 0.8 * size));
    const buf = new Float32Array(len);
    let idx = 0;
    let store = 0;
    for (let i = 0; i < input.length; i++) {
      const y = buf[idx];
      store = y * (1 - damping) + store * damping;
      buf[idx] = input[i] + store * feedback;
      out[i] += y;
      if (++idx === len) idx = 0;
    }
  }
  for (const base of ALLPASSES) {
    const len = Math.round((base + offset) * scale);
    const buf = new Float32Array(len);
    let idx = 0;
    for (let i = 0; i < out.length; i++) {
      const b = buf[idx];
      const x = out[i];
      buf[idx] = x + b * 0.5;
      out[i] = b - x;
      if (++idx === len) idx = 0;
    }
  }
  const norm = 1 / COMBS.length;
  for (let i = 0; i < out.length; i++) out[i] *= norm;
  return out;
}

/** size 0..1 (room .. hall), damping 0..1 (bright .. dark). */
export function reverb(L: Float32Array, R: Float32Array, sampleRate: number, size: number, damping: number): { L: Float32Array; R: Float32Array } {
  const mono = new Float32Array(L.length);
  for (let i = 0; i < L.length; i++) mono[i] = (L[i] + R[i]) * 0.5;
  return { L: channel(mono, sampleRate, size, damping, 0), R: channel(mono, sampleRate, size, damping, 23) };
}

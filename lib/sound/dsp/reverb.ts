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
  const combLen = COMBS.map((base) => Math.round((base + offset) * scale * (0.6 + 0.8 * size)));
  const [c0, c1, c2, c3] = combLen.map((len) => new Float32Array(len));
  const [l0, l1, l2, l3] = combLen;
  const [m0, m1] = ALLPASSES.map((base) => Math.round((base + offset) * scale));
  const p0 = new Float32Array(m0);
  const p1 = new Float32Array(m1);
  // All four combs and both allpasses in one pass. Every value is rounded to float32 where the
  // one-stage-at-a-time version stored it in a Float32Array, so the output is the same to the bit.
  let i0 = 0, i1 = 0, i2 = 0, i3 = 0, j0 = 0, j1 = 0;
  let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
  const keep = 1 - damping;
  const norm = 1 / COMBS.length;
  const f = Math.fround;
  for (let i = 0; i < input.length; i++) {
    const x = input[i];
    const y0 = c0[i0];
    s0 = y0 * keep + s0 * damping;
    c0[i0] = x + s0 * feedback;
    if (++i0 === l0) i0 = 0;
    const y1 = c1[i1];
    s1 = y1 * keep + s1 * damping;
    c1[i1] = x + s1 * feedback;
    if (++i1 === l1) i1 = 0;
    const y2 = c2[i2];
    s2 = y2 * keep + s2 * damping;
    c2[i2] = x + s2 * feedback;
    if (++i2 === l2) i2 = 0;
    const y3 = c3[i3];
    s3 = y3 * keep + s3 * damping;
    c3[i3] = x + s3 * feedback;
    if (++i3 === l3) i3 = 0;
    let v = f(f(f(y0 + y1) + y2) + y3);
    const b0 = p0[j0];
    p0[j0] = v + b0 * 0.5;
    v = f(b0 - v);
    if (++j0 === m0) j0 = 0;
    const b1 = p1[j1];
    p1[j1] = v + b1 * 0.5;
    v = b1 - v;
    if (++j1 === m1) j1 = 0;
    out[i] = f(v) * norm;
  }
  return out;
}

/** size 0..1 (room .. hall), damping 0..1 (bright .. dark). */
export function reverb(L: Float32Array, R: Float32Array, sampleRate: number, size: number, damping: number): { L: Float32Array; R: Float32Array } {
  const mono = new Float32Array(L.length);
  for (let i = 0; i < L.length; i++) mono[i] = (L[i] + R[i]) * 0.5;
  return { L: channel(mono, sampleRate, size, damping, 0), R: channel(mono, sampleRate, size, damping, 23) };
}

/**
 * A sine oscillator by a rotating phasor: `next()` gives sin(w * i + phase) for i = 0, 1, 2, ... with a
 * few multiplications instead of a Math.sin per sample. It is put back on the exact phase every 4096
 * samples, so rounding never accumulates (the error stays below 1e-12).
 */
export class Sine {
  private i = 0;
  private c: number;
  private s: number;
  private readonly cw: number;
  private readonly sw: number;

  /** `w`: radians per sample (2 * PI * frequency / sampleRate). */
  constructor(
    private readonly w: number,
    private readonly phase = 0,
  ) {
    this.c = Math.cos(phase);
    this.s = Math.sin(phase);
    this.cw = Math.cos(w);
    this.sw = Math.sin(w);
  }

  next(): number {
    const v = this.s;
    if ((++this.i & 4095) === 0) {
      const a = this.w * this.i + this.phase;
      this.c = Math.cos(a);
      this.s = Math.sin(a);
    } else {
      const c = this.c;
      this.c = c * this.cw - v * this.sw;
      this.s = v * this.cw + c * this.sw;
    }
    return v;
  }
}

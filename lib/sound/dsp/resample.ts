/**
 * Band-limited resampling by windowed sinc (Kaiser window, 32 taps at the lower rate), from a table
 * with linear interpolation between phases. Good for speech at any ratio (16 kHz -> 48 kHz, and
 * pitch changes by playback speed).
 */
const HALF = 16;
const PHASES = 512;

function besselI0(x: number): number {
  let sum = 1;
  let term = 1;
  for (let k = 1; k < 30; k++) {
    term *= (x / (2 * k)) ** 2;
    sum += term;
  }
  return sum;
}

let table: Float64Array | undefined;
/** sinc(t) * kaiser(t) for t in [0, HALF], PHASES steps per unit. */
function kernelTable(): Float64Array {
  if (table) return table;
  const beta = 8.6;
  const n = HALF * PHASES + 2;
  table = new Float64Array(n);
  const norm = besselI0(beta);
  for (let i = 0; i < n; i++) {
    const t = i / PHASES;
    const sinc = t === 0 ? 1 : Math.sin(Math.PI * t) / (Math.PI * t);
    const r = t / HALF;
    table[i] = r >= 1 ? 0 : (sinc * besselI0(beta * Math.sqrt(1 - r * r))) / norm;
  }
  return table;
}

const BANK_PHASES = 1024;
let bank: Float32Array | undefined;
/** Upsampling kernels for BANK_PHASES fractional positions: row f holds the 2*HALF taps for x[i0-HALF+1 .. i0+HALF]. */
function upsamplingBank(): Float32Array {
  if (bank) return bank;
  const k = kernelTable();
  const taps = 2 * HALF;
  bank = new Float32Array((BANK_PHASES + 1) * taps);
  for (let f = 0; f <= BANK_PHASES; f++) {
    const frac = f / BANK_PHASES;
    for (let m = 0; m < taps; m++) {
      const d = Math.abs(frac - (m - HALF + 1)) * PHASES;
      const di = Math.floor(d);
      bank[f * taps + m] = di >= HALF * PHASES ? 0 : k[di] + (k[di + 1] - k[di]) * (d - di);
    }
  }
  return bank;
}

/** Upsampling (step <= 1) from the precomputed polyphase bank: a plain dot product per output sample. */
function upsample(input: Float32Array, step: number, outLength: number): Float32Array {
  const b = upsamplingBank();
  const taps = 2 * HALF;
  const out = new Float32Array(outLength);
  const n = input.length;
  for (let j = 0; j < outLength; j++) {
    const t = j * step;
    const i0 = Math.floor(t);
    const row = Math.round((t - i0) * BANK_PHASES) * taps;
    const first = i0 - HALF + 1;
    let acc = 0;
    if (first >= 0 && first + taps <= n) {
      // Unrolled by four; the sum is still taken in tap order.
      for (let m = 0; m < taps; m += 4) {
        const k = first + m;
        const r = row + m;
        acc += input[k] * b[r];
        acc += input[k + 1] * b[r + 1];
        acc += input[k + 2] * b[r + 2];
        acc += input[k + 3] * b[r + 3];
      }
    } else {
      for (let m = 0; m < taps; m++) {
        const i = first + m;
        if (i >= 0 && i < n) acc += input[i] * b[row + m];
      }
    }
    out[j] = acc;
  }
  return out;
}

/**
 * Resample `input` so that output sample j is input position j * step (step = inRate / outRate).
 * Returns `outLength` samples (default: covers the whole input).
 */
export function resampleByStep(input: Float32Array, step: number, outLength = Math.floor(input.length / step)): Float32Array {
  if (step <= 1) return upsample(input, step, outLength);
  const k = kernelTable();
  const out = new Float32Array(outLength);
  // Lowpass below the lower of the two Nyquist rates.
  const scale = step > 1 ? 1 / step : 1;
  const reach = HALF / scale;
  const n = input.length;
  for (let j = 0; j < outLength; j++) {
    const t = j * step;
    const first = Math.max(0, Math.ceil(t - reach));
    const last = Math.min(n - 1, Math.floor(t + reach));
    let acc = 0;
    for (let i = first; i <= last; i++) {
      const x = Math.abs(t - i) * scale * PHASES;
      const xi = x | 0;
      if (xi >= HALF * PHASES) continue;
      const frac = x - xi;
      acc += input[i] * (k[xi] + (k[xi + 1] - k[xi]) * frac);
    }
    out[j] = acc * scale;
  }
  return out;
}

export function resample(input: Float32Array, fromRate: number, toRate: number): Float32Array {
  if (fromRate === toRate) return input.slice();
  return resampleByStep(input, fromRate / toRate, Math.round((input.length * toRate) / fromRate));
}

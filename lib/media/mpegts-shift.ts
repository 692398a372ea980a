/**
 * Moves an MPEG-TS stream later in time by rewriting its clocks: every PES header's PTS and DTS
 * (90 kHz) and every adaptation field's PCR (27 MHz). The bytes are otherwise the same, so a shot's
 * segment muxed once to MPEG-TS from zero can be served at any place in any cut's timeline without
 * running ffmpeg again. Pure.
 */

const PACKET = 188;
const WRAP_33 = 2 ** 33;

function readTimestamp(b: Uint8Array, at: number): number {
  return (b[at]! & 0x0e) * 2 ** 29 + b[at + 1]! * 2 ** 22 + (b[at + 2]! >> 1) * 2 ** 15 + b[at + 3]! * 2 ** 7 + (b[at + 4]! >> 1);
}

/** Write a 33-bit timestamp keeping its 4-bit prefix and marker bits. */
function writeTimestamp(b: Uint8Array, at: number, ts: number): void {
  b[at] = (b[at]! & 0xf0) | (Math.floor(ts / 2 ** 29) & 0x0e) | 1;
  b[at + 1] = Math.floor(ts / 2 ** 22) & 0xff;
  b[at + 2] = ((Math.floor(ts / 2 ** 15) & 0x7f) << 1) | 1;
  b[at + 3] = Math.floor(ts / 2 ** 7) & 0xff;
  b[at + 4] = ((ts & 0x7f) << 1) | 1;
}

/**
 * A copy of `ts` with its clocks `offset90k` ticks of 90 kHz later (a shot's start frame at 24 fps is
 * startFrame * 3750 ticks). Throws on a stream that is not whole 188-byte packets.
 */
export function shiftMpegTs(ts: Uint8Array, offset90k: number): Uint8Array {
  if (!Number.isInteger(offset90k) || offset90k < 0) throw new Error(`shiftMpegTs: the offset must be a whole number of ticks, not ${offset90k}`);
  if (ts.length % PACKET !== 0) throw new Error(`shiftMpegTs: ${ts.length} bytes are not whole ${PACKET}-byte packets`);
  const out = Uint8Array.from(ts);
  const shift = (t: number) => (t + offset90k) % WRAP_33;
  for (let p = 0; p < out.length; p += PACKET) {
    if (out[p] !== 0x47) throw new Error(`shiftMpegTs: no sync byte at ${p}`);
    const unitStart = (out[p + 1]! & 0x40) !== 0;
    const control = (out[p + 3]! >> 4) & 0x3;
    let payload = p + 4;
    if (control & 0x2) {
      const length = out[p + 4]!;
      // PCR: 33-bit base (90 kHz) and 9-bit extension (27 MHz remainder); the base moves by the offset.
      if (length >= 7 && out[p + 5]! & 0x10) {
        const at = p + 6;
        const base = out[at]! * 2 ** 25 + out[at + 1]! * 2 ** 17 + out[at + 2]! * 2 ** 9 + out[at + 3]! * 2 + (out[at + 4]! >> 7);
        const moved = shift(base);
        out[at] = Math.floor(moved / 2 ** 25) & 0xff;
        out[at + 1] = Math.floor(moved / 2 ** 17) & 0xff;
        out[at + 2] = Math.floor(moved / 2 ** 9) & 0xff;
        out[at + 3] = Math.floor(moved / 2) & 0xff;
        out[at + 4] = ((moved & 1) << 7) | (out[at + 4]! & 0x7f);
      }
      payload += 1 + length;
    }
    if (!(control & 0x1) || !unitStart || payload + 14 > p + PACKET) continue;
    // A PES packet starts here (tables such as the PAT and PMT do not begin with 00 00 01).
    if (out[payload] !== 0 || out[payload + 1] !== 0 || out[payload + 2] !== 1) continue;
    const flags = out[payload + 7]! >> 6;
    if (flags & 0x2) writeTimestamp(out, payload + 9, shift(readTimestamp(out, payload + 9)));
    if (flags === 0x3) writeTimestamp(out, payload + 14, shift(readTimestamp(out, payload + 14)));
  }
  return out;
}

/**
 * WAV files: 16-bit PCM and 32-bit float, any channel count. Whole-file encode/decode for small
 * files (a line, a shot) and a chunked reader/writer for long ones (a whole film), so memory stays flat.
 * Audio is always planar Float32 (one array per channel, -1..1).
 */
import { closeSync, openSync, readSync, writeSync, fstatSync } from "node:fs";
import fs from "node:fs/promises";
import { AuteurError } from "../errors";

export type WavFormat = "pcm16" | "float32";

export interface Audio {
  sampleRate: number;
  channels: Float32Array[];
}

export interface WavInfo {
  sampleRate: number;
  channelCount: number;
  format: WavFormat;
  /** Byte offset of the first sample. */
  dataOffset: number;
  /** Sample frames in the file. */
  frames: number;
  bytesPerFrame: number;
}

const PCM = 1;
const FLOAT = 3;
const EXTENSIBLE = 0xfffe;

function bad(message: string): never {
  throw new AuteurError("render_failed", `Not a readable WAV file: ${message}`);
}

/** Parse the RIFF header (give it at least the bytes up to the data chunk; 64 KiB is plenty). */
export function parseWavHeader(head: Uint8Array, fileSize = head.length): WavInfo {
  const b = Buffer.from(head.buffer, head.byteOffset, head.byteLength);
  if (b.length < 12 || b.toString("ascii", 0, 4) !== "RIFF" || b.toString("ascii", 8, 12) !== "WAVE") bad("no RIFF/WAVE header");
  let pos = 12;
  let fmt: { tag: number; channels: number; rate: number; bits: number } | undefined;
  while (pos + 8 <= b.length) {
    const id = b.toString("ascii", pos, pos + 4);
    const size = b.readUInt32LE(pos + 4);
    const body = pos + 8;
    if (id === "fmt ") {
      let tag = b.readUInt16LE(body);
      const channels = b.readUInt16LE(body + 2);
      const rate = b.readUInt32LE(body + 4);
      const bits = b.readUInt16LE(body + 14);
      if (tag === EXTENSIBLE && size >= 40) tag = b.readUInt16LE(body + 24);
      fmt = { tag, channels, rate, bits };
    } else if (id === "data") {
      if (!fmt) bad("data chunk before fmt chunk");
      let format: WavFormat;
      if (fmt.tag === PCM && fmt.bits === 16) format = "pcm16";
      else if (fmt.tag === FLOAT && fmt.bits === 32) format = "float32";
      else bad(`unsupported sample format (tag ${fmt.tag}, ${fmt.bits} bits)`);
      if (fmt.channels < 1) bad("no channels");
      const bytesPerFrame = fmt.channels * (format === "pcm16" ? 2 : 4);
      // Streams written by ffmpeg to a pipe carry 0 or 0xffffffff as the size: trust the file then.
      const available = Math.max(0, fileSize - body);
      const declared = size === 0 || size === 0xffffffff ? available : Math.min(size, available);
      return { sampleRate: fmt.rate, channelCount: fmt.channels, format, dataOffset: body, frames: Math.floor(declared / bytesPerFrame), bytesPerFrame };
    }
    pos = body + size + (size & 1);
  }
  bad("no data chunk");
}

/** Build a canonical 44/46-byte header (plain PCM or IEEE float fmt chunk). */
export function wavHeader(channelCount: number, sampleRate: number, format: WavFormat, frames: number): Buffer {
  const bytesPerSample = format === "pcm16" ? 2 : 4;
  const fmtSize = format === "pcm16" ? 16 : 18;
  const dataBytes = frames * channelCount * bytesPerSample;
  const h = Buffer.alloc(20 + fmtSize + 8);
  h.write("RIFF", 0, "ascii");
  h.writeUInt32LE(Math.min(0xffffffff, 12 + fmtSize + dataBytes), 4);
  h.write("WAVE", 8, "ascii");
  h.write("fmt ", 12, "ascii");
  h.writeUInt32LE(fmtSize, 16);
  h.writeUInt16LE(format === "pcm16" ? PCM : FLOAT, 20);
  h.writeUInt16LE(channelCount, 22);
  h.writeUInt32LE(sampleRate, 24);
  h.writeUInt32LE(sampleRate * channelCount * bytesPerSample, 28);
  h.writeUInt16LE(channelCount * bytesPerSample, 32);
  h.writeUInt16LE(bytesPerSample * 8, 34);
  if (fmtSize === 18) h.writeUInt16LE(0, 36);
  h.write("data", 20 + fmtSize, "ascii");
  h.writeUInt32LE(Math.min(0xffffffff, dataBytes), 24 + fmtSize);
  return h;
}

/** Interleave planar channels into little-endian sample bytes. 16-bit values are rounded and clamped. */
export function interleave(channels: Float32Array[], format: WavFormat, from = 0, to = channels[0]?.length ?? 0): Buffer {
  const n = channels.length;
  const frames = Math.max(0, to - from);
  if (format === "float32") {
    const out = new Float32Array(frames * n);
    for (let c = 0; c < n; c++) {
      const ch = channels[c];
      for (let i = 0; i < frames; i++) out[i * n + c] = ch[from + i];
    }
    return Buffer.from(out.buffer, out.byteOffset, out.byteLength);
  }
  const out = new Int16Array(frames * n);
  for (let c = 0; c < n; c++) {
    const ch = channels[c];
    let j = c;
    for (let i = from; i < to; i++) {
      // Round half away from zero (the Int16Array store truncates), clamped.
      const v = ch[i] * 32767;
      out[j] = v >= 32767 ? 32767 : v <= -32768 ? -32768 : v < 0 ? v - 0.5 : v + 0.5;
      j += n;
    }
  }
  return Buffer.from(out.buffer, out.byteOffset, out.byteLength);
}

function deinterleave(bytes: Uint8Array, channelCount: number, format: WavFormat, frames: number): Float32Array[] {
  const channels = Array.from({ length: channelCount }, () => new Float32Array(frames));
  const size = format === "float32" ? 4 : 2;
  if (bytes.byteOffset % size === 0) {
    // Fast path (little-endian hosts, aligned data): read through a typed view, one loop per format
    // (a loop over either kind of array is several times slower).
    if (format === "float32") {
      const src = new Float32Array(bytes.buffer, bytes.byteOffset, frames * channelCount);
      for (let c = 0; c < channelCount; c++) {
        const ch = channels[c];
        for (let i = 0, j = c; i < frames; i++, j += channelCount) ch[i] = src[j];
      }
    } else {
      const src = new Int16Array(bytes.buffer, bytes.byteOffset, frames * channelCount);
      for (let c = 0; c < channelCount; c++) {
        const ch = channels[c];
        for (let i = 0, j = c; i < frames; i++, j += channelCount) ch[i] = src[j] / 32768;
      }
    }
    return channels;
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (format === "float32") {
    for (let i = 0; i < frames; i++) for (let c = 0; c < channelCount; c++) channels[c][i] = view.getFloat32((i * channelCount + c) * 4, true);
  } else {
    for (let i = 0; i < frames; i++) for (let c = 0; c < channelCount; c++) channels[c][i] = view.getInt16((i * channelCount + c) * 2, true) / 32768;
  }
  return channels;
}

export function encodeWav(audio: Audio, format: WavFormat = "pcm16"): Buffer {
  if (audio.channels.length === 0) throw new AuteurError("internal", "encodeWav: no channels");
  const frames = audio.channels[0].length;
  if (audio.channels.some((c) => c.length !== frames)) throw new AuteurError("internal", "encodeWav: channels differ in length");
  return Buffer.concat([wavHeader(audio.channels.length, audio.sampleRate, format, frames), interleave(audio.channels, format)]);
}

export function decodeWav(bytes: Uint8Array): Audio & { format: WavFormat } {
  const info = parseWavHeader(bytes);
  const data = bytes.subarray(info.dataOffset, info.dataOffset + info.frames * info.bytesPerFrame);
  return { sampleRate: info.sampleRate, format: info.format, channels: deinterleave(data, info.channelCount, info.format, info.frames) };
}

export async function readWav(file: string): Promise<Audio & { format: WavFormat }> {
  return decodeWav(await fs.readFile(file));
}

export async function writeWav(file: string, audio: Audio, format: WavFormat = "pcm16"): Promise<void> {
  await fs.writeFile(file, encodeWav(audio, format));
}

/** Reads a WAV file a chunk at a time. */
export class WavReader {
  readonly info: WavInfo;
  private fd: number;
  private position = 0;

  private constructor(fd: number, info: WavInfo) {
    this.fd = fd;
    this.info = info;
  }

  static open(file: string): WavReader {
    const fd = openSync(file, "r");
    try {
      const size = fstatSync(fd).size;
      const head = Buffer.alloc(Math.min(size, 65536));
      readSync(fd, head, 0, head.length, 0);
      return new WavReader(fd, parseWavHeader(head, size));
    } catch (error) {
      closeSync(fd);
      throw error;
    }
  }

  get remaining(): number {
    return this.info.frames - this.position;
  }

  /** Move to a frame (clamped to the file). */
  seek(frame: number): void {
    this.position = Math.max(0, Math.min(this.info.frames, Math.floor(frame)));
  }

  /** Read up to `frames` frames; returns shorter (or empty) arrays at the end. */
  read(frames: number): Float32Array[] {
    const n = Math.max(0, Math.min(frames, this.remaining));
    // Not zeroed: only the bytes read are decoded.
    const bytes = Buffer.allocUnsafeSlow(n * this.info.bytesPerFrame);
    let got = 0;
    while (got < bytes.length) {
      const r = readSync(this.fd, bytes, got, bytes.length - got, this.info.dataOffset + this.position * this.info.bytesPerFrame + got);
      if (r <= 0) break;
      got += r;
    }
    const frameCount = Math.floor(got / this.info.bytesPerFrame);
    this.position += frameCount;
    return deinterleave(bytes, this.info.channelCount, this.info.format, frameCount);
  }

  close(): void {
    closeSync(this.fd);
  }
}

/** Writes a WAV file a chunk at a time; the header's sizes are filled in on close. */
export class WavWriter {
  private fd: number;
  private frames = 0;
  readonly channelCount: number;
  readonly sampleRate: number;
  readonly format: WavFormat;

  private constructor(fd: number, channelCount: number, sampleRate: number, format: WavFormat) {
    this.fd = fd;
    this.channelCount = channelCount;
    this.sampleRate = sampleRate;
    this.format = format;
  }

  static create(file: string, channelCount: number, sampleRate: number, format: WavFormat = "pcm16"): WavWriter {
    const fd = openSync(file, "w");
    writeSync(fd, wavHeader(channelCount, sampleRate, format, 0));
    return new WavWriter(fd, channelCount, sampleRate, format);
  }

  get framesWritten(): number {
    return this.frames;
  }

  write(channels: Float32Array[], from = 0, to = channels[0]?.length ?? 0): void {
    if (channels.length !== this.channelCount) throw new AuteurError("internal", `WavWriter: ${channels.length} channels given, ${this.channelCount} expected`);
    const bytes = interleave(channels, this.format, from, to);
    let done = 0;
    while (done < bytes.length) done += writeSync(this.fd, bytes, done, bytes.length - done);
    this.frames += Math.max(0, to - from);
  }

  close(): void {
    writeSync(this.fd, wavHeader(this.channelCount, this.sampleRate, this.format, this.frames), 0, undefined, 0);
    closeSync(this.fd);
  }
}

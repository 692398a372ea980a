import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { decodeWav, encodeWav, parseWavHeader, WavReader, WavWriter } from "../../../lib/sound/wav";

const dir = mkdtempSync(path.join(os.tmpdir(), "auteur-wav-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function ramp(n: number, phase: number): Float32Array {
  return Float32Array.from({ length: n }, (_, i) => Math.sin(i * 0.01 + phase) * 0.9);
}

describe("WAV files", () => {
  it("round-trips 32-bit float exactly, any channel count", () => {
    const channels = [ramp(1000, 0), ramp(1000, 1), ramp(1000, 2)];
    const back = decodeWav(encodeWav({ sampleRate: 48000, channels }, "float32"));
    expect(back.sampleRate).toBe(48000);
    expect(back.format).toBe("float32");
    expect(back.channels).toHaveLength(3);
    back.channels.forEach((c, i) => expect(Array.from(c)).toEqual(Array.from(channels[i])));
  });

  it("round-trips 16-bit PCM within one step and clamps overs", () => {
    const channels = [ramp(500, 0), Float32Array.from([1.5, -1.5, 0.25, 0])];
    channels[1] = Float32Array.from({ length: 500 }, (_, i) => [1.5, -1.5, 0.25, 0][i % 4]);
    const bytes = encodeWav({ sampleRate: 16000, channels }, "pcm16");
    expect(bytes.length).toBe(44 + 500 * 2 * 2);
    const back = decodeWav(bytes);
    expect(back.sampleRate).toBe(16000);
    for (let i = 0; i < 500; i++) expect(Math.abs(back.channels[0][i] - channels[0][i])).toBeLessThan(1 / 16384);
    expect(back.channels[1][0]).toBeCloseTo(32767 / 32768, 6);
    expect(back.channels[1][1]).toBe(-1);
  });

  it("reads the header's facts", () => {
    const info = parseWavHeader(encodeWav({ sampleRate: 48000, channels: [new Float32Array(10), new Float32Array(10)] }, "pcm16"));
    expect(info).toMatchObject({ sampleRate: 48000, channelCount: 2, format: "pcm16", frames: 10, dataOffset: 44, bytesPerFrame: 4 });
  });

  it("rejects files that are not WAV", () => {
    expect(() => decodeWav(Buffer.from("hello, this is not audio"))).toThrow(/Not a readable WAV/);
  });

  it("streams: chunks written then read back equal the whole signal", () => {
    const file = path.join(dir, "stream.wav");
    const whole = [ramp(10_000, 0), ramp(10_000, 0.5), ramp(10_000, 1), ramp(10_000, 1.5), ramp(10_000, 2), ramp(10_000, 2.5)];
    const writer = WavWriter.create(file, 6, 48000, "pcm16");
    for (let o = 0; o < 10_000; o += 3333) writer.write(whole, o, Math.min(10_000, o + 3333));
    writer.close();
    const reader = WavReader.open(file);
    expect(reader.info.frames).toBe(10_000);
    reader.seek(2500);
    const part = reader.read(1000);
    reader.close();
    expect(part[5]).toHaveLength(1000);
    for (let i = 0; i < 1000; i++) expect(Math.abs(part[5][i] - whole[5][2500 + i])).toBeLessThan(1 / 16384);
  });
});

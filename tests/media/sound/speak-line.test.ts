import { mkdtempSync, rmSync, mkdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { VoiceSpec } from "../../../lib/plan/specs";
import type { Delivery, Voice } from "../../../lib/screenplay/schema";
import { speakLine } from "../../../lib/speech/speak-line";
import { readWav } from "../../../lib/sound/wav";

const root = mkdtempSync(path.join(os.tmpdir(), "auteur-speech-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let n = 0;
async function speak(text: string, voice: Voice = { voiceId: "flite/slt", pitch: 0, rate: 1 }, delivery: Delivery = "neutral") {
  const dir = path.join(root, `line-${n++}`);
  mkdirSync(dir);
  const spec: VoiceSpec = { stage: "speak-line", key: `k${n}`, lineId: `l${n}`, speaker: "a", text, delivery, voice, provider: { name: "flite", version: "2.3" } };
  const meta = await speakLine(spec, dir);
  const wav = await readWav(path.join(dir, "speech.wav"));
  return { meta, wav };
}

/** Median F0 of the voiced 40 ms frames, by autocorrelation. */
function medianF0(x: Float32Array, sr: number): number {
  const frame = Math.round(sr * 0.04);
  const found: number[] = [];
  const minLag = Math.floor(sr / 400);
  const maxLag = Math.floor(sr / 60);
  for (let s = 0; s + frame + maxLag < x.length; s += frame) {
    let energy = 0;
    for (let i = 0; i < frame; i++) energy += x[s + i] * x[s + i];
    if (energy / frame < 1e-3) continue;
    let best = 0;
    let bestLag = 0;
    for (let lag = minLag; lag < maxLag; lag += 2) {
      let c = 0;
      for (let i = 0; i < frame; i += 2) c += x[s + i] * x[s + i + lag];
      if (c > best) {
        best = c;
        bestLag = lag;
      }
    }
    if (bestLag && best / (energy / 2) > 0.5) found.push(sr / bestLag);
  }
  found.sort((a, b) => a - b);
  return found[Math.floor(found.length / 2)] ?? 0;
}

describe("speak-line (Flite)", () => {
  it("speaks a line: 48 kHz mono, a plausible length, a moving mouth and word timings", async () => {
    const text = "We have until dawn to cross the river, and the bridge is already gone.";
    const { meta, wav } = await speak(text);
    expect(wav.sampleRate).toBe(48000);
    expect(wav.channels).toHaveLength(1);
    expect(meta.sampleRate).toBe(48000);
    expect(meta.durationSec).toBeCloseTo(wav.channels[0].length / 48000, 6);
    // ~13 words at 2-4 words a second.
    expect(meta.durationSec).toBeGreaterThan(2.5);
    expect(meta.durationSec).toBeLessThan(7);
    expect(meta.envelope.length).toBe(Math.ceil(meta.durationSec * 24));
    expect(meta.envelope.every((v) => v >= 0 && v <= 1)).toBe(true);
    expect(meta.envelope.filter((v) => v > 0.5).length).toBeGreaterThan(meta.envelope.length / 4);
    expect(meta.envelope[0]).toBeLessThan(0.2);
    expect(meta.words.map((w) => w.text)).toEqual(text.replace(/[,.]/g, "").split(" "));
    for (const w of meta.words) {
      expect(w.end).toBeGreaterThanOrEqual(w.start);
      expect(w.end).toBeLessThanOrEqual(meta.durationSec);
    }
    // A consistent, small pad of quiet at both ends, and no clipping.
    let peak = 0;
    for (const v of wav.channels[0]) peak = Math.max(peak, Math.abs(v));
    expect(peak).toBeLessThan(0.95);
    expect(Math.abs(wav.channels[0][10])).toBeLessThan(0.01);
  });

  it("two locked voices sound clearly different in pitch", async () => {
    const text = "I have been waiting for you all evening.";
    const high = await speak(text, { voiceId: "flite/slt", pitch: 0, rate: 1 });
    const low = await speak(text, { voiceId: "flite/rms", pitch: -2, rate: 1 });
    const f0High = medianF0(high.wav.channels[0], 48000);
    const f0Low = medianF0(low.wav.channels[0], 48000);
    expect(f0High).toBeGreaterThan(140);
    expect(f0Low).toBeLessThan(120);
    expect(f0High / f0Low).toBeGreaterThan(1.4);
  });

  it("a pitch shift in semitones moves the voice's pitch", async () => {
    const text = "Nobody leaves this room tonight.";
    const base = medianF0((await speak(text, { voiceId: "flite/awb", pitch: 0, rate: 1 })).wav.channels[0], 48000);
    const up = medianF0((await speak(text, { voiceId: "flite/awb", pitch: 5, rate: 1 })).wav.channels[0], 48000);
    expect(up / base).toBeGreaterThan(1.2);
  });

  it("deliveries change the sound: a whisper is quieter, a shout louder and faster", async () => {
    const text = "Get down, they are coming through the door.";
    const rms = (x: Float32Array) => Math.sqrt(x.reduce((s, v) => s + v * v, 0) / x.length);
    const neutral = await speak(text);
    const whisper = await speak(text, undefined, "whispered");
    const shout = await speak(text, undefined, "shouted");
    expect(rms(whisper.wav.channels[0])).toBeLessThan(rms(neutral.wav.channels[0]) * 0.5);
    expect(rms(shout.wav.channels[0])).toBeGreaterThan(rms(neutral.wav.channels[0]));
    expect(shout.meta.durationSec).toBeLessThan(neutral.meta.durationSec);
  });

  it("hostile or unspeakable text never crashes; shell-looking text is just spoken", async () => {
    const hostile = [
      `"; rm -rf / #`,
      "<speak><prosody rate='x-fast'>hi</prosody></speak>",
      "Hello\u0000world",
      "🎬🎬🔥",
      "שלום עולם",
      "-o /etc/passwd",
      "A".repeat(490),
    ];
    for (const text of hostile) {
      const { meta, wav } = await speak(text);
      expect(meta.durationSec).toBeGreaterThan(0);
      expect(wav.channels[0].length).toBeGreaterThan(0);
    }
    const literal = await speak("$(reboot) `id` ${HOME}");
    expect(literal.meta.words.map((w) => w.text.toLowerCase())).toEqual(expect.arrayContaining(["reboot", "id", "home"]));
    expect(literal.meta.durationSec).toBeGreaterThan(0.8);
  });

  it("survives many lines in one process (Flite is instantiated afresh each time)", async () => {
    for (let i = 0; i < 24; i++) {
      const { meta } = await speak(`Line number ${i}, steady now.`, { voiceId: ["flite/slt", "flite/rms", "flite/awb", "flite/kal16"][i % 4], pitch: 0, rate: 1 });
      expect(meta.durationSec).toBeGreaterThan(0.5);
    }
  });

  it("is deterministic: the same spec gives the same bytes", async () => {
    const a = await speak("Same words, same voice.", { voiceId: "flite/kal16", pitch: 1, rate: 1.1 }, "scared");
    const b = await speak("Same words, same voice.", { voiceId: "flite/kal16", pitch: 1, rate: 1.1 }, "scared");
    expect(Buffer.from(a.wav.channels[0].buffer).equals(Buffer.from(b.wav.channels[0].buffer))).toBe(true);
  });
  it("gives a robot a level, ringing voice: the same words, the envelope buzzing at the ring's 48 Hz", async () => {
    const text = "Reactor pressure is rising, captain. I would leave now.";
    const person = await speak(text, { voiceId: "flite/rms", pitch: 0, rate: 1 });
    const robot = await speak(text, { voiceId: "flite/rms", pitch: 0, rate: 1, timbre: "robot" });
    const sr = robot.wav.sampleRate;
    // How strongly the loudness swings at 48 Hz: |x| through a Goertzel filter, per unit of mean |x|.
    const buzz = (x: Float32Array) => {
      const w = (2 * Math.PI * 48) / sr;
      let re = 0;
      let im = 0;
      let sum = 0;
      for (let i = 0; i < x.length; i++) {
        const a = Math.abs(x[i]!);
        re += a * Math.cos(w * i);
        im += a * Math.sin(w * i);
        sum += a;
      }
      return Math.hypot(re, im) / sum;
    };
    expect(buzz(robot.wav.channels[0]!)).toBeGreaterThan(4 * buzz(person.wav.channels[0]!));
    // The same words at much the same length: subtitles and the mouth still follow them.
    expect(robot.meta.words.map((w) => w.text)).toEqual(person.meta.words.map((w) => w.text));
    expect(Math.abs(robot.meta.durationSec - person.meta.durationSec)).toBeLessThan(0.3);
  });
});

import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { MockSpeechModelV3 } from "ai/test";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assetFile, setAssetsRoot } from "../../../lib/assets/store";
import { runFfmpeg } from "../../../lib/media/ffmpeg";
import type { SpeechMeta, VoiceSpec } from "../../../lib/plan/specs";
import { configuredSpeechSource, registerSpeechModel, resetProviders } from "../../../lib/providers/select";
import { modelVoiceOf, spreadWords } from "../../../lib/providers/speech/speak-line-with-model";
import { readWav } from "../../../lib/sound/wav";
import { runStage } from "../../../workers/stages";

let dir: string;
let wav: Uint8Array;
const calls: { text: string; voice?: string; speed?: number; instructions?: string; outputFormat?: string }[] = [];
const model = new MockSpeechModelV3({
  provider: "mock-tts",
  modelId: "voice-1",
  doGenerate: async (options) => {
    calls.push({ text: options.text, voice: options.voice, speed: options.speed, instructions: options.instructions, outputFormat: options.outputFormat });
    return { audio: wav, warnings: [], request: {}, response: { timestamp: new Date(0), modelId: "voice-1", headers: undefined } };
  },
});

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "auteur-tts-"));
  setAssetsRoot(path.join(dir, "assets"));
  // What a TTS API sends: 24 kHz mono, a little silence, a second of voice-like tone, silence.
  await runFfmpeg(["-loglevel", "error", "-f", "lavfi", "-i", "sine=f=220:sample_rate=24000:d=1", "-af", "adelay=300,apad=pad_len=9600", "-ac", "1", path.join(dir, "tts.wav")]);
  wav = await fs.readFile(path.join(dir, "tts.wav"));
  resetProviders();
  registerSpeechModel(model);
});
afterAll(async () => {
  resetProviders();
  setAssetsRoot(undefined);
  await fs.rm(dir, { recursive: true, force: true });
});

describe("speak-line through an AI SDK speech model", () => {
  it("speaks in the character's locked voice and rate, and measures the speech like the offline voices", async () => {
    const ref = configuredSpeechSource()!.ref;
    expect(ref).toEqual({ name: "ai-sdk:mock-tts/voice-1", version: "1" });
    const spec: VoiceSpec = { stage: "speak-line", key: "c".repeat(64), lineId: "l1", speaker: "mira", text: "We leave at dawn.", delivery: "whispered", voice: { voiceId: "openai/nova", pitch: 0, rate: 1.1 }, provider: ref };
    const { meta } = await runStage(spec);
    expect(calls[0]).toEqual({ text: "We leave at dawn.", voice: "nova", speed: 1.1, instructions: "Whisper it.", outputFormat: "wav" });
    const speech = await readWav(assetFile(spec.key, "speech.wav"));
    expect(speech.sampleRate).toBe(48_000);
    expect(speech.channels).toHaveLength(1);
    const m = meta as unknown as SpeechMeta;
    // Trimmed to the voice (1 s) and the pad on each side.
    expect(m.durationSec).toBeGreaterThan(1.05);
    expect(m.durationSec).toBeLessThan(1.25);
    expect(m.envelope.length).toBe(Math.ceil(m.durationSec * 24));
    expect(Math.max(...m.envelope)).toBeGreaterThan(0.5);
    // The voice starts right after the kept pad of quiet.
    expect(m.onsetSec).toBeGreaterThan(0.03);
    expect(m.onsetSec).toBeLessThan(0.1);
    expect(m.words.map((w) => w.text)).toEqual(["We", "leave", "at", "dawn."]);
  });

  it("refuses a spec for a speech provider this worker does not have", async () => {
    const spec: VoiceSpec = { stage: "speak-line", key: "d".repeat(64), lineId: "l2", speaker: "mira", text: "Hi.", delivery: "neutral", voice: { voiceId: "alloy", pitch: 0, rate: 1 }, provider: { name: "ai-sdk:other/tts", version: "1" } };
    await expect(runStage(spec)).rejects.toThrow(/no speech provider "ai-sdk:other\/tts"/);
  });

  it("maps voice ids and spreads word timings", () => {
    expect(modelVoiceOf("elevenlabs/Rachel")).toBe("Rachel");
    expect(modelVoiceOf("alloy")).toBe("alloy");
    const words = spreadWords("a bb", 0, 1);
    expect(words).toEqual([
      { text: "a", start: 0, end: 0.4 },
      { text: "bb", start: 0.4, end: 1 },
    ]);
  });
});

/**
 * speak-line through an AI SDK speech model (OpenAI, ElevenLabs...): the character's locked voice id
 * names the model's voice ("openai/alloy" -> "alloy"), the locked rate is the speed, the delivery
 * becomes the model's instructions. The audio is decoded to 48 kHz mono, trimmed and levelled like the
 * offline voices, and written as `dir/speech.wav` with the same SpeechMeta.
 */
import fs from "node:fs/promises";
import path from "node:path";
import { experimental_generateSpeech } from "ai";
import { AuteurError } from "../../errors";
import { runFfmpeg } from "../../media/ffmpeg";
import { FILM_FORMAT, type SpeechMeta, type VoiceSpec } from "../../plan/specs";
import { readWav, writeWav } from "../../sound/wav";
import { mouthEnvelope } from "../../speech/mouth-envelope";
import { levelSpeech, trimSilence } from "../../speech/speech-fx";
import { SPEECH_LEVEL_DB, SPEECH_PAD_SEC, speechOnset } from "../../speech/speak-line";
import { withRetries } from "../retry";

export type AiSdkSpeechModel = Parameters<typeof experimental_generateSpeech>[0]["model"];

const DELIVERY_WORDS: Record<VoiceSpec["delivery"], string> = {
  neutral: "Speak naturally.",
  whispered: "Whisper it.",
  shouted: "Shout it.",
  sarcastic: "Say it sarcastically.",
  scared: "Say it scared, voice shaking.",
  tender: "Say it tenderly.",
  angry: "Say it angrily.",
  sad: "Say it sadly.",
  excited: "Say it excitedly.",
  weary: "Say it wearily.",
  cold: "Say it coldly.",
  amused: "Say it amused.",
};

/** The model's voice name from a locked voice id ("openai/alloy" -> "alloy"). */
export function modelVoiceOf(voiceId: string): string {
  const i = voiceId.indexOf("/");
  return i >= 0 ? voiceId.slice(i + 1) : voiceId;
}

/** Word timings spread over the speech by letters (the models give none). Pure. */
export function spreadWords(text: string, start: number, end: number): SpeechMeta["words"] {
  const words = text.split(/\s+/).filter(Boolean);
  const letters = words.reduce((t, w) => t + w.length + 1, 0);
  let t = start;
  return words.map((w) => {
    const d = ((end - start) * (w.length + 1)) / Math.max(1, letters);
    const word = { text: w, start: Math.round(t * 1000) / 1000, end: Math.round((t + d) * 1000) / 1000 };
    t += d;
    return word;
  });
}

export async function speakLineWithModel(spec: VoiceSpec, dir: string, model: AiSdkSpeechModel, options: { signal?: AbortSignal; retryBaseMs?: number } = {}): Promise<SpeechMeta> {
  const sampleRate = FILM_FORMAT.sampleRate;
  const result = await withRetries(
    () =>
      experimental_generateSpeech({
        model,
        text: spec.text,
        voice: modelVoiceOf(spec.voice.voiceId),
        outputFormat: "wav",
        speed: spec.voice.rate,
        instructions: DELIVERY_WORDS[spec.delivery],
        maxRetries: 2,
        abortSignal: options.signal,
      }),
    { attempts: 3, baseMs: options.retryBaseMs ?? 2000, signal: options.signal },
  );
  const bytes = result.audio.uint8Array;
  if (!bytes?.length) throw new AuteurError("provider_failed", "The speech model returned no audio.");
  const raw = path.join(dir, "model-audio.bin");
  const decoded = path.join(dir, "model-audio.wav");
  await fs.writeFile(raw, bytes);
  try {
    await runFfmpeg(["-loglevel", "error", "-i", raw, "-ac", "1", "-ar", String(sampleRate), "-c:a", "pcm_f32le", "-f", "wav", decoded], { signal: options.signal });
  } catch (cause) {
    throw new AuteurError("provider_failed", "The speech model's answer is not audio ffmpeg can read.", { cause });
  }
  const wav = await readWav(decoded);
  await fs.rm(raw, { force: true });
  await fs.rm(decoded, { force: true });
  const trimmed = trimSilence(wav.channels[0]!, sampleRate, SPEECH_PAD_SEC);
  const samples = levelSpeech(trimmed.samples, sampleRate, SPEECH_LEVEL_DB);
  await writeWav(path.join(dir, "speech.wav"), { sampleRate, channels: [samples] }, "pcm16");
  const duration = samples.length / sampleRate;
  return {
    durationSec: duration,
    sampleRate,
    onsetSec: speechOnset(samples, sampleRate),
    envelope: mouthEnvelope(samples, sampleRate, FILM_FORMAT.fps),
    words: spreadWords(spec.text, Math.min(duration, SPEECH_PAD_SEC), Math.max(0, duration - SPEECH_PAD_SEC)),
  };
}

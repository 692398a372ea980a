import { describe, expect, it } from "vitest";
import { cleanSpeechText, isSpeakable } from "../../../lib/speech/clean-text";
import { fliteArgs } from "../../../lib/speech/flite";
import { voiceParams } from "../../../lib/speech/voice-params";
import { wordTimings } from "../../../lib/speech/word-timings";
import { mouthEnvelope } from "../../../lib/speech/mouth-envelope";

describe("text hygiene for speech", () => {
  it("keeps what can be spoken, literally", () => {
    expect(cleanSpeechText(`He said "$(rm -rf /)" & left; 'OK'?`)).toBe(`He said "$(rm -rf /)" & left; 'OK'?`);
  });

  it("folds accents and typographic punctuation", () => {
    expect(cleanSpeechText("Café — “naïve” it’s…")).toBe(`Cafe , "naive" it's...`);
  });

  it("drops control characters, NUL, emoji, markup brackets and scripts Flite cannot read", () => {
    const cleaned = cleanSpeechText("Hi\u0000 there <script>alert(1)</script> 🎬🔥 שלום مرحبا\u202e end");
    expect(cleaned).not.toMatch(/[\u0000-\u001f<>\u0080-\uffff]/);
    expect(cleaned).toContain("Hi there");
    expect(cleaned).toContain("end");
  });

  it("knows when nothing is left to say", () => {
    expect(isSpeakable(cleanSpeechText("🎬🔥 …"))).toBe(false);
    expect(isSpeakable(cleanSpeechText("42"))).toBe(true);
  });

  it("passes the text as one argv element after -t", () => {
    const args = fliteArgs({ voice: "slt", text: "-o /etc/passwd; echo", features: [["duration_stretch", 1.1]] }, "/out/speech.wav");
    expect(args[args.indexOf("-t") + 1]).toBe("-o /etc/passwd; echo");
    expect(args.slice(-2)).toEqual(["-o", "/out/speech.wav"]);
  });
});

describe("voice settings", () => {
  it("gives voices that take a pitch target a pitch in Hz, shifted by semitones", () => {
    const p = voiceParams({ voiceId: "flite/slt", pitch: 12, rate: 1 }, "neutral");
    expect(p.fliteVoice).toBe("slt");
    expect(p.speed).toBe(1);
    expect(Object.fromEntries(p.features).int_f0_target_mean).toBeCloseTo(350, 0);
  });

  it("changes rms's pitch by playback speed, stretching Flite's timing to keep the length", () => {
    const p = voiceParams({ voiceId: "flite/rms", pitch: -2, rate: 1 }, "neutral");
    expect(p.speed).toBeCloseTo(Math.pow(2, -2 / 12), 3);
    expect(Object.fromEntries(p.features).duration_stretch).toBeCloseTo(p.speed, 3);
  });

  it("plays deliveries: whispers are quiet and breathy, shouts loud, fast and high, sad lines slow and low", () => {
    const voice = { voiceId: "flite/awb", pitch: 0, rate: 1 };
    const neutral = voiceParams(voice, "neutral");
    const whisper = voiceParams(voice, "whispered");
    const shout = voiceParams(voice, "shouted");
    const sad = voiceParams(voice, "sad");
    const f = (p: typeof neutral, k: string) => Object.fromEntries(p.features)[k];
    expect(whisper.gainDb).toBeLessThan(neutral.gainDb - 6);
    expect(whisper.breath).toBeGreaterThan(0.5);
    expect(shout.gainDb).toBeGreaterThan(neutral.gainDb);
    expect(f(shout, "duration_stretch")).toBeLessThan(f(neutral, "duration_stretch"));
    expect(f(shout, "int_f0_target_mean")).toBeGreaterThan(f(neutral, "int_f0_target_mean"));
    expect(f(sad, "duration_stretch")).toBeGreaterThan(f(neutral, "duration_stretch"));
    expect(f(sad, "int_f0_target_mean")).toBeLessThan(f(neutral, "int_f0_target_mean"));
  });

  it("a faster locked rate means a shorter stretch", () => {
    const slow = voiceParams({ voiceId: "flite/slt", pitch: 0, rate: 0.8 }, "neutral");
    const fast = voiceParams({ voiceId: "flite/slt", pitch: 0, rate: 1.25 }, "neutral");
    expect(Object.fromEntries(fast.features).duration_stretch).toBeLessThan(Object.fromEntries(slow.features).duration_stretch);
  });

  it("refuses an unknown voice with the list of known ones", () => {
    expect(() => voiceParams({ voiceId: "acme/nope", pitch: 0, rate: 1 }, "neutral")).toThrow(/flite\/slt/);
  });
});

describe("word timings and the mouth", () => {
  const segments = [
    { phone: "pau", end: 0.1 }, { phone: "hh", end: 0.2 }, { phone: "ax", end: 0.3 }, { phone: "l", end: 0.4 }, { phone: "ow", end: 0.5 },
    { phone: "pau", end: 0.7 }, { phone: "w", end: 0.8 }, { phone: "er", end: 0.9 }, { phone: "l", end: 1.0 }, { phone: "d", end: 1.1 }, { phone: "pau", end: 1.3 },
  ];

  it("gives every word an ordered span, phrase by phrase", () => {
    const words = wordTimings("Hello, world.", segments);
    expect(words.map((w) => w.text)).toEqual(["Hello", "world"]);
    expect(words[0]).toEqual({ text: "Hello", start: 0.1, end: 0.5 });
    expect(words[1]).toEqual({ text: "world", start: 0.7, end: 1.1 });
  });

  it("copes with more words than phones", () => {
    const words = wordTimings("a b c d e f g h i j k l m n o", segments);
    expect(words).toHaveLength(15);
    for (let i = 1; i < words.length; i++) expect(words[i].start).toBeGreaterThanOrEqual(words[i - 1].start);
  });

  it("the mouth opens with the sound and closes in silence", () => {
    const sr = 48000;
    const x = new Float32Array(sr);
    for (let i = sr / 4; i < sr / 2; i++) x[i] = 0.3 * Math.sin(i * 0.05);
    const env = mouthEnvelope(x, sr, 24);
    expect(env).toHaveLength(24);
    expect(env[0]).toBe(0);
    expect(env[9]).toBeGreaterThan(0.8);
    expect(env[20]).toBe(0);
  });
});

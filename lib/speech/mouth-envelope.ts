/**
 * The mouth: one value 0..1 per film frame, from the speech's short-term level (relative to the line's
 * own loudest frames, so a whisper still moves the mouth).
 */
export function mouthEnvelope(samples: Float32Array, sampleRate: number, fps: number): number[] {
  const hop = sampleRate / fps;
  const frames = Math.ceil(samples.length / hop);
  const rms: number[] = [];
  for (let f = 0; f < frames; f++) {
    const a = Math.floor(f * hop);
    const b = Math.min(samples.length, Math.floor((f + 1) * hop));
    let sum = 0;
    for (let i = a; i < b; i++) sum += samples[i] * samples[i];
    rms.push(Math.sqrt(sum / Math.max(1, b - a)));
  }
  const sorted = [...rms].sort((x, y) => x - y);
  const loud = sorted[Math.floor(sorted.length * 0.95)] || 0;
  if (loud <= 1e-6) return rms.map(() => 0);
  return rms.map((r) => {
    const db = 20 * Math.log10(r / loud + 1e-9);
    const v = Math.max(0, Math.min(1, (db + 36) / 36));
    return Math.round(v * v * 1000) / 1000;
  });
}

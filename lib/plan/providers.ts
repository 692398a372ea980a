import type { ProviderRef } from "./specs";

/**
 * The built-in providers and their versions. A version goes into every content key made with the
 * provider: bump it when the provider's output changes, and everything it made is made again.
 */
export const BUILT_IN_PROVIDERS = {
  speech: { name: "flite", version: "2" },
  video: { name: "animatic", version: "7" },
  sound: { name: "synth-score", version: "4" },
  mix: { name: "mix", version: "3" },
  stitch: { name: "stitch", version: "7" },
  filmAudio: { name: "film-audio", version: "3" },
} as const satisfies Record<string, ProviderRef>;

/**
 * The video provider interface: something that turns a ShotSpec into a clip. A clip may come in any
 * size, frame rate, length and container; conformClip turns it into the segment format afterwards.
 */
import type { ShotSpec } from "../../plan/specs";

/** What a provider charges (US dollars). Built-in providers are free. */
export interface ProviderPrice {
  /** Per second of video made. */
  perVideoSecond?: number;
  /** Per image made (reference sheets). */
  perImage?: number;
  /** Per 1000 characters of speech. */
  perThousandChars?: number;
}

export interface RenderContext {
  /** characterId -> reference image file (PNG) for the characters in the shot that have one. */
  references: Record<string, string>;
  /** The previous shot's last frame (PNG) when this shot continues a scene chain. */
  firstFrame?: string;
  /** A folder the provider may write its clip and scratch files into. */
  workDir: string;
  /** The seed of this take (the spec's seed, or a retake's). */
  seed: number;
  signal?: AbortSignal;
}

export interface RenderedClip {
  /** A clip in any format ffmpeg reads. */
  file: string;
  /** Seconds of video the provider billed for (drives the cost record). */
  billedSeconds?: number;
}

export interface ShotRenderer {
  /** Goes into ShotSpec.provider.name (and so into content keys). */
  name: string;
  version: string;
  price: ProviderPrice;
  accepts: {
    /** Character reference images steer the render. */
    referenceImages: boolean;
    /** The clip can start from a given first frame (scene chains). */
    firstFrame: boolean;
    /** The clip comes with its own sound (kept, mixed under the score). */
    audio: boolean;
  };
  /** How many renders may run at once against this provider (per process). */
  maxConcurrency: number;
  /** Longest clip the provider makes in one call, seconds (longer shots are held on their last frame). */
  maxSeconds?: number;
  render(spec: ShotSpec, ctx: RenderContext): Promise<RenderedClip>;
}

/**
 * Which generators made a cut: the text model that wrote the screenplay, the video provider of each
 * shot, speech and sound. Pure: the configured choices come in as arguments.
 */
import { BUILT_IN_PROVIDERS } from "../plan/providers";
import type { ProviderRef } from "../plan/specs";
import type { CutView } from "../film/views";
import type { GeneratingProvider } from "./manifest-definition";

export interface ConfiguredProviders {
  /** The text model's public name ("offline story engine", "openai/gpt-4.1-mini"). */
  text: string;
  video: ProviderRef;
  speech?: ProviderRef;
}

export function filmProviders(view: Pick<CutView, "shots">, configured: ConfiguredProviders): GeneratingProvider[] {
  const providers: GeneratingProvider[] = [{ role: "screenplay", name: configured.text }];
  const videoNames = [...new Set(view.shots.map((s) => s.provider).filter((p): p is string => Boolean(p)))];
  if (videoNames.length === 0 || view.shots.some((s) => !s.provider)) {
    const builtIn = configured.video.name === BUILT_IN_PROVIDERS.video.name ? BUILT_IN_PROVIDERS.video : configured.video;
    if (!videoNames.includes(builtIn.name)) providers.push({ role: "video", name: builtIn.name, version: builtIn.version });
  }
  for (const name of videoNames) providers.push({ role: "video", name });
  const speech = configured.speech ?? BUILT_IN_PROVIDERS.speech;
  providers.push({ role: "speech", name: speech.name, version: speech.version });
  providers.push({ role: "sound", name: BUILT_IN_PROVIDERS.sound.name, version: BUILT_IN_PROVIDERS.sound.version });
  return providers;
}

/**
 * What a film's provenance manifest says, as a c2pa ManifestDefinition: the film was created by
 * generative models (IPTC digital source type "trainedAlgorithmicMedia"), by Auteur, with these providers.
 */
export const TRAINED_ALGORITHMIC_MEDIA = "http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia";

/** One generator that made part of the film. */
export interface GeneratingProvider {
  /** What it made: "screenplay", "video", "speech", "sound", ... */
  role: string;
  name: string;
  version?: string;
}

export interface FilmManifestInput {
  title: string;
  generator: { name: string; version: string };
  providers: GeneratingProvider[];
}

export function describeProviders(providers: GeneratingProvider[]): string {
  return providers.map((p) => `${p.role}: ${p.name}${p.version ? ` ${p.version}` : ""}`).join("; ");
}

export function filmManifestDefinition(input: FilmManifestInput): Record<string, unknown> {
  if (input.providers.length === 0) throw new Error("A film manifest names at least one generating provider.");
  return {
    title: input.title,
    format: "video/mp4",
    claim_generator_info: [{ name: input.generator.name, version: input.generator.version }],
    assertions: [
      {
        label: "c2pa.actions.v2",
        data: {
          actions: [
            {
              action: "c2pa.created",
              digitalSourceType: TRAINED_ALGORITHMIC_MEDIA,
              softwareAgent: { name: input.generator.name, version: input.generator.version },
              description: `AI-generated film made with ${describeProviders(input.providers)}`,
              parameters: { providers: input.providers.map((p) => ({ role: p.role, name: p.name, ...(p.version ? { version: p.version } : {}) })) },
            },
          ],
        },
      },
    ],
  };
}

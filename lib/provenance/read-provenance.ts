/**
 * Reads and validates the C2PA manifest of an MP4 with the reference implementation, and answers what a
 * person (or a test) wants to know: is it labelled AI-generated, by whom, and does the signature hold.
 */
import { c2paLib } from "./c2pa-wasm";
import { TRAINED_ALGORITHMIC_MEDIA, type GeneratingProvider } from "./manifest-definition";

export interface FilmProvenance {
  /** "Invalid", "Valid" (signature and hashes hold) or "Trusted" (and the signer chains to a trust anchor). */
  validationState: string;
  /** Validation failures by code (empty when valid). */
  failures: string[];
  title?: string;
  generator?: string;
  /** True when a c2pa.created action says the media came from a trained algorithm. */
  aiGenerated: boolean;
  providers: GeneratingProvider[];
  /** Issuer of the signing certificate. */
  signer?: string;
}

interface ActionJson {
  action?: string;
  digitalSourceType?: string;
  parameters?: { providers?: GeneratingProvider[] };
}

export async function readProvenance(mp4: Uint8Array, options: { trustAnchorsPem?: string } = {}): Promise<FilmProvenance | null> {
  const { WasmReader } = c2paLib();
  const context = options.trustAnchorsPem ? JSON.stringify({ trust: { user_anchors: options.trustAnchorsPem } }) : undefined;
  let reader;
  try {
    reader = await WasmReader.fromBytes("video/mp4", mp4, context);
  } catch (error) {
    if (/JumbfNotFound|no JUMBF|ManifestNotFound|not found/i.test(String(error))) return null;
    throw error;
  }
  try {
    const store = JSON.parse(reader.json()) as {
      active_manifest?: string;
      manifests?: Record<string, { title?: string; claim_generator_info?: { name?: string; version?: string }[]; assertions?: { label: string; data: { actions?: ActionJson[] } }[]; signature_info?: { issuer?: string } }>;
      validation_state?: string;
      validation_results?: { activeManifest?: { failure?: { code: string }[] } };
      validation_status?: { code: string }[];
    };
    const manifest = store.active_manifest ? store.manifests?.[store.active_manifest] : undefined;
    if (!manifest) return null;
    const actions = (manifest.assertions ?? []).filter((a) => a.label.startsWith("c2pa.actions")).flatMap((a) => a.data.actions ?? []);
    const created = actions.find((a) => a.action === "c2pa.created");
    const info = manifest.claim_generator_info?.[0];
    return {
      validationState: store.validation_state ?? "Unknown",
      failures: (store.validation_results?.activeManifest?.failure ?? store.validation_status ?? []).map((f) => f.code),
      title: manifest.title,
      generator: info?.name ? `${info.name}${info.version ? ` ${info.version}` : ""}` : undefined,
      aiGenerated: created?.digitalSourceType === TRAINED_ALGORITHMIC_MEDIA,
      providers: created?.parameters?.providers ?? [],
      signer: manifest.signature_info?.issuer,
    };
  } finally {
    reader.free();
  }
}

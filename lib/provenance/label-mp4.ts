/**
 * Embeds a signed C2PA manifest into an MP4 (a "uuid" box after "ftyp", with a BMFF hash of the rest),
 * using the C2PA reference implementation. The picture and sound are untouched.
 */
import { blobOf, c2paLib } from "./c2pa-wasm";
import { coseSign1Es256 } from "./cose-sign1";
import { filmManifestDefinition, type FilmManifestInput } from "./manifest-definition";
import type { SigningIdentity } from "./signing-identity";

/** Bytes reserved in the manifest for the signature: the certificate plus a little. */
const SIGNATURE_RESERVE = 4096;

export async function labelMp4(input: { mp4: Uint8Array; manifest: FilmManifestInput; identity: SigningIdentity }): Promise<Uint8Array> {
  const { WasmBuilder } = c2paLib();
  const builder = WasmBuilder.fromJson(JSON.stringify(filmManifestDefinition(input.manifest)));
  try {
    const signer = {
      alg: "es256",
      reserveSize: SIGNATURE_RESERVE,
      sign: async (claim: Uint8Array) =>
        (await coseSign1Es256({ claim, privateKey: input.identity.privateKey, certificate: input.identity.certificate, size: SIGNATURE_RESERVE })) as Uint8Array<ArrayBuffer>,
    };
    return await builder.sign(signer, [], "video/mp4", blobOf(input.mp4, "video/mp4"));
  } finally {
    builder.free();
  }
}

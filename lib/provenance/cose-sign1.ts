/**
 * Signs a C2PA claim as a COSE_Sign1 structure (RFC 9052) with ES256, the signing certificate in the
 * protected header (x5chain) and zero padding in the unprotected header so that the result has exactly
 * the size the manifest reserved for it (C2PA hashes the asset before the signature exists).
 */
import { webcrypto } from "node:crypto";
import { Encoder, Tag } from "cbor-x";

const cbor = new Encoder({ useRecords: false, mapsAsObjects: false, variableMapSize: true, tagUint8Array: false });
const COSE_SIGN1_TAG = 18;
const HEADER_ALG = 1;
const HEADER_X5CHAIN = 33;
const ES256 = -7;

function encode(value: unknown): Uint8Array {
  return new Uint8Array(cbor.encode(value));
}

/** Sig_structure of RFC 9052 section 4.4, with a detached payload (the claim). */
export function sigStructure(protectedHeader: Uint8Array, claim: Uint8Array): Uint8Array {
  return encode(["Signature1", protectedHeader, new Uint8Array(0), claim]);
}

/** The COSE_Sign1 bytes, padded to `size`; throws when they cannot fit. */
export function assembleCoseSign1(input: { protectedHeader: Uint8Array; signature: Uint8Array; size: number }): Uint8Array {
  const build = (pad?: number) =>
    encode(new Tag([input.protectedHeader, pad === undefined ? new Map() : new Map([["pad", new Uint8Array(pad)]]), null, input.signature], COSE_SIGN1_TAG));
  const bare = build();
  if (bare.length === input.size) return bare;
  // The pad's own length prefix grows with it (1, 2, 3 or 5 bytes): try the few lengths that can land.
  const room = input.size - bare.length - encode("pad").length;
  for (let pad = Math.max(0, room - 1); pad >= Math.max(0, room - 5); pad--) {
    const padded = build(pad);
    if (padded.length === input.size) return padded;
  }
  throw new Error(`The signature (${bare.length} bytes) does not fit the ${input.size} bytes reserved for it.`);
}

export async function coseSign1Es256(input: { claim: Uint8Array; privateKey: CryptoKey; certificate: Uint8Array; size: number }): Promise<Uint8Array> {
  const protectedHeader = encode(new Map<number, unknown>([[HEADER_ALG, ES256], [HEADER_X5CHAIN, input.certificate]]));
  const toSign = sigStructure(protectedHeader, input.claim);
  // WebCrypto returns ECDSA signatures as r || s, the form COSE uses.
  const signature = new Uint8Array(await webcrypto.subtle.sign({ name: "ECDSA", hash: "SHA-256" }, input.privateKey as webcrypto.CryptoKey, toSign as Uint8Array<ArrayBuffer>));
  return assembleCoseSign1({ protectedHeader, signature, size: input.size });
}

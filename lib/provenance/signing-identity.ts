/**
 * The key and certificates that sign provenance manifests. Made on first use and kept in the data folder
 * (<data>/provenance/): a local certificate authority and a signing certificate it issued (C2PA does not
 * accept a self-signed signing certificate). They prove which installation labelled a film, not who runs
 * it: no public trust list knows this authority, so readers elsewhere report the manifest as valid but
 * its signer as untrusted.
 */
// @peculiar/x509 needs the Reflect metadata API before it loads.
import "reflect-metadata";
import { webcrypto } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import * as x509 from "@peculiar/x509";

const ALGORITHM = { name: "ECDSA", namedCurve: "P-256", hash: "SHA-256" } as const;
const EMAIL_PROTECTION = "1.3.6.1.5.5.7.3.4";
const YEARS = 10;

export interface SigningIdentity {
  /** Signs with ES256 (ECDSA P-256, SHA-256). */
  privateKey: CryptoKey;
  /** DER of the signing certificate. */
  certificate: Uint8Array;
  /** PEM of the authority that issued it: the trust anchor a reader needs to call the manifest trusted. */
  authorityPem: string;
}

const FILES = { key: "signer.key.pem", certificate: "signer.cert.pem", authority: "authority.cert.pem" } as const;

function pem(label: string, der: ArrayBuffer): string {
  const body = Buffer.from(der).toString("base64").replace(/(.{64})/g, "$1\n").trim();
  return `-----BEGIN ${label}-----\n${body}\n-----END ${label}-----\n`;
}

function der(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text.replace(/-----[^-]+-----/g, "").replace(/\s+/g, ""), "base64"));
}

async function createIdentity(dir: string, name: string): Promise<void> {
  const crypto = webcrypto as unknown as Crypto;
  x509.cryptoProvider.set(crypto);
  const notBefore = new Date(Date.now() - 24 * 60 * 60 * 1000);
  const notAfter = new Date(notBefore.getTime() + YEARS * 365 * 24 * 60 * 60 * 1000);
  const authorityKeys = (await crypto.subtle.generateKey(ALGORITHM, true, ["sign", "verify"])) as CryptoKeyPair;
  const authority = await x509.X509CertificateGenerator.createSelfSigned({
    name: `CN=${name} local authority, O=${name}`,
    keys: authorityKeys,
    notBefore,
    notAfter,
    signingAlgorithm: ALGORITHM,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(authorityKeys.publicKey),
    ],
  });
  const signerKeys = (await crypto.subtle.generateKey(ALGORITHM, true, ["sign", "verify"])) as CryptoKeyPair;
  const signer = await x509.X509CertificateGenerator.create({
    subject: `CN=${name} film labeller, O=${name}`,
    issuer: authority.subject,
    publicKey: signerKeys.publicKey,
    signingKey: authorityKeys.privateKey,
    notBefore,
    notAfter,
    signingAlgorithm: ALGORITHM,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension([EMAIL_PROTECTION]),
      await x509.SubjectKeyIdentifierExtension.create(signerKeys.publicKey),
      await x509.AuthorityKeyIdentifierExtension.create(authority),
    ],
  });
  const pkcs8 = await crypto.subtle.exportKey("pkcs8", signerKeys.privateKey);
  // Written to a fresh folder then renamed, so two processes starting at once never mix two identities.
  const staging = `${dir}.${process.pid}.${Date.now()}.tmp`;
  mkdirSync(staging, { recursive: true });
  writeFileSync(path.join(staging, FILES.key), pem("PRIVATE KEY", pkcs8), { mode: 0o600 });
  writeFileSync(path.join(staging, FILES.certificate), signer.toString("pem") + "\n");
  writeFileSync(path.join(staging, FILES.authority), authority.toString("pem") + "\n");
  try {
    renameSync(staging, dir);
  } catch (error) {
    if (!existsSync(path.join(dir, FILES.key))) throw error;
  }
}

const cache = new Map<string, Promise<SigningIdentity>>();

/** The signing identity kept in `dir`, made there first if it does not exist. */
export function signingIdentity(dir: string, name = "Auteur"): Promise<SigningIdentity> {
  let identity = cache.get(dir);
  if (!identity) {
    identity = (async () => {
      if (!existsSync(path.join(dir, FILES.key))) {
        mkdirSync(path.dirname(dir), { recursive: true });
        await createIdentity(dir, name);
      }
      const privateKey = await webcrypto.subtle.importKey("pkcs8", der(readFileSync(path.join(dir, FILES.key), "utf8")), ALGORITHM, false, ["sign"]);
      return {
        privateKey: privateKey as unknown as CryptoKey,
        certificate: der(readFileSync(path.join(dir, FILES.certificate), "utf8")),
        authorityPem: readFileSync(path.join(dir, FILES.authority), "utf8"),
      };
    })();
    identity.catch(() => cache.delete(dir));
    cache.set(dir, identity);
  }
  return identity;
}

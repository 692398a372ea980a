/**
 * Loads the C2PA reference implementation (c2pa-rs compiled to WebAssembly, shipped inside the npm
 * package) once per process. Its builder reads the asset through the browser's FileReaderSync; Node has
 * no such API, so a small adapter answers it for the Blobs this module makes (and only those).
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as c2pa from "@contentauth/c2pa-wasm";

export type { WasmBuilder, WasmReader } from "@contentauth/c2pa-wasm";

const blobBytes = new WeakMap<Blob, Uint8Array>();

class BlobBytesReader {
  readAsArrayBuffer(blob: Blob): ArrayBuffer {
    const bytes = blobBytes.get(blob);
    if (!bytes) throw new Error("Only Blobs made by blobOf() can be read synchronously.");
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  }
}

/** Slices of it stay readable too (the builder reads assets over 50 MB slice by slice). */
class ByteBlob extends Blob {
  readonly #bytes: Uint8Array;
  constructor(bytes: Uint8Array, type: string) {
    super([bytes as Uint8Array<ArrayBuffer>], { type });
    this.#bytes = bytes;
  }
  override slice(start = 0, end = this.#bytes.length, type = ""): Blob {
    const at = (i: number) => Math.min(this.#bytes.length, Math.max(0, i < 0 ? this.#bytes.length + i : i));
    return blobOf(this.#bytes.subarray(at(start), Math.max(at(start), at(end))), type);
  }
}

/** A Blob whose bytes the C2PA builder can read synchronously. */
export function blobOf(bytes: Uint8Array, type: string): Blob {
  const blob = new ByteBlob(bytes, type);
  blobBytes.set(blob, bytes);
  return blob;
}

/**
 * The WebAssembly file, read as plain bytes. Looked up from the working directory first: inside the
 * Next.js bundle, require.resolve relative to this module is replaced by a module id at build time.
 */
function wasmFile(): string {
  for (const base of [path.join(process.cwd(), "package.json"), fileURLToPath(import.meta.url)]) {
    try {
      const manifest: unknown = createRequire(base).resolve("@contentauth/c2pa-wasm/package.json");
      if (typeof manifest === "string") return path.join(path.dirname(manifest), "pkg", "c2pa_bg.wasm");
    } catch {
      /* not found from there */
    }
  }
  throw new Error("The C2PA library (@contentauth/c2pa-wasm) is not installed.");
}

let loaded: typeof c2pa | undefined;

export function c2paLib(): typeof c2pa {
  if (loaded) return loaded;
  const scope = globalThis as { FileReaderSync?: unknown };
  if (scope.FileReaderSync === undefined) scope.FileReaderSync = BlobBytesReader;
  c2pa.initSync({ module: readFileSync(wasmFile()) });
  loaded = c2pa;
  return loaded;
}

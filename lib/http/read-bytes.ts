/**
 * Reads a request body as bytes, refusing (before reading it all) a body larger than `maxBytes`, and
 * an empty one, with messages a person can act on.
 */
import { AuteurError } from "../errors";

export async function readBytes(request: Request, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(request.headers.get("content-length") ?? NaN);
  const tooLarge = () => new AuteurError("limit_exceeded", `The upload may be at most ${Math.round(maxBytes / 1024 / 1024)} MB.`);
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge();
  if (!request.body) throw new AuteurError("invalid_input", "The upload is empty: send the picture as the request body.");
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(value);
  }
  if (total === 0) throw new AuteurError("invalid_input", "The upload is empty: send the picture as the request body.");
  return Buffer.concat(chunks, total);
}

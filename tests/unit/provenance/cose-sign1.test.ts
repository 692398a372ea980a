import { Decoder } from "cbor-x";
import { describe, expect, it } from "vitest";
import { assembleCoseSign1 } from "../../../lib/provenance/cose-sign1";

const cbor = new Decoder({ mapsAsObjects: false });

describe("assembleCoseSign1", () => {
  const protectedHeader = new Uint8Array([0xa1, 0x01, 0x26]);
  const signature = new Uint8Array(64).fill(7);

  it("pads the structure to exactly the reserved size, for sizes across the pad's length prefixes", () => {
    for (const size of [200, 300, 1000, 4096, 70_000]) {
      const bytes = assembleCoseSign1({ protectedHeader, signature, size });
      expect(bytes.length).toBe(size);
      const sign1 = cbor.decode(bytes) as { tag: number; value: [Uint8Array, Map<string, Uint8Array>, null, Uint8Array] };
      expect(sign1.tag).toBe(18);
      expect(new Uint8Array(sign1.value[0])).toEqual(protectedHeader);
      expect(sign1.value[2]).toBeNull();
      expect(new Uint8Array(sign1.value[3])).toEqual(signature);
      expect(sign1.value[1].get("pad")?.every((b) => b === 0)).toBe(true);
    }
  });

  it("refuses a reserve smaller than the signature", () => {
    expect(() => assembleCoseSign1({ protectedHeader, signature, size: 40 })).toThrow(/does not fit/);
  });
});

/**
 * A tiny ONNX image-embedding model written byte by byte (a small protobuf encoder; no model files):
 * input "pixels" [1,3,S,S] -> GlobalAveragePool -> Flatten -> "embedding" [1,3], i.e. the mean of
 * each normalised colour channel. Enough to run real onnxruntime inference in tests.
 */
function varint(n: number): number[] {
  const out: number[] = [];
  while (n > 127) {
    out.push((n & 127) | 128);
    n = Math.floor(n / 128);
  }
  out.push(n);
  return out;
}
const field = (no: number, wire: number) => varint((no << 3) | wire);
const int = (no: number, n: number) => [...field(no, 0), ...varint(n)];
const bytes = (no: number, b: number[]) => [...field(no, 2), ...varint(b.length), ...b];
const str = (no: number, s: string) => bytes(no, [...Buffer.from(s, "utf8")]);

/** ValueInfoProto of a float tensor with fixed dims. */
function tensorInfo(name: string, dims: number[]): number[] {
  const shape = dims.flatMap((d) => bytes(1, int(1, d))); // TensorShapeProto.dim { dim_value }
  const tensorType = [...int(1, 1), ...bytes(2, shape)]; // elem_type FLOAT, shape
  return [...str(1, name), ...bytes(2, bytes(1, tensorType))]; // name, type { tensor_type }
}

function node(op: string, inputs: string[], outputs: string[], name: string): number[] {
  return [...inputs.flatMap((i) => str(1, i)), ...outputs.flatMap((o) => str(2, o)), ...str(3, name), ...str(4, op)];
}

export function meanColourModel(size: number): Uint8Array {
  const graph = [
    ...bytes(1, node("GlobalAveragePool", ["pixels"], ["pooled"], "pool")),
    ...bytes(1, node("Flatten", ["pooled"], ["embedding"], "flatten")),
    ...str(2, "mean-colour"),
    ...bytes(11, tensorInfo("pixels", [1, 3, size, size])),
    ...bytes(12, tensorInfo("embedding", [1, 3])),
  ];
  const model = [
    ...int(1, 8), // ir_version
    ...str(2, "auteur-tests"), // producer_name
    ...bytes(7, graph),
    ...bytes(8, [...str(1, ""), ...int(2, 13)]), // opset_import { domain "", version 13 }
  ];
  return Uint8Array.from(model);
}

/**
 * Each frame read from the canvas is a fresh 3.6 MB buffer outside the JS heap. Left to itself, V8
 * lets these pile up until a major collection, and the memory comes back as new (kernel-zeroed)
 * pages every time: measured here, that doubled the renderer's CPU per frame. A young-generation
 * collection after each frame frees the last frame's buffer at once, for a fraction of a millisecond.
 *
 * The caller should then let the event loop turn (V8 frees the memory on its own tasks).
 *
 * The collector is reached through V8's --expose-gc flag in a fresh context (the process's own
 * globals are untouched). Where that is not possible, this does nothing.
 */
import v8 from "node:v8";
import vm from "node:vm";

type Gc = (options?: { type?: "minor" | "major"; execution?: "sync" | "async" }) => void;
let gc: Gc | null | undefined;

export function releaseFrameMemory(): void {
  if (gc === undefined) {
    try {
      v8.setFlagsFromString("--expose-gc");
      gc = vm.runInNewContext("gc") as Gc;
    } catch {
      gc = null;
    }
  }
  gc?.({ type: "minor" });
}

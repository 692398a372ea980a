/**
 * A CPU child: runs stages (drawing, synthesis, encoding) off the main process, so the web server and
 * the queue stay responsive and several shots use several cores. Talks to its parent over IPC.
 */
import { runStage } from "./stages";
import { stopHelper, useSpawnHelper } from "../lib/media/spawn-helper";
import type { StageSpec } from "../lib/plan/specs";

interface Request {
  id: number;
  spec: StageSpec;
}

/** Tell the parent; if it is gone (stopped while this child was loading or working), leave quietly. */
function reply(message: unknown): void {
  if (!process.connected) process.exit(0);
  process.send!(message, undefined, {}, (err) => {
    if (err) process.exit(0);
  });
}

// ffmpeg starts from a small helper process: forking this one (hundreds of MB) costs ~20 ms a start.
useSpawnHelper();

process.on("message", async (message: Request) => {
  try {
    const result = await runStage(message.spec);
    reply({ id: message.id, ok: true, result });
  } catch (err) {
    const e = err as Error & { code?: string };
    reply({ id: message.id, ok: false, error: { message: e?.message ?? String(err), code: e?.code } });
  }
});
/** Leave, the helper first (its programs are killed), waiting at most a moment for it. */
function leave(): void {
  void Promise.race([stopHelper(), new Promise((r) => setTimeout(r, 1000))]).finally(() => process.exit(0));
}
process.on("disconnect", leave);
process.on("SIGTERM", leave);
reply({ ready: true });

/**
 * A CPU child: runs stages (drawing, synthesis, encoding) off the main process, so the web server and
 * the queue stay responsive and several shots use several cores. Talks to its parent over IPC.
 */
import { runStage } from "./stages";
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

process.on("message", async (message: Request) => {
  try {
    const result = await runStage(message.spec);
    reply({ id: message.id, ok: true, result });
  } catch (err) {
    const e = err as Error & { code?: string };
    reply({ id: message.id, ok: false, error: { message: e?.message ?? String(err), code: e?.code } });
  }
});
process.on("disconnect", () => process.exit(0));
reply({ ready: true });

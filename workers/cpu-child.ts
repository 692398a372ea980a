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

process.on("message", async (message: Request) => {
  try {
    const result = await runStage(message.spec);
    process.send!({ id: message.id, ok: true, result });
  } catch (err) {
    const e = err as Error & { code?: string };
    process.send!({ id: message.id, ok: false, error: { message: e?.message ?? String(err), code: e?.code } });
  }
});
process.on("disconnect", () => process.exit(0));
process.send!({ ready: true });

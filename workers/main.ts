/**
 * `npm run worker`: a worker process against the Postgres server in DATABASE_URL. Run as many as you
 * like, on as many machines as share the asset folder; they all pull from the same queues.
 */
import { AuteurError, toAuteurError } from "../lib/errors";
import { env } from "../lib/env";
import { startRuntime } from "../lib/runtime";

async function main() {
  if (!env().databaseUrl)
    throw new AuteurError(
      "invalid_input",
      "npm run worker needs DATABASE_URL (a Postgres server shared with the app). Without it, the app and `npm run film` run their own embedded worker.",
    );
  const rt = await startRuntime({ embeddedWorker: true });
  console.error(`[auteur] worker ${rt.worker!.name} started (concurrency ${rt.config.workerConcurrency})`);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.error(`[auteur] ${signal}: finishing and stopping`);
    await rt.stop();
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
}

main().catch((err) => {
  const e = toAuteurError(err);
  console.error(`Error (${e.code}): ${e.message}`);
  process.exit(1);
});

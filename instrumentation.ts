/**
 * Runs once when the Next.js server starts: opens the database, applies migrations, starts the queue and
 * (in the embedded mode) a worker in this process, so one command starts everything. First it refuses to
 * start open to the network without accounts (lib/auth/serve-policy.ts).
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // Never serve the local user, unsigned, to the network: without accounts, only a loopback address.
  const { assertSafeToServe } = await import("./lib/auth/assert-safe-to-serve");
  assertSafeToServe();
  // Before the runtime reads its environment: where ffmpeg is, for the app's own remuxing.
  const { pointAtShippedBinaries } = await import("./lib/http/shipped-binaries");
  await pointAtShippedBinaries(process.env);
  const { getRuntime } = await import("./lib/runtime");
  await getRuntime();
}

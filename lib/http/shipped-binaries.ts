/**
 * The app process spawns ffmpeg itself (remuxing HLS segments). Inside the Next.js bundle the
 * platform-specific lookup in lib/media/ffmpeg.ts cannot resolve the binary packages, so the paths
 * are taken from the installer packages (external to the bundle, see next.config.ts) and handed to
 * lib/env through the variables it already reads. Paths set by the person are kept. Call before
 * the runtime starts (instrumentation.ts).
 */
export async function pointAtShippedBinaries(vars: Record<string, string | undefined>): Promise<void> {
  try {
    if (!vars.AUTEUR_FFMPEG) vars.AUTEUR_FFMPEG = ((await import("@ffmpeg-installer/ffmpeg")) as { default: { path: string } }).default.path;
    if (!vars.AUTEUR_FFPROBE) vars.AUTEUR_FFPROBE = ((await import("@ffprobe-installer/ffprobe")) as { default: { path: string } }).default.path;
  } catch {
    /* no shipped binary for this platform: lib/media/ffmpeg.ts says so when one is needed */
  }
}

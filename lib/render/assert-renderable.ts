/**
 * The built-in renderer makes FILM_FORMAT (1280x720) and, as slower options, the other sizes of
 * VIDEO_SIZES (1080p, 4K), always at FILM_FORMAT's frame rate; anything else is a planning error, said
 * clearly.
 */
import { AuteurError } from "../errors";
import { VIDEO_SIZES } from "../media/video-format";
import { FILM_FORMAT, type ShotSpec } from "../plan/specs";

export function assertRenderable(spec: ShotSpec): void {
  const sizes = Object.values(VIDEO_SIZES);
  if (!sizes.some((s) => s.width === spec.width && s.height === spec.height) || spec.fps !== FILM_FORMAT.fps) {
    const allowed = sizes.map((s) => `${s.width}x${s.height}`).join(", ");
    throw new AuteurError("invalid_input", `Shot ${spec.shotId}: the renderer makes ${allowed} at ${FILM_FORMAT.fps} fps, not ${spec.width}x${spec.height} at ${spec.fps} fps.`);
  }
  if (!Number.isInteger(spec.frames) || spec.frames < 1) {
    throw new AuteurError("invalid_input", `Shot ${spec.shotId}: frames must be a positive whole number (got ${spec.frames}).`);
  }
}

/**
 * The shot on screen `seconds` into a cut: shots in film order, each lasting its duration. Null before
 * the start, past the end, or past a shot whose duration is not known yet. Pure.
 */
export function shotAtTime(shots: readonly { shotId: string; durationSec?: number }[], seconds: number): string | null {
  if (!(seconds >= 0)) return null;
  let end = 0;
  for (const shot of shots) {
    if (!shot.durationSec) return null;
    end += shot.durationSec;
    if (seconds < end) return shot.shotId;
  }
  return null;
}

import type { z } from "zod";
import { AuteurError } from "../errors";
import { ScreenplaySchema, type Screenplay } from "./schema";

/** Human-readable lines for a zod error: "acts.0.scenes.2.shots.1.lines.0.speaker: line given to ...". */
export function describeIssues(error: z.ZodError, max = 8): string[] {
  const lines = error.issues.slice(0, max).map((issue) => {
    const where = issue.path.length ? issue.path.join(".") : "(root)";
    return `${where}: ${issue.message}`;
  });
  if (error.issues.length > max) lines.push(`... and ${error.issues.length - max} more`);
  return lines;
}

/** Parse unknown data as a screenplay, or throw an AuteurError("invalid_screenplay") that says where and why. */
export function parseScreenplay(data: unknown): Screenplay {
  const result = ScreenplaySchema.safeParse(data);
  if (!result.success) {
    const issues = describeIssues(result.error);
    throw new AuteurError("invalid_screenplay", `The screenplay is not valid:\n${issues.join("\n")}`, { details: { issues } });
  }
  return result.data;
}

export function* iterateShots(sp: Screenplay) {
  let index = 0;
  for (const act of sp.acts)
    for (const scene of act.scenes)
      for (const shot of scene.shots) yield { act, scene, shot, index: index++ };
}

export function countShots(sp: Screenplay): number {
  let n = 0;
  for (const act of sp.acts) for (const scene of act.scenes) n += scene.shots.length;
  return n;
}

export function plannedDuration(sp: Screenplay): number {
  let s = 0;
  for (const { shot } of iterateShots(sp)) s += shot.duration;
  return s;
}

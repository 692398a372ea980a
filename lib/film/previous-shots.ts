/**
 * What a changed cut keeps of the cut it was made from: each shot's length there and what it was timed
 * from (lib/plan/plan-cut PreviousShots), read once when the change is made and kept with the new cut,
 * so its plan (and every content key) follows from what is stored with it, as a recipe re-creates it.
 */
import type { Db } from "../../db/client";
import { listCutShotsByCut, listFailuresByCut } from "../../db/queries";
import type { Cut } from "../../db/schema";
import { planVoices, shotTimings } from "../plan/plan-cut";
import type { ProviderRef, SpeechMeta } from "../plan/specs";
import { speechMeta } from "./speech-meta";

export type StoredPreviousShots = NonNullable<Cut["previousShots"]>;

/** The shots of `from` as timed there, or null when it is not finished (its lengths may still change). */
export async function previousShotsOf(db: Db, from: Cut, speech?: ProviderRef): Promise<StoredPreviousShots | null> {
  if (from.status !== "complete") return null;
  const measured = new Map<string, SpeechMeta>();
  for (const v of planVoices(from.screenplay, speech)) {
    const meta = await speechMeta(v.key);
    if (meta) measured.set(v.key, meta);
  }
  const failures = await listFailuresByCut({ db, cutId: from.id });
  const timings = shotTimings(from.screenplay, { speech: measured, failures }, speech);
  const out: StoredPreviousShots = {};
  for (const row of await listCutShotsByCut({ db, cutId: from.id })) {
    const t = timings.get(row.shotId);
    if (t && row.frames) out[row.shotId] = { frames: row.frames, natural: t.natural, minFrames: t.minFrames };
  }
  return out;
}

/**
 * A person's own picture of a character: validated and stored once (content-keyed), then locked into
 * the character's identity by a new cut, so every later shot with the character passes it to
 * generators that take references and the continuity check scores against it.
 */
import { AuteurError } from "../errors";
import { storeUploadedReference } from "../providers/image/reference-sheet";
import { applyEdits } from "../screenplay/apply-edits";
import { getFilm, sendMessage } from "./service";

export async function setCharacterReference(input: {
  ownerId: string;
  filmId: string;
  characterId: string;
  image: Uint8Array;
  branchId?: string;
  requestId?: string;
}): Promise<{ cutId: string | null; summary: string; branchId: string; referenceKey: string }> {
  // Another person's film, or no such character: refused before anything is stored.
  const film = await getFilm({ ownerId: input.ownerId, filmId: input.filmId, branchId: input.branchId });
  const known = film.head.screenplay.characters.find((c) => c.id === input.characterId);
  if (!known) throw new AuteurError("not_found", "No such character in this film.");
  const stored = await storeUploadedReference(input.image);
  let name = known.name;
  const result = await sendMessage({
    ownerId: input.ownerId,
    filmId: input.filmId,
    branchId: input.branchId,
    requestId: input.requestId,
    message: `Use my picture as the reference for ${known.name}.`,
    revise: (head) => {
      const character = head.characters.find((c) => c.id === input.characterId);
      if (!character) throw new AuteurError("not_found", "No such character in this film.");
      name = character.name;
      if (character.identity.referenceImage === stored.key) return { ops: [], screenplay: head, summary: `${name} already uses this picture.`, notes: [] };
      const ops = [{ op: "update-character" as const, characterId: character.id, patch: { identity: { referenceImage: stored.key } }, unlock: true }];
      return {
        ops,
        screenplay: applyEdits(head, ops),
        summary: `${name} now follows your picture (${stored.width}x${stored.height}); the shots with ${name} render again.`,
        notes: [],
      };
    },
  });
  return { ...result, referenceKey: stored.key };
}

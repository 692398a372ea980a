import { setCharacterReference } from "../../../../../../../lib/film/references";
import { currentOwner } from "../../../../../../../lib/http/current-owner";
import { errorResponse } from "../../../../../../../lib/http/error-response";
import { readBytes } from "../../../../../../../lib/http/read-bytes";
import { REFERENCE_LIMITS } from "../../../../../../../lib/providers/image/validate-reference";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * Lock a character to the person's own picture (the body: a PNG, JPEG or WebP image, 256 to 4096
 * pixels a side, at most 10 MB). Makes a new cut; answers `{ cutId, summary, branchId, referenceKey }`.
 */
export async function POST(request: Request, { params }: { params: Promise<{ filmId: string; characterId: string }> }): Promise<Response> {
  try {
    const owner = await currentOwner(request);
    const { filmId, characterId } = await params;
    const image = await readBytes(request, REFERENCE_LIMITS.maxBytes);
    const url = new URL(request.url);
    const branchId = url.searchParams.get("branchId") ?? undefined;
    const requestId = request.headers.get("idempotency-key") ?? undefined;
    return Response.json(await setCharacterReference({ ownerId: owner.id, filmId, characterId, image, branchId, requestId }), { status: 201 });
  } catch (error) {
    return errorResponse(error);
  }
}

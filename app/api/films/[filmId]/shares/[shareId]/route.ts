import { revokeShare } from "../../../../../../lib/film/share";
import { currentOwner } from "../../../../../../lib/http/current-owner";
import { errorResponse } from "../../../../../../lib/http/error-response";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Revoke a link: its token stops working at once. */
export async function DELETE(request: Request, { params }: { params: Promise<{ filmId: string; shareId: string }> }): Promise<Response> {
  try {
    const owner = await currentOwner(request);
    const { filmId, shareId } = await params;
    return Response.json(await revokeShare({ ownerId: owner.id, filmId, shareId }));
  } catch (error) {
    return errorResponse(error);
  }
}

import { deleteBranch } from "../../../../../../lib/film/versions";
import { currentOwner } from "../../../../../../lib/http/current-owner";
import { errorResponse } from "../../../../../../lib/http/error-response";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Delete a branch; cuts another branch builds on are kept. */
export async function DELETE(request: Request, { params }: { params: Promise<{ filmId: string; branchId: string }> }): Promise<Response> {
  try {
    const owner = await currentOwner(request);
    const { filmId, branchId } = await params;
    return Response.json(await deleteBranch({ ownerId: owner.id, filmId, branchId }));
  } catch (error) {
    return errorResponse(error);
  }
}

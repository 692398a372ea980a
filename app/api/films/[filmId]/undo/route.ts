import { undo } from "../../../../../lib/film/versions";
import { currentOwner } from "../../../../../lib/http/current-owner";
import { errorResponse } from "../../../../../lib/http/error-response";
import { readJson } from "../../../../../lib/http/read-json";
import { UndoBody } from "../../schema";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Move the branch (main unless `branchId`) back to its head's parent cut. */
export async function POST(request: Request, { params }: { params: Promise<{ filmId: string }> }): Promise<Response> {
  try {
    const owner = await currentOwner(request);
    const { filmId } = await params;
    const { branchId } = await readJson(request, UndoBody);
    return Response.json(await undo({ ownerId: owner.id, filmId, ...(branchId ? { branchId } : {}) }));
  } catch (error) {
    return errorResponse(error);
  }
}

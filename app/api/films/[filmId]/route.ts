import { getFilm } from "../../../../lib/film/service";
import { deleteFilm } from "../../../../lib/film/versions";
import { currentOwner } from "../../../../lib/http/current-owner";
import { errorResponse } from "../../../../lib/http/error-response";
import { BranchQuery, CutQuery } from "../schema";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Context = { params: Promise<{ filmId: string }> };

/** A film with its chat and one cut (the head of its branch, `?branchId=`, or `?cutId=`), with render progress. */
export async function GET(request: Request, { params }: Context): Promise<Response> {
  try {
    const owner = await currentOwner(request);
    const { filmId } = await params;
    const search = new URL(request.url).searchParams;
    const { cutId } = CutQuery.parse({ cutId: search.get("cutId") ?? undefined });
    const { branchId } = BranchQuery.parse({ branchId: search.get("branchId") ?? undefined });
    const film = await getFilm({ ownerId: owner.id, filmId, cutId, ...(branchId ? { branchId } : {}) });
    return Response.json(film, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}

/** Delete the film, its cuts and chat; assets no other film uses are freed. */
export async function DELETE(request: Request, { params }: Context): Promise<Response> {
  try {
    const owner = await currentOwner(request);
    const { filmId } = await params;
    const result = await deleteFilm({ ownerId: owner.id, filmId });
    return Response.json(result);
  } catch (error) {
    return errorResponse(error);
  }
}

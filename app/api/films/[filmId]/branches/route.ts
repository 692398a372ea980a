import { createBranch } from "../../../../../lib/film/versions";
import { currentOwner } from "../../../../../lib/http/current-owner";
import { errorResponse } from "../../../../../lib/http/error-response";
import { readJson } from "../../../../../lib/http/read-json";
import { CreateBranchBody } from "../../schema";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** A new branch starting at a cut (the main branch's head unless `fromCutId`). */
export async function POST(request: Request, { params }: { params: Promise<{ filmId: string }> }): Promise<Response> {
  try {
    const owner = await currentOwner(request);
    const { filmId } = await params;
    const { fromCutId, name } = await readJson(request, CreateBranchBody);
    const made = await createBranch({ ownerId: owner.id, filmId, ...(fromCutId ? { fromCutId } : {}), ...(name ? { name } : {}) });
    return Response.json(made, { status: 201 });
  } catch (error) {
    return errorResponse(error);
  }
}

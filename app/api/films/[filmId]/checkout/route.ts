import { checkoutCut } from "../../../../../lib/film/versions";
import { currentOwner } from "../../../../../lib/http/current-owner";
import { errorResponse } from "../../../../../lib/http/error-response";
import { readJson } from "../../../../../lib/http/read-json";
import { CheckoutBody } from "../../schema";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Point a branch (main unless `branchId`) at any cut of the film; later messages build on it. */
export async function POST(request: Request, { params }: { params: Promise<{ filmId: string }> }): Promise<Response> {
  try {
    const owner = await currentOwner(request);
    const { filmId } = await params;
    const { cutId, branchId } = await readJson(request, CheckoutBody);
    return Response.json(await checkoutCut({ ownerId: owner.id, filmId, cutId, ...(branchId ? { branchId } : {}) }));
  } catch (error) {
    return errorResponse(error);
  }
}

import { compareCuts } from "../../../../../lib/film/versions";
import { currentOwner } from "../../../../../lib/http/current-owner";
import { errorResponse } from "../../../../../lib/http/error-response";
import { CompareQuery } from "../../schema";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** What changed from cut `a` to cut `b`: scenes, shots and characters added, removed, changed or the same. */
export async function GET(request: Request, { params }: { params: Promise<{ filmId: string }> }): Promise<Response> {
  try {
    const owner = await currentOwner(request);
    await params;
    const search = new URL(request.url).searchParams;
    const { a, b } = CompareQuery.parse({ a: search.get("a") ?? undefined, b: search.get("b") ?? undefined });
    return Response.json(await compareCuts({ ownerId: owner.id, a, b }), { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}

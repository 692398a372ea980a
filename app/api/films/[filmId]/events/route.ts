import { filmEvents, liveFilmView } from "../../../../../lib/film/events";
import { currentOwner } from "../../../../../lib/http/current-owner";
import { errorResponse } from "../../../../../lib/http/error-response";
import { BranchQuery, CutQuery } from "../../schema";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Server-sent events: a `film` event with the film view whenever it changes (checked every ~500 ms). */
export async function GET(request: Request, { params }: { params: Promise<{ filmId: string }> }): Promise<Response> {
  try {
    const owner = await currentOwner(request);
    const { filmId } = await params;
    const search = new URL(request.url).searchParams;
    const { cutId } = CutQuery.parse({ cutId: search.get("cutId") ?? undefined });
    const { branchId } = BranchQuery.parse({ branchId: search.get("branchId") ?? undefined });
    // Another person's film (or none) answers 404 before any stream starts. The read is the one the
    // stream then sends first (shared with the film's other viewers).
    await liveFilmView({ ownerId: owner.id, filmId, cutId, ...(branchId ? { branchId } : {}) });
    const stream = filmEvents({ ownerId: owner.id, filmId, cutId, branchId, signal: request.signal });
    return new Response(stream, {
      headers: { "Content-Type": "text/event-stream; charset=utf-8", "Cache-Control": "no-store, no-transform", Connection: "keep-alive", "X-Accel-Buffering": "no" },
    });
  } catch (error) {
    return errorResponse(error);
  }
}

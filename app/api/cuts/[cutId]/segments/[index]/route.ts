import { AuteurError } from "../../../../../../lib/errors";
import { getCutSegment } from "../../../../../../lib/film/playlist";
import { currentOwner } from "../../../../../../lib/http/current-owner";
import { errorResponse } from "../../../../../../lib/http/error-response";
import { fileResponse } from "../../../../../../lib/http/file-response";
import { parseSegmentName } from "../../../../../../lib/http/parse-segment-name";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * One segment of the cut's playlist: `<index>.ts` (MPEG-TS, timed to its place in the film) or `<index>.mp4`
 * (fragmented MP4 from zero, for Media Source Extensions); a stream copy of the shot's segment either way.
 */
export async function GET(request: Request, { params }: { params: Promise<{ cutId: string; index: string }> }): Promise<Response> {
  try {
    const owner = await currentOwner(request);
    const { cutId, index } = await params;
    const segment = parseSegmentName(index);
    if (!segment) throw new AuteurError("not_found", "No such segment.");
    return fileResponse(request, await getCutSegment({ ownerId: owner.id, cutId, index: segment.index, format: segment.format }));
  } catch (error) {
    return errorResponse(error);
  }
}

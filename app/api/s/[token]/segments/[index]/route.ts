import { AuteurError } from "../../../../../../lib/errors";
import { getCutSegment } from "../../../../../../lib/film/playlist";
import { resolveShare } from "../../../../../../lib/film/share";
import { errorResponse } from "../../../../../../lib/http/error-response";
import { fileResponse } from "../../../../../../lib/http/file-response";
import { parseSegmentName } from "../../../../../../lib/http/parse-segment-name";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** One HLS segment of the shared cut. */
export async function GET(request: Request, { params }: { params: Promise<{ token: string; index: string }> }): Promise<Response> {
  try {
    const { token, index } = await params;
    const segment = parseSegmentName(index);
    if (!segment) throw new AuteurError("not_found", "No such segment.");
    const share = await resolveShare({ token });
    return fileResponse(request, await getCutSegment({ ownerId: share.ownerId, cutId: share.cutId, index: segment.index, format: segment.format }));
  } catch (error) {
    return errorResponse(error);
  }
}

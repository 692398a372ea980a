import { AuteurError } from "../../../../../../../lib/errors";
import { getShotPoster } from "../../../../../../../lib/film/service";
import { resolveShare } from "../../../../../../../lib/film/share";
import { errorResponse } from "../../../../../../../lib/http/error-response";
import { fileResponse } from "../../../../../../../lib/http/file-response";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** A poster frame of one shot of the shared cut. */
export async function GET(request: Request, { params }: { params: Promise<{ token: string; shotId: string }> }): Promise<Response> {
  try {
    const { token, shotId } = await params;
    const share = await resolveShare({ token });
    const poster = await getShotPoster({ ownerId: share.ownerId, cutId: share.cutId, shotId });
    if (!poster) throw new AuteurError("not_found", `Shot "${shotId}" has no poster yet.`);
    return fileResponse(request, poster);
  } catch (error) {
    return errorResponse(error);
  }
}

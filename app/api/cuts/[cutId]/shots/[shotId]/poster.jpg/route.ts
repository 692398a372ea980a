import { AuteurError } from "../../../../../../../lib/errors";
import { getShotPoster } from "../../../../../../../lib/film/service";
import { currentOwner } from "../../../../../../../lib/http/current-owner";
import { errorResponse } from "../../../../../../../lib/http/error-response";
import { fileResponse } from "../../../../../../../lib/http/file-response";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** A poster frame of one shot of a cut, once the shot is rendered. */
export async function GET(
  request: Request,
  { params }: { params: Promise<{ cutId: string; shotId: string }> },
): Promise<Response> {
  try {
    const owner = await currentOwner(request);
    const { cutId, shotId } = await params;
    const poster = await getShotPoster({ ownerId: owner.id, cutId, shotId });
    if (!poster) throw new AuteurError("not_found", `Shot "${shotId}" has no poster yet.`);
    return fileResponse(request, poster);
  } catch (error) {
    return errorResponse(error);
  }
}

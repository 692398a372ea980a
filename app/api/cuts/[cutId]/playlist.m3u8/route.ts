import { getCutPlaylist } from "../../../../../lib/film/playlist";
import { currentOwner } from "../../../../../lib/http/current-owner";
import { errorResponse } from "../../../../../lib/http/error-response";
import { playlistResponse } from "../../../../../lib/http/playlist-response";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** HLS playlist of the cut: the segments rendered so far, in film order; ends once the cut is complete. */
export async function GET(request: Request, { params }: { params: Promise<{ cutId: string }> }): Promise<Response> {
  try {
    const owner = await currentOwner(request);
    const { cutId } = await params;
    return playlistResponse(await getCutPlaylist({ ownerId: owner.id, cutId }));
  } catch (error) {
    return errorResponse(error);
  }
}

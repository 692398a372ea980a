import { AuteurError } from "../../../../../lib/errors";
import { getCutFile, isCutFileName } from "../../../../../lib/film/service";
import { resolveShare } from "../../../../../lib/film/share";
import { cutPlaylistAnswer } from "../../../../../lib/http/cut-stream";
import { errorResponse } from "../../../../../lib/http/error-response";
import { fileResponse } from "../../../../../lib/http/file-response";
import { getLabelledFilmFile } from "../../../../../lib/provenance/labelled-film";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const SHARED_FILES = new Set(["film.mp4", "film.vtt", "film.srt"]);
type Context = { params: Promise<{ token: string; name: string }> };

async function serve(request: Request, { params }: Context, headOnly: boolean): Promise<Response> {
  try {
    const { token, name } = await params;
    if (name === "playlist.m3u8") return cutPlaylistAnswer(request, { token });
    const share = await resolveShare({ token });
    if (!SHARED_FILES.has(name) || !isCutFileName(name)) throw new AuteurError("not_found", "No such file.");
    const file =
      name === "film.mp4"
        ? await getLabelledFilmFile({ ownerId: share.ownerId, cutId: share.cutId })
        : await getCutFile({ ownerId: share.ownerId, cutId: share.cutId, name });
    return fileResponse(request, file, { headOnly });
  } catch (error) {
    return errorResponse(error);
  }
}

/** The shared cut's film.mp4 / film.vtt / film.srt / playlist.m3u8; nothing of any other cut. */
export function GET(request: Request, context: Context): Promise<Response> {
  return serve(request, context, false);
}

export function HEAD(request: Request, context: Context): Promise<Response> {
  return serve(request, context, true);
}

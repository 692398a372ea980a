import { getCutFile } from "../../../../../lib/film/service";
import { currentOwner } from "../../../../../lib/http/current-owner";
import { errorResponse } from "../../../../../lib/http/error-response";
import { fileResponse } from "../../../../../lib/http/file-response";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Context = { params: Promise<{ cutId: string }> };

async function serve(request: Request, { params }: Context, headOnly: boolean): Promise<Response> {
  try {
    const owner = await currentOwner(request);
    const { cutId } = await params;
    const file = await getCutFile({ ownerId: owner.id, cutId, name: "film.vtt" });
    return fileResponse(request, file, { headOnly });
  } catch (error) {
    return errorResponse(error);
  }
}

/** The cut's film.vtt, streamed from disk; byte ranges answered with 206. */
export function GET(request: Request, context: Context): Promise<Response> {
  return serve(request, context, false);
}

export function HEAD(request: Request, context: Context): Promise<Response> {
  return serve(request, context, true);
}

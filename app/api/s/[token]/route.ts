import { getSharedFilm } from "../../../../lib/film/share";
import { errorResponse } from "../../../../lib/http/error-response";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** A shared cut, read-only: title, the cut's progress and screenplay, URLs under this token. */
export async function GET(_request: Request, { params }: { params: Promise<{ token: string }> }): Promise<Response> {
  try {
    const { token } = await params;
    return Response.json(await getSharedFilm({ token }), { headers: { "Cache-Control": "no-store", "Referrer-Policy": "no-referrer" } });
  } catch (error) {
    return errorResponse(error);
  }
}

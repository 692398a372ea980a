import { cutPlaylistAnswer } from "../../../../../lib/http/cut-stream";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** HLS playlist of the cut (lib/http/cut-stream.ts; `npm start` answers it without the router, the same way). */
export async function GET(request: Request, { params }: { params: Promise<{ cutId: string }> }): Promise<Response> {
  const { cutId } = await params;
  return cutPlaylistAnswer(request, { cutId });
}

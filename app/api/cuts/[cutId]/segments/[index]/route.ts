import { cutSegmentAnswer } from "../../../../../../lib/http/cut-stream";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** One segment of the cut's playlist (lib/http/cut-stream.ts; `npm start` answers it without the router, the same way). */
export async function GET(request: Request, { params }: { params: Promise<{ cutId: string; index: string }> }): Promise<Response> {
  const { cutId, index } = await params;
  return cutSegmentAnswer(request, { cutId }, index);
}

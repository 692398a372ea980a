import { cutSegmentAnswer } from "../../../../../../lib/http/cut-stream";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** One HLS segment of the shared cut (lib/http/cut-stream.ts; `npm start` answers it without the router, the same way). */
export async function GET(request: Request, { params }: { params: Promise<{ token: string; index: string }> }): Promise<Response> {
  const { token, index } = await params;
  return cutSegmentAnswer(request, { token }, index);
}

import { sendMessage } from "../../../../../lib/film/service";
import { currentOwner } from "../../../../../lib/http/current-owner";
import { errorResponse } from "../../../../../lib/http/error-response";
import { readJson } from "../../../../../lib/http/read-json";
import { SendMessageBody } from "../../schema";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** A follow-up chat message ("make the ending hopeful"): may make a new cut. A repeated requestId makes none. */
export async function POST(request: Request, { params }: { params: Promise<{ filmId: string }> }): Promise<Response> {
  try {
    const owner = await currentOwner(request);
    const { filmId } = await params;
    const { message, target, requestId, branchId } = await readJson(request, SendMessageBody);
    const result = await sendMessage({ ownerId: owner.id, filmId, message, target, ...(requestId ? { requestId } : {}), ...(branchId ? { branchId } : {}) });
    return Response.json(result, { status: 201 });
  } catch (error) {
    return errorResponse(error);
  }
}

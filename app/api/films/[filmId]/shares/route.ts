import { createShare, listShares } from "../../../../../lib/film/share";
import { currentOwner } from "../../../../../lib/http/current-owner";
import { errorResponse } from "../../../../../lib/http/error-response";
import { readJson } from "../../../../../lib/http/read-json";
import { CreateShareBody } from "../../schema";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Context = { params: Promise<{ filmId: string }> };

/** Make a read-only link to one cut (the main branch's head unless `cutId`). */
export async function POST(request: Request, { params }: Context): Promise<Response> {
  try {
    const owner = await currentOwner(request);
    const { filmId } = await params;
    const { cutId } = await readJson(request, CreateShareBody);
    return Response.json(await createShare({ ownerId: owner.id, filmId, ...(cutId ? { cutId } : {}) }), { status: 201 });
  } catch (error) {
    return errorResponse(error);
  }
}

/** The film's live links. */
export async function GET(request: Request, { params }: Context): Promise<Response> {
  try {
    const owner = await currentOwner(request);
    const { filmId } = await params;
    return Response.json({ shares: await listShares({ ownerId: owner.id, filmId }) }, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}

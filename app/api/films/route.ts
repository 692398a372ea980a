import { createFilm, listFilms } from "../../../lib/film/service";
import { currentOwner } from "../../../lib/http/current-owner";
import { errorResponse } from "../../../lib/http/error-response";
import { ndjsonResponse, wantsNdjson } from "../../../lib/http/ndjson-response";
import { readJson } from "../../../lib/http/read-json";
import { CreateFilmBody } from "./schema";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * Starts a film from an idea: writes the screenplay and queues its render. With
 * `Accept: application/x-ndjson` the answer streams `{type:"draft", draft}` lines while the writer
 * works, then `{type:"done", filmId, cutId}` or `{type:"error", error}`.
 */
export async function POST(request: Request): Promise<Response> {
  try {
    const owner = await currentOwner(request);
    const { idea } = await readJson(request, CreateFilmBody);
    if (wantsNdjson(request)) {
      return ndjsonResponse(async (send, signal) => {
        const created = await createFilm({ ownerId: owner.id, idea, onPartial: (draft) => send({ type: "draft", draft }), signal });
        send({ type: "done", ...created });
      });
    }
    const created = await createFilm({ ownerId: owner.id, idea });
    return Response.json(created, { status: 201 });
  } catch (error) {
    return errorResponse(error);
  }
}

/** The person's films, newest first. */
export async function GET(request: Request): Promise<Response> {
  try {
    const owner = await currentOwner(request);
    const films = await listFilms({ ownerId: owner.id });
    return Response.json({ films }, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}

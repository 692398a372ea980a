import { openApi } from "../../../lib/http/openapi";

export const dynamic = "force-static";

/** The API's OpenAPI 3.1 description. */
export function GET(): Response {
  return Response.json(openApi);
}

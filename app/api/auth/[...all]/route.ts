import { getAuth } from "../../../../lib/auth/auth";
import { errorResponse } from "../../../../lib/http/error-response";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** better-auth's endpoints: sign-up/email, sign-in/email, sign-out, get-session, ... (404 when accounts are off). */
async function handle(request: Request): Promise<Response> {
  try {
    const auth = await getAuth();
    return await auth.handler(request);
  } catch (error) {
    return errorResponse(error);
  }
}

export function GET(request: Request): Promise<Response> {
  return handle(request);
}

export function POST(request: Request): Promise<Response> {
  return handle(request);
}

/** The browser side of accounts: better-auth's client, talking to /api/auth on this origin. */
import { createAuthClient } from "better-auth/client";

export const authClient = createAuthClient({ basePath: "/api/auth" });

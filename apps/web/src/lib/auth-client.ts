import { jwtClient } from "better-auth/client/plugins";
import { createAuthClient } from "better-auth/react";

/** Browser-side Better Auth; it calls this app's own /api/auth. */
export const authClient = createAuthClient({ plugins: [jwtClient()] });

import { apiKeyClient } from "@better-auth/api-key/client";
import { deviceAuthorizationClient, jwtClient } from "better-auth/client/plugins";
import { createAuthClient } from "better-auth/react";

/**
 * Browser-side Better Auth; it calls this app's own /api/auth (CSP connect-src 'self'): JWTs for
 * the API, the user's API keys (list, delete; creating goes through our /api-key/create-scoped),
 * and the device login's approve and deny.
 */
export const authClient = createAuthClient({
  plugins: [jwtClient(), apiKeyClient(), deviceAuthorizationClient()],
});

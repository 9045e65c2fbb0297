import { apiKeyClient } from "@better-auth/api-key/client";
import { deviceAuthorizationClient, jwtClient } from "better-auth/client/plugins";
import { createAuthClient } from "better-auth/react";

/**
 * Browser-side Better Auth; it calls this app's own /api/auth (CSP connect-src 'self'): JWTs for
 * the API, the user's API keys (list, delete; creating goes through our /api-key/create-scoped),
 * and the device login's approve and deny.
 */
export const authClient = createAuthClient({
  // Its default fetch plugin sends the browser to a response's `url` when it says `redirect`, as
  // a sign-in with a callbackURL does; ours is the confirmation link's landing page
  // (credentials-form.tsx), and the form itself goes on to where the user came from.
  disableDefaultFetchPlugins: true,
  plugins: [jwtClient(), apiKeyClient(), deviceAuthorizationClient()],
});

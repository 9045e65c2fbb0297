import { handleAuthRequest } from "@repo/auth/server";
import { toNextJsHandler } from "better-auth/next-js";
import { getAuth } from "@/auth";
import { getEnv } from "@/env";
import { getLogger } from "@/logger";

// /api/auth/* — Better Auth (sign-up, sign-in, sign-out, session, token, jwks), resolved per
// request; its failures go to the JSON log.
export const { GET, POST, PATCH, PUT, DELETE } = toNextJsHandler((request) =>
  handleAuthRequest(getAuth(), { logger: getLogger(), trustedProxies: getEnv().TRUSTED_PROXIES })(
    request,
  ),
);

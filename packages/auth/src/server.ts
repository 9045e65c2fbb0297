import type { Database } from "@repo/db/client";
import * as schema from "@repo/db/schema";
import type { Logger } from "@repo/logger";
import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { jwt } from "better-auth/plugins/jwt";
import { betterAuthLogger } from "./better-auth-logger";

export interface AuthOptions {
  db: Database;
  /** Better Auth's secret (≥ 32 characters); it also encrypts the JWT signing keys at rest. */
  secret: string;
  /** The web app's public origin; also the JWT's `iss` and `aud`. */
  baseURL: string;
  /** Origins allowed to POST to the auth endpoints, besides `baseURL`. */
  trustedOrigins?: string[];
  /** Where Better Auth's messages go, as JSON lines (secrets redacted). Default: Better Auth's console output. */
  logger?: Logger;
}

/** Better Auth for the web app: email + password sessions, and short-lived JWTs for the API. */
export function createAuth({ db, secret, baseURL, trustedOrigins = [], logger }: AuthOptions) {
  return betterAuth({
    baseURL,
    ...(logger ? { logger: betterAuthLogger(logger) } : {}),
    secret,
    trustedOrigins: [baseURL, ...trustedOrigins],
    database: drizzleAdapter(db, { provider: "pg", schema }),
    emailAndPassword: { enabled: true },
    // Unexpected errors are thrown to handleAuthRequest, which logs them without the bound SQL
    // values; Better Auth's router would print them whole (console.error). API errors
    // (4xx, and its own 500s) are still answered by Better Auth.
    onAPIError: { throw: true },
    telemetry: { enabled: false },
    plugins: [
      jwt({
        // Without this, every get-session (so every page render) signs a JWT into a response
        // header no one reads; clients ask /api/auth/token when they need one.
        disableSettingJwtHeader: true,
        jwt: {
          issuer: baseURL,
          audience: baseURL,
          // The API needs only who the caller is; everything else in the user row stays out of
          // every token (API.md, Authentication).
          definePayload: ({ user }) => ({ email: user.email, name: user.name }),
        },
      }),
    ],
  });
}

export type Auth = ReturnType<typeof createAuth>;

export { handleAuthRequest } from "./handle-auth-request";

import type { Database } from "@repo/db/client";
import * as schema from "@repo/db/schema";
import type { Logger } from "@repo/logger";
import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { jwt } from "better-auth/plugins/jwt";
import { DEFAULT_API_AUDIENCE } from "./api-audience";
import { betterAuthLogger } from "./better-auth-logger";
import { CLIENT_ADDRESS_HEADER } from "./handle-auth-request";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "./password-policy";
import type { RateLimitStorage } from "./redis-rate-limit-storage";

export interface AuthOptions {
  db: Database;
  /** Better Auth's secret (≥ 32 characters); it also encrypts the JWT signing keys at rest. */
  secret: string;
  /** The web app's public origin; also the JWT's `iss`. */
  baseURL: string;
  /** The JWT's `aud`: the API's name (AUTH_AUDIENCE), DEFAULT_API_AUDIENCE unless told. */
  audience?: string;
  /** Origins allowed to POST to the auth endpoints, besides `baseURL`. */
  trustedOrigins?: string[];
  /** Where Better Auth's messages go, as JSON lines (secrets redacted). Default: Better Auth's console output. */
  logger?: Logger;
  /**
   * Where Better Auth keeps its rate-limit counters: this store (Redis, see
   * redis-rate-limit-storage.ts) when given, else the database; both are seen by every instance.
   */
  rateLimitStorage?: RateLimitStorage;
  /**
   * Sign-in and sign-up attempts allowed per client address and window (Better Auth's default,
   * 3 in 10 s, unless told).
   */
  signInLimit?: { max: number; window: number };
  /** Any other auth request, per client address, path and window (Better Auth's 100 in 10 s unless told). */
  requestLimit?: { max: number; window: number };
  /** Whether Better Auth limits requests at all; unless told, in production only (its default). */
  rateLimitEnabled?: boolean;
  /**
   * Signing-key rotation, in seconds: a key signs for `rotationInterval`, then a new one is
   * minted on the next token, and the old one stays in the JWKS `gracePeriod` longer (which must
   * exceed a token's life, 15 minutes, plus the API's caches, 10 minutes). Default 30 days and
   * 7 days. A key minted before rotation was configured has no expiry and signs on: expire it
   * once (docs/deploy.md, 3.3).
   */
  keyRotation?: { rotationInterval: number; gracePeriod: number };
}

export const DEFAULT_KEY_ROTATION = {
  rotationInterval: 30 * 24 * 3600,
  gracePeriod: 7 * 24 * 3600,
};

/** Better Auth for the web app: email + password sessions, and short-lived JWTs for the API. */
export function createAuth({
  db,
  secret,
  baseURL,
  audience = DEFAULT_API_AUDIENCE,
  trustedOrigins = [],
  logger,
  rateLimitStorage,
  signInLimit = { max: 3, window: 10 },
  requestLimit = { max: 100, window: 10 },
  rateLimitEnabled,
  keyRotation = DEFAULT_KEY_ROTATION,
}: AuthOptions) {
  return betterAuth({
    baseURL,
    ...(logger ? { logger: betterAuthLogger(logger) } : {}),
    secret,
    trustedOrigins: [baseURL, ...trustedOrigins],
    database: drizzleAdapter(db, { provider: "pg", schema }),
    emailAndPassword: {
      enabled: true,
      minPasswordLength: PASSWORD_MIN_LENGTH,
      maxPasswordLength: PASSWORD_MAX_LENGTH,
    },
    advanced: {
      // The address handleAuthRequest resolved (TRUSTED_PROXIES, as the API does), one value.
      ipAddress: { ipAddressHeaders: [CLIENT_ADDRESS_HEADER], ipv6Subnet: 64 },
    },
    rateLimit: {
      ...(rateLimitEnabled === undefined ? {} : { enabled: rateLimitEnabled }),
      ...requestLimit,
      // Counters every instance shares (Better Auth's default, memory, is per process).
      ...(rateLimitStorage ? { customStorage: rateLimitStorage } : { storage: "database" }),
      customRules: {
        "/sign-in/*": signInLimit,
        "/sign-up/*": signInLimit,
        // The load balancer's health check: no counter to read or write on each probe.
        "/ok": false,
      },
    },
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
        jwks: { ...keyRotation },
        jwt: {
          issuer: baseURL,
          audience,
          // The API needs only who the caller is; everything else in the user row stays out of
          // every token (API.md, Authentication).
          definePayload: ({ user }) => ({ email: user.email, name: user.name }),
        },
      }),
    ],
  });
}

export type Auth = ReturnType<typeof createAuth>;

export { CLIENT_ADDRESS_HEADER, handleAuthRequest } from "./handle-auth-request";

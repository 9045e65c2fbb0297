import { apiKey } from "@better-auth/api-key";
import type { Database } from "@repo/db/client";
import * as schema from "@repo/db/schema";
import type { Logger } from "@repo/logger";
import type { Mailer } from "@repo/mail";
import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { deviceAuthorization } from "better-auth/plugins/device-authorization";
import { jwt } from "better-auth/plugins/jwt";
import { ACCOUNT_LIFETIMES, type AccountLifetimes } from "./account-lifetimes";
import { NAME_MAX_LENGTH } from "./account-limits";
import { accountMails } from "./account-mails";
import { DEFAULT_API_AUDIENCE } from "./api-audience";
import { mintApiKey } from "./api-keys/created-key";
import {
  API_KEY_EXPIRY_DAYS,
  API_KEY_NAME_MAX_LENGTH,
  API_KEYS_PER_USER,
  DEVICE_LOGIN_TIMING,
} from "./api-keys/key-lifetimes";
import {
  type CreateApiKey,
  checkDeviceRequest,
  personalApiKeys,
} from "./api-keys/personal-api-keys";
import {
  API_KEY_PREFIX,
  API_KEY_RANDOM_LENGTH,
  API_KEY_SHOWN_LENGTH,
  DEVICE_CLIENT_ID,
} from "./api-keys/scopes";
import { betterAuthLogger } from "./better-auth-logger";
import { CLIENT_ADDRESS_HEADER } from "./handle-auth-request";
import { limitNameLength } from "./name-limit";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "./password-policy";
import type { RateLimitStorage } from "./redis-rate-limit-storage";
import { capSessionRenewal } from "./session-absolute-lifetime";

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
  /**
   * Sends the account mails: verification, password reset, "someone tried to sign up". Without
   * one (a tool that only signs tokens, say), no address can be verified and no password reset:
   * nobody new can sign in.
   */
  mailer?: Mailer;
  /** Link and session lifetimes, in seconds; ACCOUNT_LIFETIMES for what is not given. */
  lifetimes?: Partial<AccountLifetimes>;
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
  /**
   * Requests that send a mail (send-verification-email, request-password-reset), per client
   * address and path: 3 in 60 s unless told (Better Auth's own default for these).
   */
  mailLimit?: { max: number; window: number };
  /** Requests that use a mailed link (verify-email, reset-password): 10 in 60 s unless told. */
  linkLimit?: { max: number; window: number };
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
  /** The most personal API keys one user may hold: API_KEYS_PER_USER unless told. */
  apiKeysPerUser?: number;
  /**
   * The device login's code lifetime and least polling interval, in whole seconds:
   * DEVICE_LOGIN_TIMING (10 minutes, 5 s) unless told.
   */
  deviceLogin?: { codeSeconds: number; intervalSeconds: number };
}

export const DEFAULT_KEY_ROTATION = {
  rotationInterval: 30 * 24 * 3600,
  gracePeriod: 7 * 24 * 3600,
};

/**
 * Better Auth for the web app: email + password accounts, verified by mail before any session
 * (so any token) exists; sessions with an idle and an absolute lifetime; and short-lived JWTs
 * for the API.
 */
export function createAuth({
  db,
  secret,
  baseURL,
  audience = DEFAULT_API_AUDIENCE,
  trustedOrigins = [],
  mailer,
  lifetimes: lifetimeOverrides,
  logger,
  rateLimitStorage,
  signInLimit = { max: 3, window: 10 },
  mailLimit = { max: 3, window: 60 },
  linkLimit = { max: 10, window: 60 },
  requestLimit = { max: 100, window: 10 },
  rateLimitEnabled,
  keyRotation = DEFAULT_KEY_ROTATION,
  apiKeysPerUser = API_KEYS_PER_USER,
  deviceLogin = DEVICE_LOGIN_TIMING,
}: AuthOptions) {
  const lifetimes = { ...ACCOUNT_LIFETIMES, ...lifetimeOverrides };
  // The personal-keys plugin creates keys through the api-key plugin's server API (the only
  // side allowed to set their scopes), so it needs the instance it is part of.
  const createKey: CreateApiKey = (key) => mintApiKey(auth, key);
  const mails = mailer
    ? accountMails({ mailer, appUrl: baseURL, lifetimes, ...(logger ? { logger } : {}) })
    : undefined;
  const auth = betterAuth({
    baseURL,
    // The api-key plugin's own create route cannot set scopes from a browser (create-scoped-key.ts
    // has the one that can); its verify route and the expired-key sweep are for servers: apps/api
    // verifies keys in-process (@repo/auth/api-key-verifier), and nobody needs them over HTTP.
    disabledPaths: [
      "/api-key/create",
      "/api-key/update",
      "/api-key/verify",
      "/api-key/delete-all-expired-api-keys",
    ],
    ...(logger ? { logger: betterAuthLogger(logger) } : {}),
    secret,
    trustedOrigins: [baseURL, ...trustedOrigins],
    database: drizzleAdapter(db, { provider: "pg", schema }),
    emailAndPassword: {
      enabled: true,
      minPasswordLength: PASSWORD_MIN_LENGTH,
      maxPasswordLength: PASSWORD_MAX_LENGTH,
      // No session before the address is verified. With this, Better Auth also answers a
      // sign-up for an address that has an account as it answers a new one (200, `token:
      // null`, a user object of the same shape with a made-up id, after hashing the password
      // as a real sign-up does), and calls onExistingUserSignUp instead of creating anything.
      requireEmailVerification: true,
      ...(mails
        ? { onExistingUserSignUp: mails.existingAccount, sendResetPassword: mails.resetPassword }
        : {}),
      resetPasswordTokenExpiresIn: lifetimes.resetLinkSeconds,
      revokeSessionsOnPasswordReset: true,
    },
    emailVerification: {
      ...(mails ? { sendVerificationEmail: mails.verifyEmail } : {}),
      sendOnSignUp: true,
      // A sign-in with the right password but an unverified address: no session, another mail.
      sendOnSignIn: true,
      // The link proves the address: it signs the user in (once: a second use finds the
      // address verified and creates nothing).
      autoSignInAfterVerification: true,
      expiresIn: lifetimes.verifyLinkSeconds,
    },
    session: {
      expiresIn: lifetimes.sessionIdleSeconds,
      updateAge: lifetimes.sessionRenewSeconds,
    },
    hooks: { before: limitNameLength(NAME_MAX_LENGTH) },
    databaseHooks: {
      session: { update: { before: capSessionRenewal(lifetimes.sessionAbsoluteSeconds) } },
    },
    advanced: {
      // Better Auth skips its Origin/CSRF check whenever NODE_ENV is "test" unless told: told
      // here, so the tests see the check production runs (a cookie-carrying POST from an
      // untrusted origin is 403 INVALID_ORIGIN).
      disableOriginCheck: false,
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
        "/send-verification-email": mailLimit,
        "/request-password-reset": mailLimit,
        "/verify-email": linkLimit,
        "/reset-password": linkLimit,
        "/reset-password/*": linkLimit,
        // The load balancer's health check: no counter to read or write on each probe.
        "/ok": false,
        // The device login: a code per CLI start, a few per minute per client address; the
        // verification page looks a code up (its 8 characters of 32 are guessed no faster).
        "/device/code": mailLimit,
        "/device": linkLimit,
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
      apiKey({
        defaultPrefix: API_KEY_PREFIX,
        defaultKeyLength: API_KEY_RANDOM_LENGTH,
        maximumNameLength: API_KEY_NAME_MAX_LENGTH,
        requireName: true,
        startingCharactersConfig: { shouldStore: true, charactersLength: API_KEY_SHOWN_LENGTH },
        keyExpiration: {
          minExpiresIn: 1,
          maxExpiresIn: Math.max(...API_KEY_EXPIRY_DAYS),
        },
        // A key's requests count against its user's limit in apps/api, with every other
        // credential of that user; the plugin's per-key counter would write on every request.
        rateLimit: { enabled: false },
      }),
      deviceAuthorization({
        expiresIn: `${deviceLogin.codeSeconds}s`,
        interval: `${deviceLogin.intervalSeconds}s`,
        verificationUri: new URL("/device", baseURL).toString(),
        validateClient: (clientId) => clientId === DEVICE_CLIENT_ID,
        onDeviceAuthRequest: checkDeviceRequest,
      }),
      personalApiKeys({ createKey: (key) => createKey(key), keysPerUser: apiKeysPerUser }),
    ],
  });
  return auth;
}

export type Auth = ReturnType<typeof createAuth>;

export { mintApiKey } from "./api-keys/created-key";
export { CLIENT_ADDRESS_HEADER, handleAuthRequest } from "./handle-auth-request";

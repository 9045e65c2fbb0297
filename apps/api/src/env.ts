import type { VerifierOptions } from "@repo/auth/verifier";
import { parseTrustedProxies, type TrustedProxies } from "@repo/client-address";
import { embeddedDatabaseUrl } from "@repo/db/embedded-url";
import { LOG_LEVELS, type LogLevel } from "@repo/logger";
import { telemetryEnabled } from "@repo/telemetry/enabled";
import { z } from "zod";
import type { RateLimitStore } from "./rate-limit/create-rate-limiter";
import { type Policies, RATE_LIMIT_DIGITS_MAX } from "./rate-limit/types";

const optional = <T extends z.ZodType>(schema: T) =>
  // An empty variable counts as unset, as in a .env file with `NAME=`.
  z.preprocess((value) => (value === "" ? undefined : value), schema.optional());

// `requests/seconds`, e.g. 120/60; each of at most 9 digits, as the headers document them.
const count = `[1-9]\\d{0,${RATE_LIMIT_DIGITS_MAX - 1}}`;
const rate = z
  .string()
  .regex(
    new RegExp(`^${count}/${count}$`),
    `must be requests/seconds, e.g. 120/60, each at most ${RATE_LIMIT_DIGITS_MAX} digits`,
  )
  .transform((value) => {
    const [requests, windowSeconds] = value.split("/").map(Number) as [number, number];
    return { requests, windowSeconds };
  });

const envSchema = z.object({
  NODE_ENV: optional(z.string()),
  DATABASE_URL: optional(z.url()),
  BETTER_AUTH_URL: optional(z.url()),
  AUTH_JWKS_URL: optional(z.url()),
  AUTH_ISSUER: optional(z.string()),
  AUTH_AUDIENCE: optional(z.string()),
  AUTH_JWT_SECRET: optional(z.string().min(32, "must be at least 32 characters")),
  LOG_LEVEL: optional(z.enum(LOG_LEVELS)),
  UPSTASH_REDIS_REST_URL: optional(z.url()),
  UPSTASH_REDIS_REST_TOKEN: optional(z.string()),
  REDIS_URL: optional(
    z.url({ protocol: /^rediss?$/, error: "must be a redis:// or rediss:// URL" }),
  ),
  RATE_LIMIT_USER: optional(rate),
  RATE_LIMIT_IP: optional(rate),
  ALLOWED_ORIGINS: optional(z.string()),
  TRUSTED_PROXIES: optional(z.string()),
});

export interface ApiConfig {
  databaseUrl: string;
  /** DATABASE_URL was unset (development only): the embedded server `pnpm dev` starts. */
  embeddedDatabase: boolean;
  auth: VerifierOptions;
  logLevel: LogLevel;
  rateLimit: { policies: Policies; store: RateLimitStore };
  /** Exact origins allowed by CORS. */
  allowedOrigins: string[];
  /** Who may name the client in X-Forwarded-For (the `ip` rate-limit policy's key). */
  trustedProxies: TrustedProxies;
  /**
   * Whether traces and metrics are exported (an OTEL_EXPORTER_OTLP_*ENDPOINT is set): the host
   * starts the SDK, and the dependencies are built with spans and instruments.
   */
  telemetry: boolean;
}

/** Reads the API's configuration once, failing with the name of every bad variable. */
export function loadConfig(env: Record<string, string | undefined>): ApiConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid API configuration:\n  ${problems.join("\n  ")}`);
  }
  const e = parsed.data;
  // A production server never falls back to the development database: it would start, look
  // healthy, and fail every query against a server that is not there.
  if (!e.DATABASE_URL && e.NODE_ENV === "production")
    throw new Error(
      "Invalid API configuration:\n  DATABASE_URL: required in production (the embedded PostgreSQL is for development only)",
    );
  let trustedProxies: TrustedProxies;
  try {
    trustedProxies = parseTrustedProxies(e.TRUSTED_PROXIES);
  } catch (error) {
    throw new Error(`Invalid API configuration:\n  TRUSTED_PROXIES: ${(error as Error).message}`);
  }
  // One mode, chosen by configuration: with both set, which one verifies would be a guess.
  if (e.AUTH_JWT_SECRET && e.AUTH_JWKS_URL)
    throw new Error(
      "Invalid API configuration:\n  AUTH_JWT_SECRET and AUTH_JWKS_URL: set one of them (HS256 with a shared secret, or the issuer's JWKS), not both",
    );
  const authUrl = (e.BETTER_AUTH_URL ?? "http://localhost:3000").replace(/\/$/, "");
  const issuer = e.AUTH_ISSUER ?? authUrl;
  const audience = e.AUTH_AUDIENCE ?? authUrl;
  return {
    databaseUrl: e.DATABASE_URL ?? embeddedDatabaseUrl(),
    embeddedDatabase: !e.DATABASE_URL,
    auth: e.AUTH_JWT_SECRET
      ? { mode: "secret", secret: e.AUTH_JWT_SECRET, issuer, audience }
      : { mode: "jwks", jwksUrl: e.AUTH_JWKS_URL ?? `${authUrl}/api/auth/jwks`, issuer, audience },
    logLevel: e.LOG_LEVEL ?? "info",
    rateLimit: {
      policies: {
        user: { name: "user", ...(e.RATE_LIMIT_USER ?? { requests: 120, windowSeconds: 60 }) },
        ip: { name: "ip", ...(e.RATE_LIMIT_IP ?? { requests: 30, windowSeconds: 60 }) },
      },
      store: rateLimitStore(e),
    },
    allowedOrigins: e.ALLOWED_ORIGINS
      ? e.ALLOWED_ORIGINS.split(",")
          .map((origin) => origin.trim())
          .filter(Boolean)
      : [new URL(authUrl).origin],
    trustedProxies,
    telemetry: telemetryEnabled(env),
  };
}

function rateLimitStore(e: z.output<typeof envSchema>): RateLimitStore {
  if (e.UPSTASH_REDIS_REST_URL || e.UPSTASH_REDIS_REST_TOKEN) {
    if (!e.UPSTASH_REDIS_REST_URL || !e.UPSTASH_REDIS_REST_TOKEN)
      throw new Error(
        "Invalid API configuration:\n  UPSTASH_REDIS_REST_URL and UPSTASH_REDIS_REST_TOKEN must be set together",
      );
    return { kind: "upstash", url: e.UPSTASH_REDIS_REST_URL, token: e.UPSTASH_REDIS_REST_TOKEN };
  }
  if (e.REDIS_URL) return { kind: "redis", url: e.REDIS_URL };
  return { kind: "memory" };
}

import { DEFAULT_API_AUDIENCE } from "@repo/auth/api-audience";
import { decodeHs256Secret, type VerifierOptions } from "@repo/auth/verifier";
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

// A per-user cap on live rows of one kind (TODO_LIMIT_PER_USER and the like).
const perUserLimit = z
  .string()
  .regex(/^[1-9]\d{0,8}$/, "must be a whole number from 1 to 999999999")
  .transform(Number);

const envSchema = z.object({
  NODE_ENV: optional(z.string()),
  DATABASE_URL: optional(z.url()),
  BETTER_AUTH_URL: optional(z.url()),
  AUTH_JWKS_URL: optional(z.url()),
  AUTH_ISSUER: optional(z.string()),
  AUTH_AUDIENCE: optional(z.string()),
  AUTH_JWT_SECRET: optional(
    z.string().superRefine((value, context) => {
      try {
        decodeHs256Secret(value);
      } catch (error) {
        context.addIssue({ code: "custom", message: (error as Error).message });
      }
    }),
  ),
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
  TODO_LIMIT_PER_USER: optional(perUserLimit),
  PROJECT_LIMIT_PER_USER: optional(perUserLimit),
  LABEL_LIMIT_PER_USER: optional(perUserLimit),
});

/** Abuse bounds, not product quotas: far above what a person keeps, far below a flood. */
export const DEFAULT_TODO_LIMIT_PER_USER = 10_000;
export const DEFAULT_PROJECT_LIMIT_PER_USER = 1_000;
export const DEFAULT_LABEL_LIMIT_PER_USER = 1_000;

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
  /** The most live todos one user may have (TODO_LIMIT_PER_USER). */
  todoLimitPerUser: number;
  /** The most live projects one user may have (PROJECT_LIMIT_PER_USER). */
  projectLimitPerUser: number;
  /** The most labels one user may have (LABEL_LIMIT_PER_USER). */
  labelLimitPerUser: number;
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
  const jwksUrl = e.AUTH_JWKS_URL ?? `${authUrl}/api/auth/jwks`;
  if (!e.AUTH_JWT_SECRET && !fetchableJwksUrl(jwksUrl))
    throw new Error(
      `Invalid API configuration:\n  ${e.AUTH_JWKS_URL ? "AUTH_JWKS_URL" : "AUTH_JWKS_URL (from BETTER_AUTH_URL)"}: must be an https URL (plain http only to a loopback host: localhost, 127.0.0.0/8, [::1])`,
    );
  const issuer = e.AUTH_ISSUER ?? authUrl;
  // The web app's AUTH_AUDIENCE has the same default: a token for the web origin is refused.
  const audience = e.AUTH_AUDIENCE ?? DEFAULT_API_AUDIENCE;
  return {
    databaseUrl: e.DATABASE_URL ?? embeddedDatabaseUrl(),
    embeddedDatabase: !e.DATABASE_URL,
    auth: e.AUTH_JWT_SECRET
      ? { mode: "secret", secret: e.AUTH_JWT_SECRET, issuer, audience }
      : { mode: "jwks", jwksUrl, issuer, audience },
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
    todoLimitPerUser: e.TODO_LIMIT_PER_USER ?? DEFAULT_TODO_LIMIT_PER_USER,
    projectLimitPerUser: e.PROJECT_LIMIT_PER_USER ?? DEFAULT_PROJECT_LIMIT_PER_USER,
    labelLimitPerUser: e.LABEL_LIMIT_PER_USER ?? DEFAULT_LABEL_LIMIT_PER_USER,
    telemetry: telemetryEnabled(env),
  };
}

/**
 * The signing keys decide who the API believes: they come over https, or over plain http from
 * this machine only (an issuer beside the API, development), where no network can alter them.
 */
function fetchableJwksUrl(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  if (protocol === "https:") return true;
  const loopback =
    hostname === "localhost" ||
    hostname.endsWith(".localhost") ||
    hostname === "[::1]" ||
    /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
  return protocol === "http:" && loopback;
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

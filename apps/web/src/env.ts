import "server-only";
import path from "node:path";
import { DEFAULT_API_AUDIENCE } from "@repo/auth/api-audience";
import { parseTrustedProxies, type TrustedProxies } from "@repo/client-address";
import { developmentDataDir, embeddedDatabaseUrl, generatedSecret } from "@repo/db/embedded-url";
import { LOG_LEVELS, type LogLevel } from "@repo/logger";
import type { MailerConfig } from "@repo/mail";
import { z } from "zod";

const httpUrl = z.url({ protocol: /^https?$/, error: "must be an http(s) URL" });

/** `requests/seconds`, each of 1–9 digits, as Better Auth's `{ max, window }`. */
const rate = (fallback: string) =>
  z
    .string()
    .regex(/^[1-9]\d{0,8}\/[1-9]\d{0,8}$/, "must be requests/seconds, e.g. 3/10")
    .default(fallback)
    .transform((value) => {
      const [max, window] = value.split("/").map(Number) as [number, number];
      return { max, window };
    });

/** Whole seconds, at least 1. */
const seconds = (fallback: number) =>
  z
    .string()
    .regex(/^[1-9]\d{0,9}$/, "must be a whole number of seconds, at least 1")
    .default(String(fallback))
    .transform(Number);

const schema = z.object({
  DATABASE_URL: z.url({ error: "must be a URL" }).optional(),
  BETTER_AUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  BETTER_AUTH_URL: httpUrl.default("http://localhost:3000"),
  NEXT_PUBLIC_API_URL: httpUrl.default("http://localhost:3001"),
  // The `aud` of the API's tokens: the API requires the same value (its AUTH_AUDIENCE).
  AUTH_AUDIENCE: z.string().min(1).default(DEFAULT_API_AUDIENCE),
  LOG_LEVEL: z.enum(LOG_LEVELS).default("info"),
  TRUSTED_PROXIES: z
    .string()
    .optional()
    .transform((value, context) => {
      try {
        return parseTrustedProxies(value);
      } catch (error) {
        context.addIssue({ code: "custom", message: (error as Error).message });
        return z.NEVER;
      }
    }),
  REDIS_URL: z
    .url({ protocol: /^rediss?$/, error: "must be a redis:// or rediss:// URL" })
    .optional(),
  // The account mails: an SMTP server (smtp://user:password@host:587, or smtps:// for TLS from
  // the start); unset, development writes them into an outbox folder and production refuses.
  SMTP_URL: z.url({ protocol: /^smtps?$/, error: "must be an smtp:// or smtps:// URL" }).optional(),
  MAIL_FROM: z
    .string()
    .regex(
      /^[^\r\n]*[^\s@<>]+@[^\s@<>]+[^\r\n]*$/,
      "must be an address, e.g. Todo <no-reply@example.com>",
    )
    .optional(),
  MAIL_OUTBOX_DIR: z.string().optional(),
  // `requests/seconds` per client address for sign-in and sign-up, for the paths that send a
  // mail, for those that use a mailed link, and for any other auth path.
  AUTH_RATE_LIMIT_SIGN_IN: rate("3/10"),
  AUTH_RATE_LIMIT_MAIL: rate("3/60"),
  AUTH_RATE_LIMIT_LINK: rate("10/60"),
  AUTH_RATE_LIMIT: rate("100/10"),
  // JWT signing keys: how long one signs, and how long the JWKS keeps it after (seconds).
  AUTH_JWKS_ROTATION_INTERVAL_SECONDS: seconds(30 * 24 * 3600),
  AUTH_JWKS_GRACE_PERIOD_SECONDS: seconds(7 * 24 * 3600),
});

export interface Env {
  /** Unset in development: the embedded Postgres `pnpm dev` starts; in production, required. */
  DATABASE_URL: string;
  BETTER_AUTH_SECRET: string;
  BETTER_AUTH_URL: string;
  NEXT_PUBLIC_API_URL: string;
  /** The `aud` of the tokens the API accepts (the API's AUTH_AUDIENCE, the same default). */
  AUTH_AUDIENCE: string;
  LOG_LEVEL: LogLevel;
  /** Who may name the client in X-Forwarded-For (as the API reads it). */
  TRUSTED_PROXIES: TrustedProxies;
  /** Better Auth's rate-limit counters; unset: the database. */
  REDIS_URL?: string;
  /**
   * Where the account mails go, from SMTP_URL and MAIL_FROM (default `Todo <no-reply@<host of
   * BETTER_AUTH_URL>>`); without SMTP_URL, in development only, files in MAIL_OUTBOX_DIR
   * (default `<repo root>/.data/outbox`).
   */
  mail: MailerConfig;
  AUTH_RATE_LIMIT_SIGN_IN: { max: number; window: number };
  AUTH_RATE_LIMIT_MAIL: { max: number; window: number };
  AUTH_RATE_LIMIT_LINK: { max: number; window: number };
  AUTH_RATE_LIMIT: { max: number; window: number };
  /** A signing key signs this long (seconds), then the next token mints a new one. */
  AUTH_JWKS_ROTATION_INTERVAL_SECONDS: number;
  /** A rotated-out key stays in the JWKS this long (seconds): past every token it signed. */
  AUTH_JWKS_GRACE_PERIOD_SECONDS: number;
}

let cached: Env | undefined;

/**
 * The web app's configuration, read from `process.env` when first asked for (at start-up or on the
 * first request), never at build time. Throws an Error naming every missing or bad variable.
 */
export function getEnv(): Env {
  cached ??= readEnv(process.env);
  return cached;
}

/** The configuration in `source`; throws an Error naming every missing or bad variable. */
export function readEnv(source: NodeJS.ProcessEnv): Env {
  // Read the whole object rather than `process.env.NEXT_PUBLIC_…`: Next inlines such member
  // expressions at build time, and this value must come from the running server's environment.
  const raw = Object.fromEntries(
    Object.keys(schema.shape).map((key) => [key, source[key] === "" ? undefined : source[key]]),
  );
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`);
    throw new Error(`Invalid environment: ${problems.join("; ")}`);
  }
  const { BETTER_AUTH_SECRET, DATABASE_URL, SMTP_URL, MAIL_FROM, MAIL_OUTBOX_DIR, ...rest } =
    parsed.data;
  const from = MAIL_FROM ?? `Todo <no-reply@${new URL(rest.BETTER_AUTH_URL).hostname}>`;
  return {
    ...rest,
    DATABASE_URL: DATABASE_URL ?? developmentDatabaseUrl(),
    BETTER_AUTH_SECRET: BETTER_AUTH_SECRET ?? developmentSecret(),
    mail: SMTP_URL
      ? { transport: "smtp", url: SMTP_URL, from }
      : { transport: "outbox", dir: developmentOutbox(MAIL_OUTBOX_DIR), from },
  };
}

/**
 * Development's mail: a file per message in `dir` (default `<repo root>/.data/outbox`). A
 * production server refuses to start without SMTP_URL: its verification and reset mails must
 * reach people.
 */
function developmentOutbox(dir: string | undefined): string {
  if (process.env.NODE_ENV === "production") {
    throw new Error(
      "SMTP_URL is not set: a production server needs an SMTP server (smtp:// or smtps://) to send verification and password-reset mails",
    );
  }
  // turbopackIgnore: a folder named at run time, not a file of the build to trace.
  if (dir) return path.resolve(/* turbopackIgnore: true */ dir);
  return path.join(developmentDataDir(), "outbox");
}

/** The embedded server `pnpm dev` starts; a production server refuses to start without a URL. */
function developmentDatabaseUrl(): string {
  if (process.env.NODE_ENV === "production") {
    throw new Error("DATABASE_URL is not set: a production server needs its PostgreSQL URL");
  }
  return embeddedDatabaseUrl();
}

/** A generated secret kept in `<repo root>/.data/better-auth-secret`, so sessions and JWT keys survive restarts. */
function developmentSecret(): string {
  if (process.env.NODE_ENV === "production") {
    throw new Error(
      "BETTER_AUTH_SECRET is not set: a production server needs a secret of at least 32 characters",
    );
  }
  const file = path.join(developmentDataDir(), "better-auth-secret");
  const secret = generatedSecret(file);
  if (secret.length < 32) {
    throw new Error(`BETTER_AUTH_SECRET is not set and ${file} holds fewer than 32 characters`);
  }
  return secret;
}

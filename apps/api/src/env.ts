import type { VerifierOptions } from "@repo/auth/verifier";
import { z } from "zod";

const optional = <T extends z.ZodType>(schema: T) =>
  // An empty variable counts as unset, as in a .env file with `NAME=`.
  z.preprocess((value) => (value === "" ? undefined : value), schema.optional());

const envSchema = z.object({
  DATABASE_URL: optional(z.url()),
  BETTER_AUTH_URL: optional(z.url()),
  AUTH_JWKS_URL: optional(z.url()),
  AUTH_ISSUER: optional(z.string()),
  AUTH_AUDIENCE: optional(z.string()),
  AUTH_JWT_SECRET: optional(z.string().min(32, "must be at least 32 characters")),
  LOG_LEVEL: optional(z.enum(["trace", "debug", "info", "warn", "error", "fatal", "silent"])),
});

export interface ApiConfig {
  databaseUrl: string | undefined;
  auth: VerifierOptions;
  logLevel: string;
}

/** Reads the API's configuration once, failing with the name of every bad variable. */
export function loadConfig(env: Record<string, string | undefined>): ApiConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid API configuration:\n  ${problems.join("\n  ")}`);
  }
  const e = parsed.data;
  const authUrl = (e.BETTER_AUTH_URL ?? "http://localhost:3000").replace(/\/$/, "");
  const issuer = e.AUTH_ISSUER ?? authUrl;
  const audience = e.AUTH_AUDIENCE ?? authUrl;
  return {
    databaseUrl: e.DATABASE_URL,
    auth: e.AUTH_JWT_SECRET
      ? { mode: "secret", secret: e.AUTH_JWT_SECRET, issuer, audience }
      : { mode: "jwks", jwksUrl: e.AUTH_JWKS_URL ?? `${authUrl}/api/auth/jwks`, issuer, audience },
    logLevel: e.LOG_LEVEL ?? "info",
  };
}

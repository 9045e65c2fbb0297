import { createVerifier, type Verifier } from "@repo/auth/verifier";
import { createDatabase, type Database } from "@repo/db/client";
import pino, { type Logger } from "pino";
import { type ApiConfig, loadConfig } from "./env";
import { createRateLimiter } from "./rate-limit/create-rate-limiter";
import type { RateLimiter } from "./rate-limit/types";

/** Everything a handler may reach outside itself. Tests build their own. */
export interface ApiDeps {
  db: Database;
  verifier: Verifier;
  logger: Logger;
  rateLimiter: RateLimiter;
  /** Exact origins allowed by CORS. */
  allowedOrigins: string[];
}

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    destination ?? pino.destination(1),
  );
}

/**
 * The dependencies as a long-running host owns them: `close()` lets go of the database pool and
 * the rate-limit store's connection (the Node host calls it on shutdown).
 */
export interface ClosableDeps extends ApiDeps {
  close(): Promise<void>;
}

export function createDeps(config: ApiConfig): ClosableDeps {
  const logger = createLogger(config.logLevel);
  if (config.embeddedDatabase)
    logger.warn("DATABASE_URL is unset: using the embedded development PostgreSQL");
  const database = createDatabase({ url: config.databaseUrl });
  const rateLimiter = createRateLimiter({ ...config.rateLimit, logger });
  return {
    db: database.db,
    verifier: createVerifier(config.auth),
    logger,
    rateLimiter,
    allowedOrigins: config.allowedOrigins,
    close: async () => {
      await Promise.all([database.close(), rateLimiter.close()]);
    },
  };
}

let deps: ApiDeps | undefined;

/** The process's dependencies, built from the environment on first use (start-up, see instrumentation.ts). */
export function getDeps(): ApiDeps {
  deps ??= createDeps(loadConfig(process.env));
  return deps;
}

import { trace } from "@opentelemetry/api";
import { createVerifier, type Verifier } from "@repo/auth/verifier";
import { createDatabase, type Database } from "@repo/db/client";
import { createLogger, type Logger } from "@repo/logger";
import { type ApiConfig, loadConfig } from "./env";
import { createRateLimiter } from "./rate-limit/create-rate-limiter";
import type { RateLimiter } from "./rate-limit/types";
import { type ApiTelemetry, createApiTelemetry } from "./telemetry/instruments";

/** Everything a handler may reach outside itself. Tests build their own. */
export interface ApiDeps {
  db: Database;
  verifier: Verifier;
  logger: Logger;
  rateLimiter: RateLimiter;
  /** Exact origins allowed by CORS. */
  allowedOrigins: string[];
  /** Spans and instruments, only when telemetry is exported (see telemetry/instruments.ts). */
  telemetry?: ApiTelemetry;
}

/**
 * The dependencies as a long-running host owns them: `close()` lets go of the database pool and
 * the rate-limit store's connection (the Node host calls it on shutdown).
 */
export interface ClosableDeps extends ApiDeps {
  close(): Promise<void>;
}

export function createDeps(config: ApiConfig): ClosableDeps {
  const logger = createLogger({ level: config.logLevel });
  if (!config.databaseUrl)
    logger.warn("DATABASE_URL is unset: using the embedded development PostgreSQL");
  // With telemetry on, the host has started the SDK before this (a meter taken earlier would
  // stay a no-op); with it off, nothing is wrapped and nothing is recorded.
  const tracing = (scope: string) => (config.telemetry ? { tracer: trace.getTracer(scope) } : {});
  const database = createDatabase({ url: config.databaseUrl, ...tracing("@repo/db") });
  const rateLimiter = createRateLimiter({ ...config.rateLimit, logger });
  return {
    db: database.db,
    verifier: createVerifier({ ...config.auth, ...tracing("@repo/auth") }),
    logger,
    rateLimiter,
    allowedOrigins: config.allowedOrigins,
    ...(config.telemetry ? { telemetry: createApiTelemetry(database.poolStats) } : {}),
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

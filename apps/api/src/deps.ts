import { trace } from "@opentelemetry/api";
import { type ApiKeyVerifier, createApiKeyVerifier } from "@repo/auth/api-key-verifier";
import { createVerifier, type Verifier } from "@repo/auth/verifier";
import type { TrustedProxies } from "@repo/client-address";
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
  /** Personal API keys (`todo_…`), looked up in the shared database. */
  apiKeyVerifier: ApiKeyVerifier;
  logger: Logger;
  rateLimiter: RateLimiter;
  /** Exact origins allowed by CORS. */
  allowedOrigins: string[];
  /** Who may name the client in X-Forwarded-For (see @repo/client-address). */
  trustedProxies: TrustedProxies;
  /** The most live (not soft-deleted) todos one user may have. */
  todoLimitPerUser: number;
  /** The most live (not soft-deleted) projects one user may have. */
  projectLimitPerUser: number;
  /** The most labels one user may have. */
  labelLimitPerUser: number;
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
  if (config.embeddedDatabase)
    logger.warn("DATABASE_URL is unset: using the embedded development PostgreSQL");
  // With telemetry on, the host has started the SDK before this (a meter taken earlier would
  // stay a no-op); with it off, nothing is wrapped and nothing is recorded.
  const tracing = (scope: string) => (config.telemetry ? { tracer: trace.getTracer(scope) } : {});
  const database = createDatabase({ url: config.databaseUrl, ...tracing("@repo/db") });
  const rateLimiter = createRateLimiter({ ...config.rateLimit, logger });
  return {
    db: database.db,
    verifier: createVerifier({ ...config.auth, ...tracing("@repo/auth") }),
    apiKeyVerifier: createApiKeyVerifier({ db: database.db, logger }),
    logger,
    rateLimiter,
    allowedOrigins: config.allowedOrigins,
    trustedProxies: config.trustedProxies,
    todoLimitPerUser: config.todoLimitPerUser,
    projectLimitPerUser: config.projectLimitPerUser,
    labelLimitPerUser: config.labelLimitPerUser,
    ...(config.telemetry ? { telemetry: createApiTelemetry(database.poolStats) } : {}),
    close: async () => {
      await Promise.all([database.close(), rateLimiter.close()]);
    },
  };
}

let deps: ApiDeps | undefined;

// Next compiles the route, proxy.ts and instrumentation.ts each with its own copy of this
// module, and the Next host bundles another: each copy builds its own dependencies on first use.
// They all register here, process-wide, so that a shutdown can close every pool.
const CLOSERS = Symbol.for("todo-api.deps-closers");
const registry = globalThis as { [CLOSERS]?: Set<() => Promise<void>> };
const closers = () => {
  registry[CLOSERS] ??= new Set();
  return registry[CLOSERS];
};

/** The process's dependencies, built from the environment on first use (start-up, see instrumentation.ts). */
export function getDeps(): ApiDeps {
  if (!deps) {
    const created = createDeps(loadConfig(process.env));
    closers().add(created.close);
    deps = created;
  }
  return deps;
}

/**
 * Closes every set of dependencies `getDeps` built in this process, whichever copy of this
 * module built it (the Next host calls it on shutdown, once no request is in flight).
 * Resolves with how many were closed.
 */
export async function closeAllDeps(): Promise<number> {
  const open = [...closers()];
  closers().clear();
  await Promise.all(open.map((close) => close()));
  return open.length;
}

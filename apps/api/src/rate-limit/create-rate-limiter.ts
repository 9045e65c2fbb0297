import { createStoreHealth, type Logger } from "@repo/logger";
import { Redis } from "@upstash/redis";
import { createMemoryLimiter } from "./memory-limiter";
import { createScriptClient } from "./redis-script-client";
import type { Policies, RateLimiter } from "./types";
import { createUpstashLimiter } from "./upstash-limiter";

/** Where counts are kept: shared by every API instance (Upstash REST, Redis) or per process. */
export type RateLimitStore =
  | { kind: "upstash"; url: string; token: string }
  | { kind: "redis"; url: string }
  | { kind: "memory" };

export interface RateLimiterOptions {
  policies: Policies;
  store: RateLimitStore;
  logger: Logger;
  /** Redis key prefix, `todo-api:rl` unless told (tests use their own). */
  prefix?: string;
  /** A check the store has not answered within this is allowed (fail open). At most 1 s. */
  timeoutMs?: number;
}

/** A limiter that can also let go of its store's connection (for tests and shutdown). */
export interface ClosableRateLimiter extends RateLimiter {
  close(): Promise<void>;
}

/** The limiter for the configured store. */
export function createRateLimiter({
  policies,
  store,
  logger,
  prefix = "todo-api:rl",
  timeoutMs: requestedTimeoutMs = 500,
}: RateLimiterOptions): ClosableRateLimiter {
  const timeoutMs = Math.min(requestedTimeoutMs, 1_000);
  const health = createStoreHealth(logger, { store: store.kind });
  switch (store.kind) {
    case "upstash": {
      const redis = new Redis({
        url: store.url,
        token: store.token,
        // One attempt, aborted at the deadline (a function: a fresh signal per request; a shared
        // signal, once aborted, would answer every later command with "Aborted"). `retry: false`
        // would still try twice.
        retry: { retries: 0 },
        signal: () => AbortSignal.timeout(timeoutMs),
        enableTelemetry: false,
      });
      const limiter = createUpstashLimiter({ policies, redis, prefix, timeoutMs, health });
      // REST: no connection to close.
      return {
        check: limiter.check,
        ping: async () => {
          await redis.ping();
        },
        close: async () => {},
      };
    }
    case "redis": {
      const redis = createScriptClient({ url: store.url, commandTimeoutMs: timeoutMs });
      const limiter = createUpstashLimiter({ policies, redis, prefix, timeoutMs, health });
      return { check: limiter.check, ping: redis.ping, close: redis.close };
    }
    case "memory":
      logger.warn(
        "Neither UPSTASH_REDIS_REST_URL nor REDIS_URL is set: rate limits are kept in this process only, so each API instance counts on its own",
      );
      return { ...createMemoryLimiter(policies), close: async () => {} };
  }
}

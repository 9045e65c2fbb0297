import type { Logger } from "pino";
import { createMemoryLimiter } from "./memory-limiter";
import type { Policies, RateLimiter } from "./types";

/** Where counts are kept: shared by every API instance (Upstash REST, Redis) or per process. */
export type RateLimitStore =
  | { kind: "upstash"; url: string; token: string }
  | { kind: "redis"; url: string }
  | { kind: "memory" };

export interface RateLimiterOptions {
  policies: Policies;
  store: RateLimitStore;
  logger: Logger;
}

/** The limiter for the configured store. */
export function createRateLimiter({ policies, store, logger }: RateLimiterOptions): RateLimiter {
  switch (store.kind) {
    case "memory":
      logger.warn(
        "Neither UPSTASH_REDIS_REST_URL nor REDIS_URL is set: rate limits are kept in this process only, so each API instance counts on its own",
      );
      return createMemoryLimiter(policies);
    default:
      throw new Error(`rate-limit store "${store.kind}" is not available yet`);
  }
}

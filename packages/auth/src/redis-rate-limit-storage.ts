import { setTimeout as delay } from "node:timers/promises";
import { createStoreHealth, type Logger } from "@repo/logger";
import { Redis } from "ioredis";

/** What Better Auth's `rateLimit.customStorage` is asked: one atomic count-and-decide step. */
export interface RateLimitStorage {
  consume(
    key: string,
    rule: { window: number; max: number },
  ): Promise<{ allowed: boolean; retryAfter: number | null }>;
}

export interface RedisRateLimitStorageOptions {
  url: string;
  logger: Logger;
  /** Key prefix, `better-auth:rl` unless told (tests use their own). */
  prefix?: string;
  /** A step Redis has not answered within this is allowed (fail open). */
  timeoutMs?: number;
}

// A fixed window per key: the first request of a window sets its expiry. Returns the count
// including this request, and the window's remaining milliseconds.
const CONSUME = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
return {count, ttl}
`;

/**
 * Better Auth's rate-limit counters in Redis, where every web instance sees them (its default,
 * memory, counts per process; its database store costs a read and a write per request). Like
 * the API's limiter, it fails open: while Redis is unreachable, sign-ins are served unlimited,
 * with one warning per outage (createStoreHealth), rather than refused with a 500.
 */
export function redisRateLimitStorage({
  url,
  logger,
  prefix = "better-auth:rl",
  timeoutMs = 500,
}: RedisRateLimitStorageOptions): RateLimitStorage & { close(): Promise<void> } {
  const redis = new Redis(url, {
    commandTimeout: timeoutMs,
    connectTimeout: 1_000,
    // Fail at once while Redis is away, rather than queue steps to replay when it returns.
    enableOfflineQueue: false,
    autoResendUnfulfilledCommands: false,
    retryStrategy: (attempt) => Math.min(attempt * 100, 1_000),
  });
  // ioredis reconnects by itself; meanwhile steps fail, and createStoreHealth logs that.
  redis.on("error", () => {});
  // Without the offline queue, steps taken while the first connection is being set up would
  // fail: they wait for it instead (at most one timeout); afterwards nothing waits.
  let starting: Promise<unknown> | undefined = new Promise((resolve) => {
    redis.once("ready", resolve);
    redis.once("error", resolve);
  }).then(() => {
    starting = undefined;
  });
  const health = createStoreHealth(logger, { store: "better-auth-redis" });
  return {
    async consume(key, { window, max }) {
      try {
        if (starting) await Promise.race([starting, delay(timeoutMs, undefined, { ref: false })]);
        const [count, ttl] = (await redis.eval(CONSUME, 1, `${prefix}:${key}`, window * 1000)) as [
          number,
          number,
        ];
        health.succeeded();
        return count <= max
          ? { allowed: true, retryAfter: null }
          : { allowed: false, retryAfter: Math.max(1, Math.ceil(ttl / 1000)) };
      } catch (error) {
        health.failed(error);
        return { allowed: true, retryAfter: null };
      }
    },
    close: async () => {
      redis.disconnect();
    },
  };
}

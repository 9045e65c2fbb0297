import type { StoreHealth } from "@repo/logger";
import { Ratelimit } from "@upstash/ratelimit";
import type { Redis } from "@upstash/redis";
import type { ScriptClient } from "./redis-script-client";
import type { Policies, PolicyName, RateLimiter, RateLimitResult } from "./types";

export interface UpstashLimiterOptions {
  policies: Policies;
  /** @upstash/redis's client, or a plain Redis behind the two methods the library calls. */
  redis: Redis | Pick<ScriptClient, "eval" | "evalsha">;
  /** Key prefix; each policy adds its name (`todo-api:rl:user:<id>:<window>`). */
  prefix: string;
  /** A check that takes longer is allowed (fail open). */
  timeoutMs: number;
  health: StoreHealth;
}

/**
 * @upstash/ratelimit's sliding window, one instance per policy, behind the RateLimiter the
 * pipeline uses. Any store failure or a check slower than `timeoutMs` lets the request through
 * (the contract prefers serving to refusing when Redis is away), and `health` logs it.
 */
export function createUpstashLimiter({
  policies,
  redis,
  prefix,
  timeoutMs,
  health,
}: UpstashLimiterOptions): RateLimiter {
  const limiters = Object.fromEntries(
    Object.values(policies).map((policy) => [
      policy.name,
      new Ratelimit({
        // The library types this as @upstash/redis's whole client; its single-region sliding
        // window only calls `evalsha` and `eval` (see redis-script-client.ts).
        redis: redis as Redis,
        limiter: Ratelimit.slidingWindow(policy.requests, `${policy.windowSeconds} s`),
        prefix: `${prefix}:${policy.name}`,
        // On timeout the library resolves `success: true, reason: "timeout"` (handled below).
        timeout: timeoutMs,
        // No per-process memory of blocked ids: it would keep refusing an id until the end of
        // the fixed window even after the sliding window's weighting lets it in again, so
        // instances would disagree (and the headers with them). Every check asks Redis.
        ephemeralCache: false,
        analytics: false,
        enableProtection: false,
        enableTelemetry: false,
      }),
    ]),
  ) as Record<PolicyName, Ratelimit>;

  return {
    async check(name, key): Promise<RateLimitResult> {
      const policy = policies[name];
      try {
        const result = await limiters[name].limit(key);
        if (result.reason === "timeout") throw new Error(`no answer within ${timeoutMs} ms`);
        health.succeeded();
        return {
          policy,
          allowed: result.success,
          remaining: result.remaining,
          // `reset` is a Unix time in milliseconds (the end of the current window): the headers
          // want whole seconds from now, at least 1.
          resetSeconds: Math.min(
            policy.windowSeconds,
            Math.max(1, Math.ceil((result.reset - Date.now()) / 1000)),
          ),
        };
      } catch (error) {
        health.failed(error);
        return {
          policy,
          allowed: true,
          remaining: policy.requests,
          resetSeconds: policy.windowSeconds,
        };
      }
    },
  };
}

import type { RateLimitResult } from "../rate-limit/types";
import { ApiError } from "./problem";

/** draft-ietf-httpapi-ratelimit-headers-11: the policy, and where the caller stands in it. */
export function rateLimitHeaders({ policy, remaining, resetSeconds }: RateLimitResult) {
  return {
    "RateLimit-Policy": `"${policy.name}";q=${policy.requests};w=${policy.windowSeconds}`,
    RateLimit: `"${policy.name}";r=${remaining};t=${resetSeconds}`,
  };
}

export const tooManyRequests = (result: RateLimitResult) =>
  new ApiError("rate-limited", `Too many requests; retry in ${result.resetSeconds} seconds.`, {
    headers: { "Retry-After": String(result.resetSeconds) },
  });

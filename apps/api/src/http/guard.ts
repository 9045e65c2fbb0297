import type { Identity } from "@repo/auth/verifier";
import type { ApiDeps } from "../deps";
import type { RateLimitResult } from "../rate-limit/types";
import { authenticate } from "./authenticate";
import { clientIp } from "./client-ip";
import { ApiError } from "./problem";
import { tooManyRequests } from "./rate-limit-headers";

/**
 * Steps 2 and 3 of the contract: who the caller is, then their rate limit. A verified caller
 * counts against the `user` policy only; a caller without valid credentials against the `ip`
 * policy, and gets a 429 instead of the 401 once over it. The result lands in `outcome`, so
 * the headers go on the response whatever happens next.
 */
export async function authenticateAndLimit(
  request: Request,
  deps: Pick<ApiDeps, "verifier" | "rateLimiter">,
  outcome: { limit?: RateLimitResult },
): Promise<Identity> {
  let user: Identity;
  try {
    user = await authenticate(request, deps.verifier);
  } catch (error) {
    if (error instanceof ApiError && error.code === "unauthorized") {
      outcome.limit = await deps.rateLimiter.check("ip", clientIp(request));
      if (!outcome.limit.allowed) throw tooManyRequests(outcome.limit);
    }
    throw error;
  }
  outcome.limit = await deps.rateLimiter.check("user", user.userId);
  if (!outcome.limit.allowed) throw tooManyRequests(outcome.limit);
  return user;
}

import { type Identity, KeysUnavailableError } from "@repo/auth/verifier";
import { clientLimitKey } from "@repo/client-address";
import type { ApiDeps } from "../deps";
import type { PolicyName, RateLimitResult } from "../rate-limit/types";
import { withSpan } from "../telemetry/with-span";
import { authenticate, Unauthorized } from "./authenticate";
import { ApiError } from "./problem";
import { tooManyRequests } from "./rate-limit-headers";

type GuardDeps = Pick<
  ApiDeps,
  "verifier" | "apiKeyVerifier" | "rateLimiter" | "telemetry" | "trustedProxies"
>;

/** Why authentication failed, as the `reason` of todo_api.auth.failures (a small, fixed set). */
const failureReason = (error: unknown): string =>
  error instanceof Unauthorized
    ? error.reason
    : error instanceof KeysUnavailableError
      ? "keys_unavailable"
      : "error";

/** One rate-limit check, in a span of its own when telemetry is on; refusals are counted. */
async function limit(deps: GuardDeps, policy: PolicyName, key: string): Promise<RateLimitResult> {
  const { telemetry } = deps;
  if (!telemetry) return deps.rateLimiter.check(policy, key);
  const result = await withSpan(
    telemetry.tracer,
    "todo_api.rate_limit",
    { "todo_api.rate_limit.policy": policy },
    async (span) => {
      const checked = await deps.rateLimiter.check(policy, key);
      span?.setAttribute("todo_api.rate_limit.allowed", checked.allowed);
      return checked;
    },
  );
  if (!result.allowed) telemetry.rateLimitRejections.add(1, { policy });
  return result;
}

/**
 * Steps 2 and 3 of the contract: who the caller is, then their rate limit. A verified caller
 * counts against the `user` policy only, keyed by the user whatever the credential (a JWT and
 * every API key of one user share one budget); a caller without valid credentials against the `ip`
 * policy, and gets a 429 instead of the 401 once over it. The result lands in `outcome`, so
 * the headers go on the response whatever happens next.
 */
export async function authenticateAndLimit(
  request: Request,
  deps: GuardDeps,
  outcome: { limit?: RateLimitResult },
): Promise<Identity> {
  const { telemetry } = deps;
  let user: Identity;
  try {
    user = telemetry
      ? await withSpan(telemetry.tracer, "todo_api.authenticate", undefined, () =>
          authenticate(request, deps),
        )
      : await authenticate(request, deps);
  } catch (error) {
    telemetry?.authFailures.add(1, { reason: failureReason(error) });
    if (error instanceof ApiError && error.code === "unauthorized") {
      outcome.limit = await limit(deps, "ip", clientLimitKey(request, deps.trustedProxies));
      if (!outcome.limit.allowed) throw tooManyRequests(outcome.limit);
    }
    throw error;
  }
  outcome.limit = await limit(deps, "user", user.userId);
  if (!outcome.limit.allowed) throw tooManyRequests(outcome.limit);
  return user;
}

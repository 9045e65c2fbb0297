/** The two policies of the contract: per verified user, and per client IP for everyone else. */
export type PolicyName = "user" | "ip";

/**
 * `requests` and `windowSeconds` have at most this many digits (configuration refuses more), so
 * every number in the rate-limit headers and Retry-After does too.
 */
export const RATE_LIMIT_DIGITS_MAX = 9;

export interface Policy {
  name: PolicyName;
  /** Requests allowed per window. */
  requests: number;
  windowSeconds: number;
}

export type Policies = Record<PolicyName, Policy>;

export interface RateLimitResult {
  policy: Policy;
  allowed: boolean;
  /** Requests left in the current window (0 when refused). */
  remaining: number;
  /** Whole seconds until the quota is fully available again (delta-seconds, never a timestamp). */
  resetSeconds: number;
}

/**
 * Counts a request against a policy for a key (a user id or an IP). Implementations fail
 * open: when their store is down they allow the request and log why.
 */
export interface RateLimiter {
  check(policy: PolicyName, key: string): Promise<RateLimitResult>;
  /** Shared stores only: resolves when the store answers (readiness reports it). */
  ping?(): Promise<void>;
}

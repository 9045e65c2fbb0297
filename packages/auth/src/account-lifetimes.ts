/**
 * How long account links and sessions last, in seconds (README, Decisions, "Accounts"). Pure
 * constants: server.ts configures Better Auth with them; tests shorten them through createAuth.
 */
export const ACCOUNT_LIFETIMES = {
  /** A verification link (a signed, stateless token; verifying twice changes nothing). */
  verifyLinkSeconds: 24 * 3600,
  /** A password-reset link: one use, stored, deleted when used. */
  resetLinkSeconds: 3600,
  /** A session ends after this long without a request (idle)... */
  sessionIdleSeconds: 7 * 24 * 3600,
  /** ...renewed to the full idle time at most once per this... */
  sessionRenewSeconds: 24 * 3600,
  /** ...and never lives longer than this after sign-in, however active (absolute). */
  sessionAbsoluteSeconds: 30 * 24 * 3600,
};

export type AccountLifetimes = typeof ACCOUNT_LIFETIMES;

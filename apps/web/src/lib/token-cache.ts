/**
 * An in-memory cache of the short-lived API JWT. Pure: it takes the fetcher and the clock, so it
 * runs the same in the browser and in unit tests.
 */

export interface TokenCacheOptions {
  /** Gets a fresh token (e.g. GET /api/auth/token); may reject, e.g. when the session is gone. */
  fetchToken: () => Promise<string>;
  /** Milliseconds since the epoch; `Date.now()` (looked up per call) unless a test passes a clock. */
  now?: () => number;
  /** How long before its expiry a token is replaced (default 60 s). */
  refreshMarginMs?: number;
}

export interface TokenCache {
  /** The cached token while it is fresh, else a new one; concurrent callers share one fetch. */
  get(): Promise<string>;
  /** Drop the cached token (the API refused it). A fetch already under way is kept: it is newer. */
  invalidate(): void;
  /**
   * A token issued just now, even while the cached one is fresh (DELETE /me takes only a token
   * issued in the last 5 minutes); it replaces the cached one. A fetch under way is joined.
   */
  fresh(): Promise<string>;
}

interface Claims {
  sub?: string;
  iat?: number;
  exp?: number;
}

/** The token's payload, or null when it is not a readable JWT. The signature is the API's business. */
export function readClaims(token: string): Claims | null {
  const payload = token.split(".")[1];
  if (!payload) return null;
  try {
    const base64 = payload.replace(/-/g, "+").replace(/_/g, "/");
    const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
    const claims: unknown = JSON.parse(new TextDecoder().decode(bytes));
    if (typeof claims !== "object" || claims === null) return null;
    const { sub, iat, exp } = claims as Record<string, unknown>;
    return {
      sub: typeof sub === "string" ? sub : undefined,
      iat: typeof iat === "number" ? iat : undefined,
      exp: typeof exp === "number" ? exp : undefined,
    };
  } catch {
    return null;
  }
}

/**
 * When (on the local clock, ms) a token received at `receivedAt` should be replaced. Its lifetime
 * is measured on the issuer's clock (`exp - iat`) and laid onto ours, so a browser whose clock is
 * off by minutes still refreshes on time. A token without a readable `exp` is never reused.
 */
export function refreshTime(token: string, receivedAt: number, marginMs: number): number {
  const claims = readClaims(token);
  if (claims?.exp === undefined) return receivedAt;
  const lifetimeMs =
    claims.iat === undefined ? claims.exp * 1000 - receivedAt : (claims.exp - claims.iat) * 1000;
  // A lifetime shorter than twice the margin (only in odd configurations): refresh halfway.
  return receivedAt + Math.max(0, lifetimeMs - Math.min(marginMs, lifetimeMs / 2));
}

export function createTokenCache({
  fetchToken,
  now = () => Date.now(),
  refreshMarginMs = 60_000,
}: TokenCacheOptions): TokenCache {
  let cached: { token: string; refreshAt: number } | undefined;
  let pending: Promise<string> | undefined;

  const refresh = () => {
    pending ??= fetchToken()
      .then((token) => {
        cached = { token, refreshAt: refreshTime(token, now(), refreshMarginMs) };
        return token;
      })
      .finally(() => {
        pending = undefined;
      });
    return pending;
  };

  return {
    async get() {
      if (cached && now() < cached.refreshAt) return cached.token;
      return refresh();
    },
    invalidate() {
      // Two requests refused at once both call this; the second must not throw away the token
      // the first one's retry is already fetching.
      if (!pending) cached = undefined;
    },
    fresh: refresh,
  };
}

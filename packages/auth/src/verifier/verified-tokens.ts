import type { Identity } from "./identity";

export interface VerifiedTokenCacheOptions {
  /** Tokens remembered at once; the least recently used goes first. */
  maxEntries: number;
  /** The longest a verification is trusted, whatever the token's `exp` (keys may rotate). */
  maxAgeMs: number;
  /**
   * Whether the key that verified a token (its `kid`) is still held; a cached verification
   * stands only while it is (jwks-cache.ts `holds`). Unset: keys never change (a shared secret).
   */
  keyHeld?: (kid: string | undefined) => boolean;
}

interface Entry {
  identity: Identity;
  /** Epoch ms: the token's `exp`, or sooner by `maxAgeMs`. */
  until: number;
  kid: string | undefined;
}

/**
 * Identities of tokens verified recently, keyed by the whole token: a token is only ever
 * answered from here if exactly that string was verified, and never at or past its `exp`
 * (the verifier's clock tolerance is not applied here, so this is stricter than it), nor once
 * the key that verified it is no longer held. A tampered token is another string; an expired
 * one, or one whose key went, is dropped and goes back to the verifier.
 */
export function createVerifiedTokenCache(options: VerifiedTokenCacheOptions) {
  const entries = new Map<string, Entry>();

  return {
    get(token: string, now = Date.now()): Identity | undefined {
      const entry = entries.get(token);
      if (!entry) return undefined;
      entries.delete(token);
      if (now >= entry.until || (options.keyHeld && !options.keyHeld(entry.kid))) return undefined;
      entries.set(token, entry); // most recently used last
      return entry.identity;
    },

    set(
      token: string,
      identity: Identity,
      expSeconds: number,
      now = Date.now(),
      kid: string | undefined = undefined,
    ): void {
      const until = Math.min(expSeconds * 1000, now + options.maxAgeMs);
      if (until <= now || options.maxEntries <= 0) return;
      entries.delete(token);
      entries.set(token, { identity, until, kid });
      if (entries.size > options.maxEntries) {
        const oldest = entries.keys().next().value;
        if (oldest !== undefined) entries.delete(oldest);
      }
    },

    /** Drops every remembered verification whose identity matches (a revoked API key's). */
    forget(matches: (identity: Identity) => boolean): void {
      for (const [token, entry] of entries) if (matches(entry.identity)) entries.delete(token);
    },

    get size() {
      return entries.size;
    },
  };
}

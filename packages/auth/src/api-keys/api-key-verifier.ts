import type { Database } from "@repo/db/client";
import { apikey, user } from "@repo/db/schema";
import { describeError, type Logger } from "@repo/logger";
import { and, eq, isNull, lt, or } from "drizzle-orm";
import { InvalidTokenError } from "../verifier/errors";
import type { Identity } from "../verifier/identity";
import { createVerifiedTokenCache } from "../verifier/verified-tokens";
import { hashApiKey } from "./key-hash";
import { permissionsToScopes } from "./scopes";

export {
  API_KEY_PREFIX,
  API_SCOPES,
  type ApiScope,
  isApiKeyToken,
  scopesToPermissions,
} from "./scopes";

/**
 * The longest a verified key is trusted without asking the database again: a revoked, disabled
 * or expired key must be refused within 10 s on every instance (docs/API.md, Authentication).
 */
export const API_KEY_CACHE_MAX_SECONDS = 9;
export const DEFAULT_API_KEY_CACHE_SECONDS = 5;

/**
 * How stale a key's "last used" (`apikey.last_request`, shown in the web app's key list) may be:
 * a verification that reads the row writes it only when it is older than this, so a busy key
 * costs one UPDATE an hour per instance, not one per request (Better Auth's own verifyApiKey
 * writes the row on every call).
 */
export const LAST_USED_GRANULARITY_SECONDS = 60 * 60;

export interface ApiKeyVerifierOptions {
  db: Database;
  /** Where a failed "last used" update goes (at warn; the request still succeeds). */
  logger: Logger;
  /** How long a verified key is remembered, 0–9 s; default 5. */
  cacheSeconds?: number;
  /** Keys remembered at once (the least recently used goes first); default 10,000. */
  maxEntries?: number;
  /** How old "last used" may grow before a verification rewrites it; default 1 hour. */
  lastUsedGranularitySeconds?: number;
}

export interface ApiKeyVerifier {
  /** Resolves to the key's owner and scopes; rejects with InvalidTokenError (or a database error). */
  verify(key: string): Promise<Identity>;
  /** Drops a remembered verification of the key `keyId`: this instance refuses it at once. */
  forget(keyId: string): void;
}

/**
 * Verifies personal API keys in-process, against the table Better Auth's api-key plugin keeps:
 * the key's SHA-256 (as the plugin stores it) looked up in one indexed query joined to its user,
 * so a key of a deleted account is refused. Not the plugin's verifyApiKey, which writes the row
 * (last request, counters) on every call: here "last used" is written at most once per
 * `lastUsedGranularitySeconds` per key and instance, by a verification that read the row.
 *
 * A verification is remembered by the key's hash, never its plaintext, for at most
 * `cacheSeconds` and never past the key's expiry; refusals are not remembered.
 */
export function createApiKeyVerifier(options: ApiKeyVerifierOptions): ApiKeyVerifier {
  const cacheSeconds = options.cacheSeconds ?? DEFAULT_API_KEY_CACHE_SECONDS;
  if (
    !Number.isFinite(cacheSeconds) ||
    cacheSeconds < 0 ||
    cacheSeconds > API_KEY_CACHE_MAX_SECONDS
  )
    throw new RangeError(`cacheSeconds must be from 0 to ${API_KEY_CACHE_MAX_SECONDS}`);
  const granularitySeconds = options.lastUsedGranularitySeconds ?? LAST_USED_GRANULARITY_SECONDS;
  if (!Number.isFinite(granularitySeconds) || granularitySeconds < 0)
    throw new RangeError("lastUsedGranularitySeconds must be 0 or more");
  const granularityMs = granularitySeconds * 1000;
  // The JWT verifier's cache, keyed here by the key's hash (never its plaintext).
  const verified = createVerifiedTokenCache({
    maxEntries: options.maxEntries ?? 10_000,
    maxAgeMs: cacheSeconds * 1000,
  });

  // Conditional, so that instances verifying one key at once write it once. The clock is the
  // app's, as Better Auth's (it writes expires_at and created_at from JS Dates); drizzle's
  // column mapping stores a Date as UTC in this `timestamp without time zone` column, as the
  // plugin's adapter does, so the web app reads back what was meant.
  async function touch(keyId: string, lastRequest: Date | null, now: number) {
    const staleBefore = new Date(now - granularityMs);
    if (lastRequest && lastRequest >= staleBefore) return;
    try {
      await options.db
        .update(apikey)
        .set({ lastRequest: new Date(now) })
        .where(
          and(
            eq(apikey.id, keyId),
            or(isNull(apikey.lastRequest), lt(apikey.lastRequest, staleBefore)),
          ),
        );
    } catch (error) {
      // The key is good: a "last used" left stale does not refuse the request.
      options.logger.warn(
        { source: "api-key-verifier", keyId, error: describeError(error) },
        "could not record the API key's last use",
      );
    }
  }

  return {
    async verify(key) {
      const hash = hashApiKey(key);
      const known = verified.get(hash);
      if (known) return known;
      const [row] = await options.db
        .select({
          id: apikey.id,
          userId: user.id,
          email: user.email,
          name: user.name,
          enabled: apikey.enabled,
          expiresAt: apikey.expiresAt,
          createdAt: apikey.createdAt,
          permissions: apikey.permissions,
          lastRequest: apikey.lastRequest,
        })
        .from(apikey)
        .innerJoin(user, eq(user.id, apikey.referenceId))
        .where(eq(apikey.key, hash))
        .limit(1);
      // Read after the query: a key that expired while it ran is refused.
      const now = Date.now();
      if (!row) throw new InvalidTokenError("API_KEY_UNKNOWN");
      if (row.enabled === false) throw new InvalidTokenError("API_KEY_DISABLED");
      if (row.expiresAt && row.expiresAt.getTime() <= now)
        throw new InvalidTokenError("API_KEY_EXPIRED");
      const identity: Identity = {
        userId: row.userId,
        email: row.email,
        name: row.name,
        issuedAt: Math.floor(row.createdAt.getTime() / 1000),
        credential: {
          kind: "api-key",
          keyId: row.id,
          scopes: permissionsToScopes(row.permissions),
        },
      };
      await touch(row.id, row.lastRequest, now);
      const expSeconds = row.expiresAt ? row.expiresAt.getTime() / 1000 : Infinity;
      verified.set(hash, identity, expSeconds, now);
      return identity;
    },

    forget(keyId) {
      verified.forget(
        ({ credential }) => credential.kind === "api-key" && credential.keyId === keyId,
      );
    },
  };
}

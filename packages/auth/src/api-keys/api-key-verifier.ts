import type { Database } from "@repo/db/client";
import { apikey, user } from "@repo/db/schema";
import { eq } from "drizzle-orm";
import { InvalidTokenError } from "../verifier/errors";
import type { Identity } from "../verifier/identity";
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

export interface ApiKeyVerifierOptions {
  db: Database;
  /** How long a verified key is remembered, 0–9 s; default 5. */
  cacheSeconds?: number;
  /** Keys remembered at once (the least recently used goes first); default 10,000. */
  maxEntries?: number;
}

export interface ApiKeyVerifier {
  /** Resolves to the key's owner and scopes; rejects with InvalidTokenError (or a database error). */
  verify(key: string): Promise<Identity>;
  /** Drops a remembered verification of the key `keyId`: this instance refuses it at once. */
  forget(keyId: string): void;
}

interface Entry {
  identity: Identity;
  /** Epoch ms. */
  until: number;
}

/**
 * Verifies personal API keys in-process, against the table Better Auth's api-key plugin keeps:
 * the key's SHA-256 (as the plugin stores it) looked up in one indexed query joined to its user,
 * so a key of a deleted account is refused. Not the plugin's verifyApiKey, which writes the row
 * (last request, counters) on every call.
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
  const maxEntries = options.maxEntries ?? 10_000;
  const entries = new Map<string, Entry>();

  function remembered(hash: string, now: number): Identity | undefined {
    const entry = entries.get(hash);
    if (!entry) return undefined;
    entries.delete(hash);
    if (now >= entry.until) return undefined;
    entries.set(hash, entry); // most recently used last
    return entry.identity;
  }

  function remember(hash: string, identity: Identity, expiresAt: Date | null, now: number) {
    const until = Math.min(now + cacheSeconds * 1000, expiresAt?.getTime() ?? Infinity);
    if (until <= now || maxEntries <= 0) return;
    entries.set(hash, { identity, until });
    if (entries.size > maxEntries) {
      const oldest = entries.keys().next().value;
      if (oldest !== undefined) entries.delete(oldest);
    }
  }

  return {
    async verify(key) {
      const hash = hashApiKey(key);
      const known = remembered(hash, Date.now());
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
      remember(hash, identity, row.expiresAt, now);
      return identity;
    },

    forget(keyId) {
      for (const [hash, { identity }] of entries)
        if (identity.credential.kind === "api-key" && identity.credential.keyId === keyId)
          entries.delete(hash);
    },
  };
}

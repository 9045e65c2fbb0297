import { type ApiScope, permissionsToScopes } from "@repo/auth/api-key-policy";

/** A key as the list shows it: never the key itself, which only its creation returns. */
export interface KeySummary {
  id: string;
  name: string;
  /** The key's first characters, its prefix included: enough to tell it apart. */
  start: string | null;
  scopes: ApiScope[];
  createdAt: string;
  expiresAt: string | null;
  /** When the API last saw it, to within an hour (the API writes it at most hourly); null: never. */
  lastUsedAt: string | null;
}

/** What Better Auth's /api-key/list gives for each key (on the server and in the browser). */
export interface ListedKey {
  id: string;
  name: string | null;
  start: string | null;
  permissions?: unknown;
  createdAt: Date | string;
  expiresAt: Date | string | null;
  /** Written by the API's key verifier (Better Auth's own verification is not used). */
  lastRequest?: Date | string | null;
}

const iso = (value: Date | string) => new Date(value).toISOString();

/** Newest first. */
export function summarizeKeys(keys: readonly ListedKey[]): KeySummary[] {
  return keys
    .map((key) => ({
      id: key.id,
      name: key.name ?? "Unnamed key",
      start: key.start,
      scopes: permissionsToScopes(key.permissions),
      createdAt: iso(key.createdAt),
      expiresAt: key.expiresAt === null ? null : iso(key.expiresAt),
      lastUsedAt: key.lastRequest ? iso(key.lastRequest) : null,
    }))
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

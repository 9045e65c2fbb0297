import type { ApiScope } from "../api-keys/scopes";

/**
 * What the caller authenticated with: a JWT from the web app (the signed-in user, every scope,
 * account deletion included), or a personal API key with the scopes it was created with.
 */
export type Credential = { kind: "jwt" } | { kind: "api-key"; keyId: string; scopes: ApiScope[] };

/** Who a verified token (a JWT or an API key) says the caller is. */
export interface Identity {
  userId: string;
  email: string | null;
  name: string | null;
  /** The token's `iat` (a key's creation), in seconds since the epoch. */
  issuedAt: number;
  credential: Credential;
}

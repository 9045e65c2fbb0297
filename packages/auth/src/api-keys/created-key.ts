import type { ApiScope } from "./scopes";

/** A key as it is created: the only time its plaintext is seen. */
export interface CreatedApiKey {
  id: string;
  key: string;
  name: string | null;
  start: string | null;
  expiresAt: Date | null;
  createdAt: Date;
}

export interface NewApiKey {
  userId: string;
  name: string;
  expiresInSeconds: number;
  scopes: readonly ApiScope[];
}

/** Creates a key through Better Auth's api-key plugin (server side: the only side that may set scopes). */
export type CreateApiKey = (key: NewApiKey) => Promise<CreatedApiKey>;

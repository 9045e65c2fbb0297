import { type ApiScope, scopesToPermissions } from "./scopes";

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

/** What mintApiKey needs of a Better Auth instance: the api-key plugin's server API. */
interface WithApiKeyPlugin {
  api: {
    createApiKey(request: {
      body: {
        userId: string;
        name: string;
        expiresIn: number;
        permissions: Record<string, string[]>;
      };
    }): Promise<{
      id: string;
      key: string;
      name?: string | null;
      start?: string | null;
      expiresAt: Date | null;
      createdAt: Date;
    }>;
  };
}

/**
 * A key for `userId` with these scopes, through the api-key plugin's server API (the only side
 * that may set scopes): what createAuth's routes call, and what tools and tests that need a key
 * call with a createAuth instance on their database.
 */
export async function mintApiKey(
  auth: WithApiKeyPlugin,
  { userId, name, expiresInSeconds, scopes }: NewApiKey,
): Promise<CreatedApiKey> {
  const created = await auth.api.createApiKey({
    body: { userId, name, expiresIn: expiresInSeconds, permissions: scopesToPermissions(scopes) },
  });
  const { id, key, start, expiresAt, createdAt } = created;
  return { id, key, name: created.name ?? null, start: start ?? null, expiresAt, createdAt };
}

"use client";

import type { ApiKeyExpiryDays, ApiScope } from "@repo/auth/api-key-policy";
import { useCallback, useState } from "react";
import { authClient } from "@/lib/auth-client";
import type { AuthClientError } from "./describe-key-error";
import { type KeySummary, summarizeKeys } from "./key-summary";

export interface NewKeyRequest {
  name: string;
  expiresInDays: ApiKeyExpiryDays;
  scopes: ApiScope[];
}

/** POST /api/auth/api-key/create-scoped answers this, the only time the key itself is sent. */
export interface CreatedKey {
  id: string;
  key: string;
  name: string | null;
}

type Result<T> = { data: T; error: null } | { data: null; error: AuthClientError };

const failed = (error: AuthClientError | null | undefined): AuthClientError => ({
  status: error?.status ?? 0,
  code: error?.code,
  message: error?.message,
});

/**
 * The user's API keys: the list (rendered on the server first), creating one with scopes
 * through our plugin's route, and revoking one; each change reads the list again.
 */
export function useApiKeys(initial: KeySummary[]) {
  const [keys, setKeys] = useState(initial);

  const reload = useCallback(async (): Promise<AuthClientError | null> => {
    const { data, error } = await authClient.apiKey.list();
    if (error || !data) return failed(error);
    setKeys(summarizeKeys(data.apiKeys));
    return null;
  }, []);

  const create = useCallback(
    async (request: NewKeyRequest): Promise<Result<CreatedKey>> => {
      const { data, error } = await authClient.$fetch<CreatedKey>("/api-key/create-scoped", {
        method: "POST",
        body: request,
      });
      if (error || !data) return { data: null, error: failed(error) };
      await reload();
      return { data, error: null };
    },
    [reload],
  );

  const revoke = useCallback(
    async (keyId: string): Promise<AuthClientError | null> => {
      const { error } = await authClient.apiKey.delete({ keyId });
      // Gone already (revoked in another tab, or expired and swept): the list catches up.
      if (error && error.code !== "KEY_NOT_FOUND") return failed(error);
      setKeys((current) => current.filter((key) => key.id !== keyId));
      await reload();
      return null;
    },
    [reload],
  );

  return { keys, create, revoke };
}

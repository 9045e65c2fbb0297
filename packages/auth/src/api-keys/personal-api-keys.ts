import type { BetterAuthPlugin } from "better-auth";
import { createScopedKeyEndpoint } from "./create-scoped-key";
import type { CreateApiKey } from "./created-key";
import { acceptFormEncodedTokenRequest, deviceKeyGrant } from "./device-key-grant";
import { API_KEYS_PER_USER } from "./key-lifetimes";
import { checkListKeysQuery } from "./list-keys-query";

export type { CreateApiKey, CreatedApiKey, NewApiKey } from "./created-key";
export { checkDeviceRequest } from "./device-key-grant";

/**
 * Personal API keys with scopes, on top of Better Auth's api-key plugin: the route that creates
 * a scoped key (create-scoped-key.ts), the device login's key instead of a session
 * (device-key-grant.ts), and a strict query for the plugin's list (list-keys-query.ts).
 */
export function personalApiKeys({
  createKey,
  keysPerUser = API_KEYS_PER_USER,
}: {
  createKey: CreateApiKey;
  /** The most keys one user may hold at once. */
  keysPerUser?: number;
}) {
  return {
    id: "personal-api-keys",
    endpoints: { createScopedApiKey: createScopedKeyEndpoint(createKey, keysPerUser) },
    onRequest: acceptFormEncodedTokenRequest,
    hooks: {
      before: [checkListKeysQuery],
      after: [deviceKeyGrant(createKey, keysPerUser)],
    },
  } satisfies BetterAuthPlugin;
}

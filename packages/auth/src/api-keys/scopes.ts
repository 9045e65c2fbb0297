/**
 * What an API key may do (docs/API.md, "Authentication"). A JWT from the web app carries no
 * scopes: it is the signed-in user and may do everything a key with every scope may, and more
 * (deleting the account).
 */
export const API_SCOPES = ["todos:read", "todos:write"] as const;

export type ApiScope = (typeof API_SCOPES)[number];

/**
 * The device login's one client (`todo login`, RFC 8628 `client_id`); any other is refused
 * (`invalid_client`). The CLI, the /device page and the server read it from here.
 */
export const DEVICE_CLIENT_ID = "todo-cli";

/** Every personal API key starts with this; a bearer token that does not is read as a JWT. */
export const API_KEY_PREFIX = "todo_";

/**
 * How much of a key the list shows (`start`): the prefix and 7 of the random characters, enough to
 * tell a user's keys apart, nothing to guess with (Better Auth's default, 6, showed one).
 */
export const API_KEY_SHOWN_LENGTH = 12;

/** Characters after the prefix (Better Auth's generator: a-z, A-Z), ~357 bits. */
export const API_KEY_RANDOM_LENGTH = 64;

export const isApiScope = (value: string): value is ApiScope =>
  (API_SCOPES as readonly string[]).includes(value);

export const isApiKeyToken = (token: string) => token.startsWith(API_KEY_PREFIX);

/**
 * Better Auth's api-key plugin stores permissions as `{ resource: actions[] }`: the scope
 * `todos:read` is `{ todos: ["read"] }`.
 */
export function scopesToPermissions(scopes: readonly ApiScope[]): Record<string, string[]> {
  const permissions: Record<string, string[]> = {};
  for (const scope of new Set(scopes)) {
    const [resource, action] = scope.split(":") as [string, string];
    permissions[resource] = [...(permissions[resource] ?? []), action];
  }
  return permissions;
}

/** The scopes in a stored permissions value (JSON text or object); anything unknown is dropped. */
export function permissionsToScopes(permissions: unknown): ApiScope[] {
  let value = permissions;
  if (typeof value === "string") {
    try {
      value = JSON.parse(value);
    } catch {
      return [];
    }
  }
  if (typeof value !== "object" || value === null) return [];
  const scopes: ApiScope[] = [];
  for (const [resource, actions] of Object.entries(value)) {
    if (!Array.isArray(actions)) continue;
    for (const action of actions) {
      const scope = `${resource}:${String(action)}`;
      if (isApiScope(scope) && !scopes.includes(scope)) scopes.push(scope);
    }
  }
  return API_SCOPES.filter((scope) => scopes.includes(scope));
}

/** Parses an OAuth `scope` value (space-separated); null when it names anything unknown. */
export function parseScopeParameter(value: string | undefined | null): ApiScope[] | null {
  const words = (value ?? "").split(" ").filter((word) => word !== "");
  if (!words.every(isApiScope)) return null;
  return API_SCOPES.filter((scope) => words.includes(scope));
}

/** What `POST /api/auth/device/code` answers (RFC 8628 §3.2), as Better Auth's device plugin sends it. */
export interface DeviceCodeAnswer {
  device_code: string;
  user_code: string;
  verification_uri: string;
  verification_uri_complete: string;
  expires_in: number;
  interval: number;
}

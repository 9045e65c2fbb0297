import type { ApiScope } from "@repo/auth/api-key-verifier";
import type { Identity } from "@repo/auth/verifier";
import { CHALLENGE } from "./authenticate";
import { ApiError } from "./problem";

/**
 * What a bearer operation needs of an API key: a key's scope, or `account:delete`, which no key
 * can hold (only a JWT from the web app, the signed-in user, deletes the account).
 */
export type RequiredScope = ApiScope | "account:delete";

/** Every scope a bearer operation may require, for the documented challenges. */
export const REQUIRED_SCOPES: readonly RequiredScope[] = [
  "todos:read",
  "todos:write",
  "account:delete",
];

/** What the rule reads of an operation (operation.ts declares these fields). */
interface ScopedOperation {
  auth: "public" | "bearer";
  method: string;
  scope?: RequiredScope | "any";
}

/**
 * The one rule, unless the operation declares its own: reading needs `todos:read`, any change
 * `todos:write`. `null`: any credential will do (public operations, and those that say "any").
 */
export function requiredScope(operation: ScopedOperation): RequiredScope | null {
  if (operation.auth === "public" || operation.scope === "any") return null;
  return operation.scope ?? (operation.method === "GET" ? "todos:read" : "todos:write");
}

/** RFC 6750 §3.1's challenge for a token that lacks `scope`. */
export const insufficientScopeChallenge = (scope: RequiredScope) =>
  `${CHALLENGE}, error="insufficient_scope", scope="${scope}"`;

/**
 * A 403 when the caller's API key lacks the scope; a JWT has every scope. Runs after the rate
 * limit (a refused request counts) and before the inputs are read, so nothing changes.
 */
export function ensureScope(user: Identity, scope: RequiredScope | null): void {
  if (scope === null || user.credential.kind === "jwt") return;
  if ((user.credential.scopes as readonly string[]).includes(scope)) return;
  throw new ApiError(
    "insufficient-scope",
    scope === "account:delete"
      ? "An API key cannot delete the account: use the web app."
      : `This API key lacks the scope ${scope}.`,
    { headers: { "WWW-Authenticate": insufficientScopeChallenge(scope) } },
  );
}

import { type ApiKeyVerifier, isApiKeyToken } from "@repo/auth/api-key-verifier";
import { bearerToken, type Identity, InvalidTokenError, type Verifier } from "@repo/auth/verifier";
import { ApiError } from "./problem";

export const CHALLENGE = 'Bearer realm="todo-api"';

/** A 401 that says why, for the `todo_api.auth.failures` metric (never the token itself). */
export class Unauthorized extends ApiError {
  constructor(
    detail: string,
    presented: boolean,
    /**
     * `missing`, `malformed`, or the verifier's reason: a jose error code (e.g. ERR_JWT_EXPIRED)
     * or an API key's (e.g. API_KEY_EXPIRED).
     */
    readonly reason: string,
  ) {
    super("unauthorized", detail, {
      // RFC 6750 §3: error="invalid_token" only when Bearer credentials were presented.
      headers: {
        "WWW-Authenticate": presented ? `${CHALLENGE}, error="invalid_token"` : CHALLENGE,
      },
    });
  }
}

/** A 401 with the RFC 6750 challenge; `presented`: Bearer credentials came with the request. */
export const unauthorized = (detail: string, presented: boolean, reason: string) =>
  new Unauthorized(detail, presented, reason);

/** RFC 9470's challenge: the token is valid, but one issued at most `maxAgeSeconds` ago is needed. */
export const stepUpChallenge = (maxAgeSeconds: number) =>
  `${CHALLENGE}, error="insufficient_user_authentication", max_age=${maxAgeSeconds}`;

/** A 401 for a valid token issued too long ago for this request: sign in again, then retry. */
export const reauthenticationRequired = (maxAgeSeconds: number) =>
  new ApiError(
    "reauthentication-required",
    `This request needs a token issued in the last ${maxAgeSeconds} seconds: sign in again.`,
    { headers: { "WWW-Authenticate": stepUpChallenge(maxAgeSeconds) } },
  );

export interface Verifiers {
  verifier: Verifier;
  apiKeyVerifier: ApiKeyVerifier;
}

/**
 * The caller's identity from `Authorization: Bearer <token>`: a personal API key (it starts
 * with API_KEY_PREFIX, which no JWT can: a JWT starts with its base64url header, `eyJ`) or a
 * JWT; a 401 otherwise (a 503 when the JWT keys or the database are unreachable).
 */
export async function authenticate(
  request: Request,
  { verifier, apiKeyVerifier }: Verifiers,
): Promise<Identity> {
  let token: string | null;
  try {
    token = bearerToken(request.headers.get("authorization"));
  } catch {
    throw unauthorized("The bearer token is malformed.", true, "malformed");
  }
  if (token === null) throw unauthorized("A bearer token is required.", false, "missing");
  const isKey = isApiKeyToken(token);
  try {
    return await (isKey ? apiKeyVerifier.verify(token) : verifier.verify(token));
  } catch (error) {
    if (error instanceof InvalidTokenError)
      throw unauthorized(
        isKey
          ? "The API key is unknown, revoked, disabled or expired."
          : "The bearer token is invalid or expired.",
        true,
        error.reason,
      );
    throw error;
  }
}

import { bearerToken, type Identity, InvalidTokenError, type Verifier } from "@repo/auth/verifier";
import { ApiError } from "./problem";

export const CHALLENGE = 'Bearer realm="todo-api"';

/** A 401 with the RFC 6750 challenge; `presented`: Bearer credentials came with the request. */
export const unauthorized = (detail: string, presented: boolean) =>
  new ApiError("unauthorized", detail, {
    // RFC 6750 §3: error="invalid_token" only when Bearer credentials were presented.
    headers: { "WWW-Authenticate": presented ? `${CHALLENGE}, error="invalid_token"` : CHALLENGE },
  });

/** The caller's identity from `Authorization: Bearer <JWT>`, or a 401 (a 503 when keys are unreachable). */
export async function authenticate(request: Request, verifier: Verifier): Promise<Identity> {
  let token: string | null;
  try {
    token = bearerToken(request.headers.get("authorization"));
  } catch {
    throw unauthorized("The bearer token is malformed.", true);
  }
  if (token === null) throw unauthorized("A bearer token is required.", false);
  try {
    return await verifier.verify(token);
  } catch (error) {
    if (error instanceof InvalidTokenError)
      throw unauthorized("The bearer token is invalid or expired.", true);
    throw error;
  }
}

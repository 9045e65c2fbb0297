/** The token is missing its parts, forged, expired or not for us. The API answers 401. */
export class InvalidTokenError extends Error {
  override readonly name = "InvalidTokenError";
  /** A jose error code or one of ours. Safe to log: it never contains the token or its claims. */
  readonly reason: string;

  constructor(reason: string) {
    super(`Invalid token (${reason})`);
    this.reason = reason;
  }
}

/** No cached key can verify the token and the issuer's JWKS cannot be fetched. The API answers 503. */
export class KeysUnavailableError extends Error {
  override readonly name = "KeysUnavailableError";

  constructor(options?: { cause?: unknown }) {
    super("The issuer's JWKS is unavailable", options);
  }
}

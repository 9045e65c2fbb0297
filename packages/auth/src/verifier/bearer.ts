import { InvalidTokenError } from "./errors";

// RFC 6750 §2.1: b64token = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="
const B64TOKEN = /^[A-Za-z0-9\-._~+/]+=*$/;

/**
 * Parses an Authorization header value: returns the token, or null for "no credentials / another
 * scheme", throws InvalidTokenError for a malformed Bearer value. Scheme is case-insensitive.
 */
export function bearerToken(header: string | null | undefined): string | null {
  const value = header?.trim() ?? "";
  if (value === "") return null;
  const space = value.search(/[ \t]/);
  const scheme = space === -1 ? value : value.slice(0, space);
  if (scheme.toLowerCase() !== "bearer") return null;
  const token = space === -1 ? "" : value.slice(space).trim();
  if (!B64TOKEN.test(token)) throw new InvalidTokenError("ERR_BEARER_MALFORMED");
  return token;
}

/**
 * The Content-Security-Policy of every page: scripts run only when they carry this response's
 * nonce (Next adds it to its own scripts when it finds the policy on the request, see proxy.ts),
 * or when such a script loaded them ('strict-dynamic'); nothing may frame a page, and the pages
 * talk to themselves and to the API only.
 */
export function contentSecurityPolicy({
  nonce,
  apiOrigin,
  development,
}: {
  nonce: string;
  /** Where the todo pages send their requests (NEXT_PUBLIC_API_URL's origin). */
  apiOrigin: string;
  /** `next dev`: React's development build rebuilds server error stacks with eval. */
  development: boolean;
}): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    // Styles stay 'unsafe-inline': a nonce cannot cover style attributes, and a style cannot
    // run code; the CSS files themselves come from 'self'.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self' ${apiOrigin}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** 16 random bytes, base64: a fresh, unguessable nonce for one response. */
export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}

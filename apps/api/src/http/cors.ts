const ALLOWED_REQUEST_HEADERS = [
  "Authorization",
  "Content-Type",
  "If-Match",
  "If-None-Match",
  "Idempotency-Key",
  "X-Request-Id",
];
const EXPOSED_HEADERS = [
  "ETag",
  "Location",
  "Link",
  "Retry-After",
  "RateLimit",
  "RateLimit-Policy",
  "X-Request-Id",
  "Idempotent-Replayed",
];
const PREFLIGHT_MAX_AGE_SECONDS = 600;

const allowedOrigin = (request: Request, allowed: readonly string[]) => {
  const origin = request.headers.get("origin");
  return origin && allowed.includes(origin) ? origin : null;
};

/**
 * CORS for an actual request: an allowed origin (exact match, never a wildcard, never
 * credentials: the API authenticates by header) may read the response and its headers.
 */
export function applyCors(response: Response, request: Request, allowed: readonly string[]): void {
  response.headers.append("Vary", "Origin");
  const origin = allowedOrigin(request, allowed);
  if (!origin) return;
  response.headers.set("Access-Control-Allow-Origin", origin);
  response.headers.set("Access-Control-Expose-Headers", EXPOSED_HEADERS.join(", "));
}

/** OPTIONS: 204 with `Allow`; for an allowed origin's preflight, what it may send. */
export function preflight(methods: string, request: Request, allowed: readonly string[]): Response {
  const response = new Response(null, { status: 204, headers: { Allow: methods } });
  if (allowedOrigin(request, allowed) && request.headers.has("access-control-request-method")) {
    response.headers.set("Access-Control-Allow-Methods", methods);
    response.headers.set("Access-Control-Allow-Headers", ALLOWED_REQUEST_HEADERS.join(", "));
    response.headers.set("Access-Control-Max-Age", String(PREFLIGHT_MAX_AGE_SECONDS));
  }
  return response;
}

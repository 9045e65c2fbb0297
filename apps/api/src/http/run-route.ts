import type { ApiDeps } from "../deps";
import type { RateLimitResult } from "../rate-limit/types";
import { applyCors, preflight } from "./cors";
import { authenticateAndLimit } from "./guard";
import { ApiError } from "./problem";
import { rateLimitHeaders } from "./rate-limit-headers";
import { requestIdOf } from "./request-id";
import { type AuthedContext, allowedMethods, type Handler, type Method, type Route } from "./route";
import { toProblemResponse } from "./to-problem-response";

function handlerFor(route: Route, method: string): Handler<AuthedContext> | undefined {
  const own = route.methods[method as Method];
  if (own) return own;
  if (method === "HEAD") return route.methods.GET;
  return undefined;
}

// Every response; HTML (the API reference) sets its own Content-Security-Policy.
const SECURITY_HEADERS = {
  "X-Content-Type-Options": "nosniff",
  "X-Frame-Options": "DENY",
  "Referrer-Policy": "no-referrer",
  "Cache-Control": "no-store",
};

/**
 * The request pipeline every route runs through, in the contract's order of checks:
 * request id → method (405) → authentication and rate limit (401/429/503) → the handler
 * (which parses and validates its input) → one error mapper. Then the headers every
 * response carries (CORS, security, rate limit), and one log line.
 */
export async function runRoute(
  route: Route,
  request: Request,
  params: Record<string, string>,
  deps: ApiDeps,
): Promise<Response> {
  const started = performance.now();
  const url = new URL(request.url);
  const requestId = requestIdOf(request);
  const outcome: { limit?: RateLimitResult } = {};
  let userId: string | undefined;

  let response: Response;
  try {
    if (request.method === "OPTIONS") {
      response = preflight(route, request, deps.allowedOrigins);
    } else {
      const handler = handlerFor(route, request.method);
      if (!handler)
        throw new ApiError("method-not-allowed", `${request.method} is not allowed here.`, {
          headers: { Allow: allowedMethods(route).join(", ") },
        });
      const user = route.public ? undefined : await authenticateAndLimit(request, deps, outcome);
      userId = user?.userId;
      // Public handlers are typed without `user` (see publicRoute), so they never read it.
      const ctx = { request, url, params, requestId, deps, user } as AuthedContext;
      response = await handler(ctx);
      if (request.method === "HEAD") response = new Response(null, response);
    }
  } catch (error) {
    response = toProblemResponse(error, { instance: url.pathname, requestId, logger: deps.logger });
  }

  response.headers.set("X-Request-Id", requestId);
  for (const [name, value] of Object.entries(SECURITY_HEADERS))
    if (!response.headers.has(name)) response.headers.set(name, value);
  if (!response.headers.get("content-type")?.startsWith("text/html"))
    response.headers.set("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
  if (outcome.limit)
    for (const [name, value] of Object.entries(rateLimitHeaders(outcome.limit)))
      response.headers.set(name, value);
  applyCors(response, request, deps.allowedOrigins);

  deps.logger.info({
    requestId,
    method: request.method,
    route: route.pattern,
    status: response.status,
    durationMs: Math.round((performance.now() - started) * 100) / 100,
    userId,
  });
  return response;
}

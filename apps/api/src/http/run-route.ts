import type { ApiDeps } from "../deps";
import { authenticate } from "./authenticate";
import { ApiError } from "./problem";
import { requestIdOf } from "./request-id";
import { type AuthedContext, allowedMethods, type Handler, type Method, type Route } from "./route";
import { toProblemResponse } from "./to-problem-response";

function handlerFor(route: Route, method: string): Handler<AuthedContext> | undefined {
  const own = route.methods[method as Method];
  if (own) return own;
  if (method === "HEAD") return route.methods.GET;
  return undefined;
}

/**
 * The request pipeline every route runs through, in the contract's order of checks:
 * request id → method (405) → authentication (401/503) → the handler (which parses and
 * validates its input) → one error mapper. Then the headers every response carries, and one
 * log line.
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
  let userId: string | undefined;

  let response: Response;
  try {
    const allow = allowedMethods(route).join(", ");
    if (request.method === "OPTIONS") {
      response = new Response(null, { status: 204, headers: { Allow: allow } });
    } else {
      const handler = handlerFor(route, request.method);
      if (!handler)
        throw new ApiError("method-not-allowed", `${request.method} is not allowed here.`, {
          headers: { Allow: allow },
        });
      const user = route.public ? undefined : await authenticate(request, deps.verifier);
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
  response.headers.set("X-Content-Type-Options", "nosniff");
  response.headers.set("Cache-Control", "no-store");
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

import type { Span } from "@opentelemetry/api";
import type { ApiDeps } from "../deps";
import type { RateLimitResult } from "../rate-limit/types";
import { inRequestSpan, recordRequest } from "../telemetry/request-span";
import { recordException, withSpan } from "../telemetry/with-span";
import { applyCors, preflight } from "./cors";
import { authenticateAndLimit } from "./guard";
import type { Operation } from "./operation";
import { ApiError } from "./problem";
import { rateLimitHeaders } from "./rate-limit-headers";
import { readInput } from "./read-input";
import { requestIdOf } from "./request-id";
import { createRouter, type PathRoute } from "./router";
import { ensureScope, requiredScope } from "./scopes";
import { toProblemResponse } from "./to-problem-response";

// Every response; HTML (the API reference) sets its own Content-Security-Policy.
const SECURITY_HEADERS = {
  "X-Content-Type-Options": "nosniff",
  "X-Frame-Options": "DENY",
  "Referrer-Policy": "no-referrer",
  "Cache-Control": "no-store",
};
const API_CSP = "default-src 'none'; frame-ancestors 'none'";

function operationFor(route: PathRoute, method: string): Operation {
  const operation = route.operations.get(method === "HEAD" ? "GET" : method);
  if (!operation)
    throw new ApiError("method-not-allowed", `${method} is not allowed here.`, {
      headers: { Allow: route.allow },
    });
  return operation;
}

/**
 * The API's one entry point, built once from its operations, for every host (Next's catch-all
 * route, the Node host, the tests). Each request runs, in the contract's order of checks:
 * request id → route (404) and method (405) → authentication and rate limit (401/429/503) →
 * the API key's scope (403 insufficient-scope) → the inputs, validated from the operation's
 * declaration (400/413/415/422, 404 for a path parameter) → the handler → one error mapper.
 * Then the headers every response carries (CORS, security, rate limit), and one log line.
 *
 * With telemetry on (`deps.telemetry`), the request runs in a span, with child spans for
 * authentication, each rate-limit check and the handler, and the log line carries the span's
 * `traceId` and `spanId`. With it off, none of that code runs (no spans, no no-op calls).
 */
export function createRequestHandler(operations: readonly Operation[]) {
  const router = createRouter(operations);

  async function serve(
    request: Request,
    deps: ApiDeps,
    method: string,
    span: Span | undefined,
  ): Promise<Response> {
    const started = performance.now();
    const url = new URL(request.url);
    const requestId = requestIdOf(request);
    const outcome: { limit?: RateLimitResult } = {};
    const match = router.match(url.pathname);
    const route = match.kind === "found" ? match.route : undefined;
    let userId: string | undefined;

    let response: Response;
    try {
      if (match.kind === "malformed")
        throw new ApiError("not-found", "The path is not valid percent-encoded UTF-8.");
      if (match.kind === "none") throw new ApiError("not-found", "No such route.");
      if (method === "OPTIONS") {
        response = preflight(match.route.allow, request, deps.allowedOrigins);
      } else {
        const operation = operationFor(match.route, method);
        const user =
          operation.auth === "bearer"
            ? await authenticateAndLimit(request, deps, outcome)
            : undefined;
        userId = user?.userId;
        if (user) ensureScope(user, requiredScope(operation));
        const { input, json } = await readInput(operation, request, url, match.params);
        const handlerContext = {
          request,
          url,
          requestId,
          deps,
          user,
          input,
          json,
          operations,
        } as Parameters<Operation["handler"]>[0];
        response = deps.telemetry
          ? await withSpan(
              deps.telemetry.tracer,
              "todo_api.handler",
              { "todo_api.operation": operation.operationId },
              () => operation.handler(handlerContext),
            )
          : await operation.handler(handlerContext);
        if (method === "HEAD") response = new Response(null, response);
      }
    } catch (error) {
      if (span && !(error instanceof ApiError)) recordException(span, error);
      response = toProblemResponse(error, {
        instance: url.pathname,
        requestId,
        logger: deps.logger,
      });
    }

    const { headers } = response;
    headers.set("X-Request-Id", requestId);
    for (const [name, value] of Object.entries(SECURITY_HEADERS))
      if (!headers.has(name)) headers.set(name, value);
    if (!headers.get("content-type")?.startsWith("text/html"))
      headers.set("Content-Security-Policy", API_CSP);
    if (outcome.limit)
      for (const [name, value] of Object.entries(rateLimitHeaders(outcome.limit)))
        headers.set(name, value);
    applyCors(response, request, deps.allowedOrigins);

    const elapsedMs = performance.now() - started;
    const ids = span?.spanContext();
    if (span && deps.telemetry)
      recordRequest(deps.telemetry, span, {
        method,
        route: route?.pattern,
        status: response.status,
        seconds: elapsedMs / 1000,
      });
    deps.logger.info({
      requestId,
      method,
      route: route?.pattern ?? null,
      status: response.status,
      durationMs: Math.round(elapsedMs * 100) / 100,
      userId,
      // Only when traces are exported: without the SDK there is no span to point at.
      ...(ids ? { traceId: ids.traceId, spanId: ids.spanId } : {}),
    });
    return response;
  }

  /**
   * `method`: the request's real method when a `Request` cannot carry it (fetch refuses TRACE,
   * CONNECT and TRACK; Node's parser refuses tokens it does not know): a host passes a bodiless
   * GET `Request` with the path and headers, and the pipeline answers for `method`.
   */
  return function handle(
    request: Request,
    deps: ApiDeps,
    method = request.method,
  ): Promise<Response> {
    const { telemetry } = deps;
    if (!telemetry) return serve(request, deps, method, undefined);
    return inRequestSpan(telemetry, request, method, (span) => serve(request, deps, method, span));
  };
}

export type RequestHandler = ReturnType<typeof createRequestHandler>;

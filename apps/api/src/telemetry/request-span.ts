import {
  type Attributes,
  context,
  propagation,
  type Span,
  SpanKind,
  SpanStatusCode,
  trace,
} from "@opentelemetry/api";
import type { ApiTelemetry } from "./instruments";

// Methods the HTTP semantic conventions name; any other is `_OTHER`, so a client cannot mint
// attribute values (and metric series) by inventing methods.
const KNOWN_METHODS = new Set([
  "GET",
  "HEAD",
  "POST",
  "PUT",
  "PATCH",
  "DELETE",
  "OPTIONS",
  "TRACE",
  "CONNECT",
]);
export const methodAttribute = (method: string) => (KNOWN_METHODS.has(method) ? method : "_OTHER");

const headerGetter = {
  get: (headers: Headers, key: string) => headers.get(key) ?? undefined,
  keys: (headers: Headers) => [...headers.keys()],
};

/**
 * Runs the pipeline for one request in the API's request span. Under Next, Next's own server
 * span is active and this one is its child (INTERNAL); on the Node host nothing is active, so
 * this is the SERVER span, continuing the caller's trace from `traceparent` when it sent one.
 */
export function inRequestSpan(
  telemetry: ApiTelemetry,
  request: Request,
  method: string,
  run: (span: Span) => Promise<Response>,
): Promise<Response> {
  const active = context.active();
  const underHost = trace.getSpan(active) !== undefined;
  const parent = underHost ? active : propagation.extract(active, request.headers, headerGetter);
  const httpMethod = methodAttribute(method);
  return telemetry.tracer.startActiveSpan(
    httpMethod,
    {
      kind: underHost ? SpanKind.INTERNAL : SpanKind.SERVER,
      attributes: { "http.request.method": httpMethod },
    },
    parent,
    async (span) => {
      try {
        return await run(span);
      } finally {
        span.end();
      }
    },
  );
}

/** The request's outcome on its span and in `http.server.request.duration`. */
export function recordRequest(
  telemetry: ApiTelemetry,
  span: Span,
  outcome: { method: string; route: string | undefined; status: number; seconds: number },
): void {
  const method = methodAttribute(outcome.method);
  const attributes: Attributes = {
    "http.request.method": method,
    "http.response.status_code": outcome.status,
  };
  if (outcome.route) attributes["http.route"] = outcome.route;
  span.setAttributes(attributes);
  span.updateName(outcome.route ? `${method} ${outcome.route}` : method);
  // Server spans: only a 5xx is the server's failure (a 4xx is the client's).
  if (outcome.status >= 500) {
    span.setAttribute("error.type", String(outcome.status));
    span.setStatus({ code: SpanStatusCode.ERROR });
  }
  telemetry.requestDuration.record(outcome.seconds, attributes);
}

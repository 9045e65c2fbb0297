import { SpanStatusCode, trace } from "@opentelemetry/api";
import { withoutQuery } from "./redact";

/** What Next passes to `onRequestError` (next's Instrumentation.onRequestError), as far as used here. */
export interface NextRequestError {
  request: { path: string; method: string };
  context: { routerKind: string; routePath: string; routeType: string };
}

/** The log line's fields for an error Next caught; never the error's message or the request's headers. */
export interface RequestErrorRecord {
  error: { name: string; digest?: string; code?: string };
  method: string;
  path: string;
  route: string;
  routeType: string;
  routerKind: string;
  traceId?: string;
  spanId?: string;
}

const stringField = (value: unknown, key: string): string | undefined => {
  const field = (value as Record<string, unknown> | null)?.[key];
  return typeof field === "string" ? field : undefined;
};

/**
 * For `onRequestError` in both apps: marks the active span (Next's, for the failed request)
 * failed and returns what to log. The message is left out on purpose: a database error's
 * message can carry the query's values, and Next prints the error itself, with the same
 * `digest`, to the server's stderr; the digest ties the two together. The path loses its query.
 */
export function reportRequestError(
  error: unknown,
  { request, context }: NextRequestError,
): RequestErrorRecord {
  const name = error instanceof Error ? error.name : typeof error;
  const digest = stringField(error, "digest");
  const code = stringField(error, "code");
  const span = trace.getActiveSpan();
  if (span) {
    span.setAttribute("error.type", code ?? name);
    span.setStatus({ code: SpanStatusCode.ERROR, message: name });
    span.addEvent("exception", { "exception.type": name });
  }
  const ids = span?.spanContext();
  return {
    error: { name, ...(digest ? { digest } : {}), ...(code ? { code } : {}) },
    method: request.method,
    path: withoutQuery(request.path),
    route: context.routePath,
    routeType: context.routeType,
    routerKind: context.routerKind,
    ...(ids ? { traceId: ids.traceId, spanId: ids.spanId } : {}),
  };
}

import { type Attributes, type Span, SpanStatusCode, type Tracer } from "@opentelemetry/api";
import { describeError } from "@repo/logger";
import { ApiError } from "../http/problem";

/**
 * Marks a span failed by `error`: `error.type` is the problem code (an ApiError), SQLSTATE or
 * error name; an unexpected error also gets an `exception` event with what the server log
 * keeps of it (describeError: never bound parameters, never row values).
 */
export function recordFailure(span: Span, error: unknown): void {
  const code = (error as { code?: unknown } | null)?.code;
  const type = typeof code === "string" ? code : error instanceof Error ? error.name : typeof error;
  span.setAttribute("error.type", type);
  span.setStatus({ code: SpanStatusCode.ERROR, message: type });
  if (!(error instanceof ApiError)) recordException(span, error);
}

/** An `exception` event with what the server log keeps of an unexpected error. */
export function recordException(span: Span, error: unknown): void {
  const summary = describeError(error);
  span.addEvent("exception", {
    "exception.type": summary.name,
    "exception.message": summary.message,
    ...(summary.stack ? { "exception.stacktrace": summary.stack } : {}),
  });
}

/**
 * Runs `run` in a span named `name` (a child of the active one) when there is a tracer, or
 * just runs it: the API passes no tracer when telemetry is off. A throw marks the span failed.
 */
export async function withSpan<T>(
  tracer: Tracer | undefined,
  name: string,
  attributes: Attributes | undefined,
  run: (span: Span | undefined) => Promise<T>,
): Promise<T> {
  if (!tracer) return run(undefined);
  return tracer.startActiveSpan(name, attributes ? { attributes } : {}, async (span) => {
    try {
      return await run(span);
    } catch (error) {
      recordFailure(span, error);
      throw error;
    } finally {
      span.end();
    }
  });
}

import { describeError, type Logger } from "@repo/logger";
import { reportRequestError } from "@repo/telemetry/request-error";
import type { Instrumentation } from "next";

/**
 * Next's `onRequestError` hook (instrumentation.ts) as one JSON error line: what failed (the
 * error, its cause chain, without bound SQL parameters) and where (method, path without its
 * query, route, and the trace ids when tracing is on); the request's span is marked failed.
 * Never the request's headers: they carry the session cookie.
 */
export function logRequestError(logger: Logger): Instrumentation.onRequestError {
  return (error, request, context) => {
    const { error: kind, ...where } = reportRequestError(error, { request, context });
    logger.error({ ...where, error: describeError(error), digest: kind.digest }, "request failed");
  };
}

import { describeError, type Logger } from "@repo/logger";
import type { Instrumentation } from "next";

/**
 * Next's `onRequestError` hook (instrumentation.ts) as one JSON error line: what failed (the
 * error, its cause chain, without bound SQL parameters) and where (method, path without its
 * query, route). Never the request's headers: they carry the session cookie.
 */
export function logRequestError(logger: Logger): Instrumentation.onRequestError {
  return (error, request, context) => {
    logger.error(
      {
        error: describeError(error),
        digest: (error as { digest?: unknown } | null)?.digest,
        method: request.method,
        path: request.path.split("?")[0],
        route: context.routePath,
        routeType: context.routeType,
      },
      "request failed",
    );
  };
}

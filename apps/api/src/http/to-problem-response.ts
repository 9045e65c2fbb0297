import { KeysUnavailableError } from "@repo/auth/verifier";
import { isDatabaseUnavailable, isInvalidDatetime } from "@repo/db/errors";
import { describeError, type Logger } from "@repo/logger";
import { ApiError, problemBody } from "./problem";

const RETRY_AFTER_SECONDS = "5";

/** A 503 for a dependency that is away, with when to try again. */
export const serviceUnavailable = (detail: string) =>
  new ApiError("service-unavailable", detail, { headers: { "Retry-After": RETRY_AFTER_SECONDS } });

/** Maps anything a handler threw to the error the client may see. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (isDatabaseUnavailable(error))
    return serviceUnavailable("The database is unavailable; try again shortly.");
  if (isInvalidDatetime(error))
    return new ApiError("validation-error", "A date or time in the request is not valid.");
  if (error instanceof KeysUnavailableError)
    return serviceUnavailable(
      "The token issuer's signing keys are unavailable; try again shortly.",
    );
  return new ApiError("internal-error", "An unexpected error occurred.");
}

/**
 * The one place that answers errors: a problem+json response whose body never carries the
 * cause. Unexpected errors and outages are logged with the request id, so the cause is found.
 */
export function toProblemResponse(
  error: unknown,
  { instance, requestId, logger }: { instance: string; requestId: string; logger: Logger },
): Response {
  const apiError = toApiError(error);
  if (apiError.status >= 500)
    logger.error({ error: describeError(error), requestId }, "request failed");
  return new Response(JSON.stringify(problemBody(apiError, instance, requestId)), {
    status: apiError.status,
    headers: { "Content-Type": "application/problem+json", ...apiError.extra.headers },
  });
}

import { type NextRequestError, reportRequestError } from "@repo/telemetry/request-error";
import { getDeps } from "./src/deps";

/** onRequestError's work, on the API's logger (see @repo/telemetry/request-error). */
export function logRequestError(
  error: unknown,
  request: NextRequestError["request"],
  context: NextRequestError["context"],
): void {
  getDeps().logger.error(reportRequestError(error, { request, context }), "Next caught an error");
}

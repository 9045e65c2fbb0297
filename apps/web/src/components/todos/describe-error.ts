import { ApiProblemError } from "@repo/api-client";

const CONFLICT = 409;
const PRECONDITION_FAILED = 412;
const TOO_MANY_REQUESTS = 429;

export const isPreconditionFailed = (error: unknown) =>
  error instanceof ApiProblemError && error.status === PRECONDITION_FAILED;

export const isNotFound = (error: unknown) =>
  error instanceof ApiProblemError && error.status === 404;

/** "Too many requests — try again in N seconds" for a 429, else null. */
export function rateLimitMessage(error: unknown): string | null {
  if (!(error instanceof ApiProblemError) || error.status !== TOO_MANY_REQUESTS) return null;
  const seconds = error.retryAfterSeconds;
  if (seconds === undefined) return "Too many requests — try again in a minute";
  return `Too many requests — try again in ${seconds} ${seconds === 1 ? "second" : "seconds"}`;
}

/**
 * What to tell the user when `action` (e.g. "Couldn't save your change") failed, and why: the
 * rate limit with its wait, a validation message from the API, a conflict's own words (a cap
 * reached), or a hint for a network failure.
 */
export function describeError(action: string, error: unknown): string {
  const rateLimited = rateLimitMessage(error);
  if (rateLimited) return `${action}. ${rateLimited}`;
  if (error instanceof ApiProblemError) {
    const first = error.problem.errors?.[0];
    if (first) return `${action}: ${first.path} ${first.message}.`;
    // A 409 says what stands in the way and how to clear it (a cap: "delete one first").
    if (error.status === CONFLICT && error.problem.detail)
      return `${action}. ${error.problem.detail}`;
    if (error.status >= 500) return `${action}. The server had a problem; try again shortly.`;
    return `${action}.`;
  }
  if (error instanceof TypeError) return `${action}. Check your connection and try again.`;
  return `${action}.`;
}

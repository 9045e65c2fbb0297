import type { Problem } from "@repo/contracts/problem";

/**
 * The API answered with an RFC 9457 problem document (any non-2xx with
 * `application/problem+json`). Switch on `problem.type`, e.g.
 * `urn:todo-api:problem:precondition-failed`.
 */
export class ApiProblemError extends Error {
  override readonly name = "ApiProblemError";

  constructor(
    /** The HTTP status of the response. */
    readonly status: number,
    readonly problem: Problem,
    /** From `Retry-After` on a 429 or 503, in seconds from now. */
    readonly retryAfterSeconds?: number,
    /** The response's headers, e.g. `WWW-Authenticate` on a 401 or 403 (which scope is missing). */
    readonly headers: Headers = new Headers(),
  ) {
    // The problem document never carries a token (API contract), so it is safe in a message.
    super(`${status} ${problem.title}${problem.detail ? `: ${problem.detail}` : ""}`);
  }
}

/**
 * The API answered outside its contract: a non-2xx that is not a problem document (a proxy's
 * HTML page, say), a body that fails the shared schema (`cause` holds the zod error), or a
 * missing `ETag`. Contract drift fails loudly here instead of leaking a wrong shape.
 */
export class UnexpectedResponseError extends Error {
  override readonly name = "UnexpectedResponseError";

  constructor(
    readonly status: number,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

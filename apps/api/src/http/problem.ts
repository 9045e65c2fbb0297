import {
  PROBLEM_ERRORS_MAX,
  PROBLEM_TEXT_MAX,
  type Problem,
  type ProblemCode,
  problemType,
} from "@repo/contracts/problem";

export { type ProblemCode, problemType };

export interface FieldError {
  path: string;
  message: string;
}

// The closed set of problems the API answers with. `type` is stable: clients may switch on it,
// and the OpenAPI document describes each one.
export const PROBLEMS = {
  "malformed-request": {
    status: 400,
    title: "Malformed request",
    description:
      "The body is not valid UTF-8 JSON, or not a JSON object; or Idempotency-Key is malformed.",
  },
  unauthorized: {
    status: 401,
    title: "Unauthorized",
    description:
      "No bearer token, or one that is malformed, expired, wrongly signed or not for this API; or its user no longer exists (the account was deleted).",
  },
  "reauthentication-required": {
    status: 401,
    title: "Reauthentication required",
    description:
      'The token is valid but was issued too long ago for this request (deleting the account needs one issued in the last 5 minutes): sign in again, or get a fresh token, and retry. `WWW-Authenticate` says `error="insufficient_user_authentication", max_age=300` (RFC 9470).',
  },
  forbidden: {
    status: 403,
    title: "Forbidden",
    description: "The todo, project or label belongs to another user.",
  },
  "insufficient-scope": {
    status: 403,
    title: "Insufficient scope",
    description:
      'The API key lacks the scope this operation needs (`todos:read` to read, `todos:write` to change anything; deleting the account needs `account:delete`, which only a JWT from the web app has). `WWW-Authenticate` names it: `Bearer realm="todo-api", error="insufficient_scope", scope="todos:write"` (RFC 6750 §3.1). Nothing was changed.',
  },
  "not-found": {
    status: 404,
    title: "Not found",
    description:
      "No such todo, project or label (unknown, malformed or soft-deleted id), or no such route.",
  },
  "method-not-allowed": {
    status: 405,
    title: "Method not allowed",
    description: "The route exists but not with this method; `Allow` lists those it has.",
  },
  conflict: {
    status: 409,
    title: "Conflict",
    description: "A request with the same Idempotency-Key is still in progress.",
  },
  "todo-limit-reached": {
    status: 409,
    title: "Todo limit reached",
    description:
      "The caller already has as many live todos as the API allows per user (10,000 unless configured); delete one first. Deleted todos do not count.",
  },
  "project-limit-reached": {
    status: 409,
    title: "Project limit reached",
    description:
      "The caller already has as many live projects as the API allows per user (1,000 unless configured); delete one first. Deleted projects do not count.",
  },
  "label-limit-reached": {
    status: 409,
    title: "Label limit reached",
    description:
      "The caller already has as many labels as the API allows per user (1,000 unless configured); delete one first.",
  },
  "name-taken": {
    status: 409,
    title: "Name taken",
    description:
      "The caller already has a project (a live one) or a label with this name, compared ignoring case; nothing was changed.",
  },
  "precondition-failed": {
    status: 412,
    title: "Precondition failed",
    description: "If-Match does not match the current ETag; nothing was changed.",
  },
  "payload-too-large": {
    status: 413,
    title: "Payload too large",
    description: "The body is over 64 KiB (65,536 bytes).",
  },
  "unsupported-media-type": {
    status: 415,
    title: "Unsupported media type",
    description: "The body's Content-Type is not JSON (or merge-patch JSON, for PATCH).",
  },
  "validation-error": {
    status: 422,
    title: "Validation failed",
    description:
      "A field or query parameter is invalid or unknown, the cursor is not valid for this list, or the Idempotency-Key was used with another body or on another route. `errors` lists each.",
  },
  "rate-limited": {
    status: 429,
    title: "Too many requests",
    description: "Over the rate limit; `Retry-After` says in how many seconds to retry.",
  },
  "internal-error": {
    status: 500,
    title: "Internal server error",
    description: "Something unexpected; the cause is in the server log under the requestId.",
  },
  "service-unavailable": {
    status: 503,
    title: "Service unavailable",
    description:
      "The database or the token issuer's keys are unreachable; retry after `Retry-After` seconds.",
  },
} as const satisfies Record<ProblemCode, { status: number; title: string; description: string }>;

/** The one error class handlers throw; `toProblemResponse` turns it into RFC 9457 JSON. */
export class ApiError extends Error {
  readonly status: number;

  constructor(
    readonly code: ProblemCode,
    readonly detail?: string,
    readonly extra: { errors?: FieldError[]; headers?: Record<string, string> } = {},
  ) {
    super(detail ?? PROBLEMS[code].title);
    this.status = PROBLEMS[code].status;
  }
}

/** The first PROBLEM_TEXT_MAX code points (never half a surrogate pair). */
const cut = (text: string) =>
  text.length <= PROBLEM_TEXT_MAX ? text : [...text].slice(0, PROBLEM_TEXT_MAX).join("");

/** The body of a problem; texts that can echo the request are bounded, as the contract says. */
export function problemBody(
  error: ApiError,
  instance: string,
  requestId: string,
): Problem & { errors?: FieldError[] } {
  return {
    type: problemType(error.code),
    title: PROBLEMS[error.code].title,
    status: error.status,
    ...(error.detail ? { detail: cut(error.detail) } : {}),
    instance: cut(instance),
    requestId,
    ...(error.extra.errors
      ? {
          errors: error.extra.errors
            .slice(0, PROBLEM_ERRORS_MAX)
            .map(({ path, message }) => ({ path: cut(path), message: cut(message) })),
        }
      : {}),
  };
}

import type { Problem } from "@repo/contracts/problem";

export interface FieldError {
  path: string;
  message: string;
}

// The closed set of problems the API answers with. `type` is stable: clients may switch on it,
// and the OpenAPI document describes each one.
export const PROBLEMS = {
  "malformed-request": { status: 400, title: "Malformed request" },
  unauthorized: { status: 401, title: "Unauthorized" },
  forbidden: { status: 403, title: "Forbidden" },
  "not-found": { status: 404, title: "Not found" },
  "method-not-allowed": { status: 405, title: "Method not allowed" },
  conflict: { status: 409, title: "Conflict" },
  "precondition-failed": { status: 412, title: "Precondition failed" },
  "payload-too-large": { status: 413, title: "Payload too large" },
  "unsupported-media-type": { status: 415, title: "Unsupported media type" },
  "validation-error": { status: 422, title: "Validation failed" },
  "rate-limited": { status: 429, title: "Too many requests" },
  "internal-error": { status: 500, title: "Internal server error" },
  "service-unavailable": { status: 503, title: "Service unavailable" },
} as const satisfies Record<string, { status: number; title: string }>;

export type ProblemCode = keyof typeof PROBLEMS;

export const problemType = (code: ProblemCode) => `urn:todo-api:problem:${code}`;

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

export function problemBody(
  error: ApiError,
  instance: string,
  requestId: string,
): Problem & { errors?: FieldError[] } {
  return {
    type: problemType(error.code),
    title: PROBLEMS[error.code].title,
    status: error.status,
    ...(error.detail ? { detail: error.detail } : {}),
    instance,
    requestId,
    ...(error.extra.errors ? { errors: error.extra.errors } : {}),
  };
}

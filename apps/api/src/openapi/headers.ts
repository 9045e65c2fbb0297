import { REAUTHENTICATION_MAX_AGE_SECONDS } from "@repo/contracts/me";
import { REQUEST_ID } from "@repo/contracts/problem";
import { HEADER_MAX } from "@repo/contracts/text";
import { CHALLENGE, stepUpChallenge } from "../http/authenticate";
import { insufficientScopeChallenge, REQUIRED_SCOPES } from "../http/scopes";
import { RATE_LIMIT_DIGITS_MAX } from "../rate-limit/types";

// The longest Allow: every method an operation can be declared with, plus HEAD and OPTIONS.
const ALL_METHODS = "GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS";
const digits = `[0-9]{1,${RATE_LIMIT_DIGITS_MAX}}`;

/** Every header the document mentions, described once (components.headers) with its real bounds. */
const HEADERS = {
  ETag: {
    description: 'Strong entity tag of the todo, project or label: `"<version>"`.',
    schema: { type: "string", maxLength: 12, pattern: '^"[1-9][0-9]{0,9}"$' },
  },
  Location: {
    description: "The new todo's, project's or label's path.",
    schema: {
      type: "string",
      format: "uri-reference",
      maxLength: "/api/v1/projects/".length + 36,
      pattern: "^/api/v1/(todos|projects|labels)/[0-9a-f-]{36}$",
    },
  },
  Link: {
    description:
      'RFC 8288: `<…>; rel="next"` when another page follows: this list with the next `cursor` and your other (valid) parameters.',
    // The path, limit, a cursor, completed, sort, and q: 100 code points, 12 characters each
    // when percent-encoded, add up to about 1,420; a project list's (its cursor up to 904
    // characters, `archived` and `sort`) to about 1,000.
    schema: {
      type: "string",
      maxLength: 2_048,
      pattern: '^</api/v1/(todos|projects|labels)\\?[^>]+>; rel="next"$',
    },
  },
  "Idempotent-Replayed": {
    description:
      "`true` when this is the stored response of an earlier request with the same Idempotency-Key.",
    schema: { type: "string", enum: ["true"] },
  },
  "X-Request-Id": {
    description:
      "The client's id when 1–128 characters of `[A-Za-z0-9._-]`, else a new one; in the log line and any problem.",
    schema: { type: "string", minLength: 1, maxLength: 128, pattern: REQUEST_ID.source },
  },
  RateLimit: {
    description:
      'draft-ietf-httpapi-ratelimit-headers-11, e.g. `"user";r=97;t=41` (r requests left, t seconds until the window resets).',
    schema: {
      type: "string",
      maxLength: '"user";r=;t='.length + 2 * RATE_LIMIT_DIGITS_MAX,
      pattern: `^"(user|ip)";r=${digits};t=${digits}$`,
    },
  },
  "RateLimit-Policy": {
    description:
      'e.g. `"user";q=120;w=60` (q requests per w seconds); `"ip"` for requests without valid credentials, counted per client address: the one the server\'s socket saw, or the one a proxy the operator trusts names in `X-Forwarded-For` (IPv6 per /64). A client\'s own `X-Forwarded-For` never chooses it.',
    schema: {
      type: "string",
      maxLength: '"user";q=;w='.length + 2 * RATE_LIMIT_DIGITS_MAX,
      pattern: `^"(user|ip)";q=${digits};w=${digits}$`,
    },
  },
  "Retry-After": {
    description: "Seconds to wait before retrying.",
    schema: {
      type: "integer",
      format: "int32",
      minimum: 1,
      maximum: 10 ** RATE_LIMIT_DIGITS_MAX - 1,
    },
  },
  "WWW-Authenticate": {
    description:
      'RFC 6750 challenge: `error="invalid_token"` is added when a token was presented; on `reauthentication-required`, RFC 9470\'s `error="insufficient_user_authentication", max_age=300` instead; on `insufficient-scope` (403), `error="insufficient_scope"` and the `scope` the API key lacks (RFC 6750 §3.1).',
    schema: {
      type: "string",
      enum: [
        CHALLENGE,
        `${CHALLENGE}, error="invalid_token"`,
        stepUpChallenge(REAUTHENTICATION_MAX_AGE_SECONDS),
        ...REQUIRED_SCOPES.map(insufficientScopeChallenge),
      ],
    },
  },
  "Content-Disposition": {
    description: "The export is a file to save: `attachment`, with a name carrying the date.",
    schema: {
      type: "string",
      maxLength: 64,
      pattern: '^attachment; filename="todo-export-[0-9]{4}-[0-9]{2}-[0-9]{2}\\.json"$',
    },
  },
  Allow: {
    description: "The methods the route has.",
    schema: { type: "string", maxLength: ALL_METHODS.length, pattern: "^[A-Z]+(, [A-Z]+)*$" },
  },
  "Access-Control-Allow-Origin": {
    description:
      "CORS: the request's `Origin`, only when it is one of the API's allowed origins (`ALLOWED_ORIGINS`); absent otherwise. Never `*`.",
    schema: { type: "string", format: "uri", maxLength: HEADER_MAX },
  },
} satisfies Record<string, { description: string; schema: Record<string, unknown> }>;

export type HeaderName = keyof typeof HEADERS;

/** components.headers. */
export const headerComponents = HEADERS;

/** A response's headers, each a reference to its component. */
export const headerRefs = (names: readonly HeaderName[]) =>
  Object.fromEntries(names.map((name) => [name, { $ref: `#/components/headers/${name}` }]));

/** The X-Request-Id request header, as a parameter of every operation. */
export const requestIdParameter = {
  name: "X-Request-Id",
  in: "header",
  required: false,
  description:
    "Your id for this request, echoed in the response, the log line and any problem: 1–128 characters of `[A-Za-z0-9._-]` (any other value is replaced by a new id).",
  schema: HEADERS["X-Request-Id"].schema,
};

import type { ResponseHeaderName } from "../http/operation";

/** Every header the document mentions, described once. */
const HEADERS: Record<
  | ResponseHeaderName
  | "X-Request-Id"
  | "RateLimit"
  | "RateLimit-Policy"
  | "Retry-After"
  | "WWW-Authenticate"
  | "Allow",
  { description: string }
> = {
  ETag: { description: 'Strong entity tag of the todo: `"<version>"`.' },
  Location: { description: "The new todo's path." },
  Link: { description: 'RFC 8288: `<…>; rel="next"` when another page follows.' },
  "Idempotent-Replayed": {
    description:
      "`true` when this is the stored response of an earlier request with the same Idempotency-Key.",
  },
  "X-Request-Id": {
    description:
      "The client's id when 1–128 characters of `[A-Za-z0-9._-]`, else a new one; in the log line and any problem.",
  },
  RateLimit: {
    description: 'draft-ietf-httpapi-ratelimit-headers-11, e.g. `"user";r=97;t=41` (t in seconds).',
  },
  "RateLimit-Policy": {
    description: 'e.g. `"user";q=120;w=60`; `"ip"` for requests without valid credentials.',
  },
  "Retry-After": { description: "Seconds to wait before retrying." },
  "WWW-Authenticate": {
    description:
      'RFC 6750 challenge: `Bearer realm="todo-api"`, with `error="invalid_token"` when a token was presented.',
  },
  Allow: { description: "The methods the route has." },
};

export const header = (name: keyof typeof HEADERS) => ({
  ...HEADERS[name],
  schema: { type: "string" },
});

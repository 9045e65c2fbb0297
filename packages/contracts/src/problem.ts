import { z } from "zod";

/** Every kind of problem the API answers with; `type` is `urn:todo-api:problem:<code>`. */
export const PROBLEM_CODES = [
  "malformed-request",
  "unauthorized",
  "reauthentication-required",
  "forbidden",
  "insufficient-scope",
  "not-found",
  "method-not-allowed",
  "conflict",
  "todo-limit-reached",
  "project-limit-reached",
  "label-limit-reached",
  "name-taken",
  "precondition-failed",
  "payload-too-large",
  "unsupported-media-type",
  "validation-error",
  "rate-limited",
  "internal-error",
  "service-unavailable",
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

/** The stable `type` URI of a kind of problem, for clients to switch on. */
export const problemType = (code: ProblemCode) => `urn:todo-api:problem:${code}` as const;

/**
 * Problem texts can echo the request (its path, an unknown field's name), so the API cuts each
 * at this many code points, and lists at most PROBLEM_ERRORS_MAX field errors.
 */
export const PROBLEM_TEXT_MAX = 1_024;
export const PROBLEM_ERRORS_MAX = 100;

/** An X-Request-Id the API keeps (and echoes); any other value is replaced by a new UUID. */
export const REQUEST_ID = /^[A-Za-z0-9._-]{1,128}$/;

const text = () => z.string().meta({ maxLength: PROBLEM_TEXT_MAX });

/** RFC 9457 problem details, as every error response of the API carries them. */
export const problemSchema = z
  .object({
    type: z.string().meta({ description: "A stable URI per kind of problem (see below)." }),
    title: z.string(),
    status: z.int().meta({ format: "int32", minimum: 400, maximum: 599 }),
    detail: text().optional(),
    instance: text()
      .optional()
      .meta({ description: "The request path (its first 1,024 code points)." }),
    requestId: z.string().meta({
      minLength: 1,
      maxLength: 128,
      pattern: REQUEST_ID.source,
      description: "The X-Request-Id of the response, also in the server log.",
    }),
    errors: z
      .array(z.object({ path: text(), message: text() }))
      .optional()
      .meta({
        maxItems: PROBLEM_ERRORS_MAX,
        description:
          "On 422: each invalid field (or query parameter) and why; the first 100 when there are more (`detail` counts them all).",
      }),
  })
  .meta({ id: "Problem" });
export type Problem = z.infer<typeof problemSchema>;

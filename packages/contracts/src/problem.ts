import { z } from "zod";

/** Every kind of problem the API answers with; `type` is `urn:todo-api:problem:<code>`. */
export const PROBLEM_CODES = [
  "malformed-request",
  "unauthorized",
  "forbidden",
  "not-found",
  "method-not-allowed",
  "conflict",
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

/** RFC 9457 problem details, as every error response of the API carries them. */
export const problemSchema = z
  .object({
    type: z.string().meta({ description: "A stable URI per kind of problem (see below)." }),
    title: z.string(),
    status: z.int(),
    detail: z.string().optional(),
    instance: z.string().optional().meta({ description: "The request path." }),
    requestId: z
      .string()
      .meta({ description: "The X-Request-Id of the response, also in the server log." }),
    errors: z
      .array(z.object({ path: z.string(), message: z.string() }))
      .optional()
      .meta({ description: "On 422: each invalid field (or query parameter) and why." }),
  })
  .meta({ id: "Problem" });
export type Problem = z.infer<typeof problemSchema>;

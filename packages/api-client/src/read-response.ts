import { problemSchema } from "@repo/contracts/problem";
import type { z } from "zod";
import type { Call } from "./call";
import { ApiProblemError, UnexpectedResponseError } from "./errors";
import { retryAfterSeconds } from "./retry-after";

// Method and path only: the query string may hold user text, and headers (the token) never appear.
const where = (call: Call) => `${call.method} ${call.path.split("?")[0]}`;

/** The error for a non-2xx answer: ApiProblemError for a problem document, else Unexpected…. */
export async function toError(call: Call, response: Response): Promise<Error> {
  const contentType = response.headers.get("content-type") ?? "";
  if (!/^application\/problem\+json\b/i.test(contentType)) {
    await response.body?.cancel();
    return new UnexpectedResponseError(
      response.status,
      `${where(call)} answered ${response.status} without a problem document`,
    );
  }
  const problem = await parseJson(call, response, problemSchema);
  const retryable = response.status === 429 || response.status === 503;
  const retryAfter = retryable ? retryAfterSeconds(response.headers.get("retry-after")) : undefined;
  return new ApiProblemError(response.status, problem, retryAfter, response.headers);
}

/** The body parsed with its shared schema; anything else is an UnexpectedResponseError. */
export async function parseJson<S extends z.ZodType>(
  call: Call,
  response: Response,
  schema: S,
): Promise<z.output<S>> {
  let body: unknown;
  try {
    body = await response.json();
  } catch (cause) {
    throw new UnexpectedResponseError(response.status, `${where(call)}: body is not JSON`, {
      cause,
    });
  }
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  throw new UnexpectedResponseError(
    response.status,
    `${where(call)}: body does not match the contract`,
    { cause: parsed.error },
  );
}

/** The response's ETag, which the contract promises on every todo it returns. */
export function etagOf(call: Call, response: Response): string {
  const etag = response.headers.get("etag");
  if (etag === null) throw new UnexpectedResponseError(response.status, `${where(call)}: no ETag`);
  return etag;
}

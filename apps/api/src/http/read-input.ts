import type { z } from "zod";
import type { Operation } from "./operation";
import { ApiError } from "./problem";
import { queryParams, repeatableParams } from "./query-params";
import { readJsonBody } from "./read-json-body";
import { validate } from "./validate";

export interface ParsedInput {
  input: { params: unknown; query: unknown; headers: unknown; body: unknown };
  json: unknown;
}

function headersOf(request: Request, schema: z.ZodObject): Record<string, string> {
  const values: Record<string, string> = {};
  for (const name of Object.keys(schema.shape)) {
    const value = request.headers.get(name);
    if (value !== null) values[name] = value;
  }
  return values;
}

/**
 * Reads and validates an operation's inputs from its declaration, in the contract's order:
 * headers (400), the body (415, 413, 400, 422), the query (422), then path parameters, whose
 * refusal is a 404 (an id that cannot exist names nothing).
 */
export async function readInput(
  operation: Operation,
  request: Request,
  url: URL,
  params: Record<string, string>,
): Promise<ParsedInput> {
  const spec = operation.request ?? {};
  let headers: unknown;
  if (spec.headers) {
    const result = spec.headers.safeParse(headersOf(request, spec.headers as z.ZodObject));
    if (!result.success)
      throw new ApiError("malformed-request", result.error.issues[0]?.message ?? "Bad header.");
    headers = result.data;
  }
  let json: unknown;
  let body: unknown;
  if (spec.body) {
    json = await readJsonBody(request, { accept: spec.body.mediaTypes });
    body = validate(spec.body.schema as z.ZodType, json);
  }
  const query = spec.query
    ? validate(
        spec.query as z.ZodType,
        queryParams(url, repeatableParams(spec.query as z.ZodType)),
        "query",
      )
    : undefined;
  let path: unknown;
  if (spec.params) {
    const result = spec.params.safeParse(params);
    if (!result.success)
      throw new ApiError("not-found", result.error.issues[0]?.message ?? "No such resource.");
    path = result.data;
  }
  return { input: { params: path, query, headers, body }, json };
}

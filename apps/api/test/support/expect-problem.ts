import { problemSchema } from "@repo/contracts/problem";
import { expect } from "vitest";

/** Asserts an RFC 9457 problem response with this status (and type, when given); returns the body. */
export async function expectProblem(response: Response, status: number, type?: string) {
  expect(response.status).toBe(status);
  expect(response.headers.get("content-type")).toBe("application/problem+json");
  const body = problemSchema.parse(await response.json());
  expect(body.status).toBe(status);
  expect(body.requestId).toBe(response.headers.get("x-request-id"));
  if (type) expect(body.type).toBe(`urn:todo-api:problem:${type}`);
  return body;
}

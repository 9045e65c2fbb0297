import { PROBLEM_ERRORS_MAX, PROBLEM_TEXT_MAX, problemSchema } from "@repo/contracts/problem";
import { todoInputSchema } from "@repo/contracts/todo";
import { expect, it } from "vitest";
import { loadConfig } from "../../src/env";
import { ApiError, problemBody } from "../../src/http/problem";
import { validate } from "../../src/http/validate";

// The bounds the OpenAPI document states (maxLength, maxItems) hold for responses that echo a
// hostile request, and for the rate-limit numbers that configuration puts in headers.

const refusal = (value: unknown) => {
  try {
    validate(todoInputSchema, value);
  } catch (error) {
    return problemBody(error as ApiError, "/api/v1/todos", "r1");
  }
  throw new Error("accepted");
};

it("lists at most 100 field errors, while the detail counts them all", () => {
  // A 64 KiB body of unknown fields would otherwise answer with some 400 KB of errors.
  const body = Object.fromEntries(Array.from({ length: 5_000 }, (_, i) => [`k${i}`, 0]));
  const problem = refusal({ title: "a", ...body });
  expect(problem.errors).toHaveLength(PROBLEM_ERRORS_MAX);
  expect(problem.detail).toBe("5000 problems in the body; see errors.");
  expect(problemSchema.parse(problem)).toEqual(problem);
});

it("cuts the echoed field name, detail and path at 1,024 code points, never inside a pair", () => {
  const key = "😀".repeat(3_000);
  const problem = refusal({ title: "a", [key]: 0 });
  const [error] = problem.errors ?? [];
  expect(error?.path).toBe("😀".repeat(PROBLEM_TEXT_MAX));
  expect([...(problem.detail ?? "")]).toHaveLength(PROBLEM_TEXT_MAX);

  const long = problemBody(new ApiError("not-found"), `/api/v1/${"a".repeat(20_000)}`, "r1");
  expect(long.instance).toHaveLength(PROBLEM_TEXT_MAX);
  expect(long.instance?.startsWith("/api/v1/aaa")).toBe(true);
});

it("keeps short texts whole", () => {
  const problem = problemBody(
    new ApiError("validation-error", "title is required", {
      errors: [{ path: "title", message: "is required" }],
    }),
    "/api/v1/todos",
    "r1",
  );
  expect(problem).toMatchObject({
    detail: "title is required",
    instance: "/api/v1/todos",
    errors: [{ path: "title", message: "is required" }],
  });
});

it("refuses a rate-limit setting whose numbers would not fit the documented headers", () => {
  expect(() => loadConfig({ RATE_LIMIT_USER: "999999999/999999999" })).not.toThrow();
  expect(() => loadConfig({ RATE_LIMIT_USER: "1000000000/60" })).toThrow(/RATE_LIMIT_USER/);
});

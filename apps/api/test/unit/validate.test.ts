import { todoInputSchema } from "@repo/contracts/todo";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ApiError } from "../../src/http/problem";
import { toFieldErrors, validate } from "../../src/http/validate";

function problemOf(schema: z.ZodType, value: unknown): ApiError {
  try {
    validate(schema, value);
  } catch (error) {
    if (error instanceof ApiError) return error;
  }
  throw new Error("expected a validation error");
}

describe("validate", () => {
  it("returns the parsed value (title trimmed, defaults applied)", () => {
    expect(validate(todoInputSchema, { title: " a " })).toEqual({
      title: "a",
      description: null,
      completed: false,
      dueAt: null,
      priority: "normal",
      projectId: null,
      labelIds: [],
    });
  });

  it("names a single problem in the detail", () => {
    const error = problemOf(todoInputSchema, { title: "" });
    expect(error.status).toBe(422);
    expect(error.detail).toBe("title must not be empty");
  });

  it("counts several problems in the detail and lists each", () => {
    const error = problemOf(todoInputSchema, { title: 1, completed: "yes", extra: 1, more: 2 });
    expect(error.detail).toMatch(/^\d+ problems in the body; see errors\.$/);
    expect(error.extra.errors?.map((e) => e.path).sort()).toEqual([
      "completed",
      "extra",
      "more",
      "title",
    ]);
  });

  it("uses the thing validated when the problem has no path", () => {
    const error = problemOf(z.strictObject({}), { q: "x" });
    expect(error.detail).toBe("q is not a known field");
    const empty = problemOf(
      z.object({}).refine(() => false, { message: "is wrong" }),
      {},
    );
    expect(empty.detail).toBe("body is wrong");
  });
});

describe("toFieldErrors", () => {
  it("names nested unknown keys with their path", () => {
    const schema = z.object({ inner: z.strictObject({}) });
    const result = schema.safeParse({ inner: { x: 1 } });
    if (result.success) throw new Error("expected failure");
    expect(toFieldErrors(result.error)).toEqual([
      { path: "inner.x", message: "is not a known field" },
    ]);
  });
});

import { ApiProblemError } from "@repo/api-client";
import { describe, expect, it } from "vitest";
import { describeError, rateLimitMessage } from "@/components/todos/describe-error";

const problem = (status: number, extra: object = {}) => ({
  type: "about:blank",
  title: "Problem",
  status,
  requestId: "r",
  ...extra,
});

describe("describeError", () => {
  it.each([
    [
      new ApiProblemError(429, problem(429), 42),
      "Couldn't save your change. Too many requests — try again in 42 seconds",
    ],
    [
      new ApiProblemError(429, problem(429), 1),
      "Couldn't save your change. Too many requests — try again in 1 second",
    ],
    [
      new ApiProblemError(
        422,
        problem(422, { errors: [{ path: "title", message: "must not be empty" }] }),
      ),
      "Couldn't save your change: title must not be empty.",
    ],
    [
      new ApiProblemError(
        409,
        problem(409, {
          type: "urn:todo-api:problem:project-limit-reached",
          detail:
            "You have 1000 live projects, the most allowed; delete one before adding another.",
        }),
      ),
      "Couldn't save your change. You have 1000 live projects, the most allowed; delete one before adding another.",
    ],
    [
      new ApiProblemError(503, problem(503)),
      "Couldn't save your change. The server had a problem; try again shortly.",
    ],
    [
      new TypeError("Failed to fetch"),
      "Couldn't save your change. Check your connection and try again.",
    ],
    [new Error("anything else"), "Couldn't save your change."],
  ])("describes %o", (error, expected) => {
    expect(describeError("Couldn't save your change", error)).toBe(expected);
  });

  it("says nothing about the rate limit for other errors", () => {
    expect(rateLimitMessage(new ApiProblemError(412, problem(412)))).toBeNull();
  });
});

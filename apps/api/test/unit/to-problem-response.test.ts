import { KeysUnavailableError } from "@repo/auth/verifier";
import { describe, expect, it } from "vitest";
import { ApiError, PROBLEMS, type ProblemCode } from "../../src/http/problem";
import { toApiError, toProblemResponse } from "../../src/http/to-problem-response";
import { captureLogs } from "../support/capture-logs";

describe("toApiError", () => {
  it.each(Object.entries(PROBLEMS) as [ProblemCode, { status: number }][])(
    "keeps an ApiError %s as its status",
    (code, { status }) => {
      expect(toApiError(new ApiError(code)).status).toBe(status);
    },
  );

  it.each([
    ["a refused connection", Object.assign(new Error("x"), { code: "ECONNREFUSED" }), 503],
    [
      "a wrapped shutdown",
      new Error("q", { cause: Object.assign(new Error("x"), { code: "57P01" }) }),
      503,
    ],
    ["unreachable signing keys", new KeysUnavailableError(), 503],
    [
      "a date PostgreSQL refused (month 13)",
      new Error("Failed query", { cause: Object.assign(new Error("x"), { code: "22008" }) }),
      422,
    ],
    ["a malformed date", Object.assign(new Error("x"), { code: "22007" }), 422],
    ["a SQL error", Object.assign(new Error("syntax"), { code: "42601" }), 500],
    ["a TypeError", new TypeError("x is undefined"), 500],
    ["a thrown string", "boom", 500],
  ])("maps %s to %i", (_, error, status) => {
    expect(toApiError(error).status).toBe(status);
  });
});

describe("toProblemResponse", () => {
  it("answers RFC 9457 JSON with the field errors and the error's headers", async () => {
    const { logger, lines } = captureLogs();
    const error = new ApiError("validation-error", "title is required", {
      errors: [{ path: "title", message: "is required" }],
      headers: { "X-Extra": "1" },
    });
    const response = toProblemResponse(error, {
      instance: "/api/v1/todos",
      requestId: "r1",
      logger,
    });
    expect(response.status).toBe(422);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(response.headers.get("x-extra")).toBe("1");
    expect(await response.json()).toEqual({
      type: "urn:todo-api:problem:validation-error",
      title: "Validation failed",
      status: 422,
      detail: "title is required",
      instance: "/api/v1/todos",
      requestId: "r1",
      errors: [{ path: "title", message: "is required" }],
    });
    expect(lines).toEqual([]); // client errors are not server errors
  });

  it("hides an unexpected error's message from the client and logs it with the request id", async () => {
    const { logger, lines } = captureLogs();
    const response = toProblemResponse(new Error("secret internals at /srv/app.ts"), {
      instance: "/x",
      requestId: "r2",
      logger,
    });
    const body = await response.text();
    expect(response.status).toBe(500);
    expect(body).not.toContain("secret internals");
    const [line] = lines.map((l) => JSON.parse(l));
    expect(line).toMatchObject({
      level: "error",
      requestId: "r2",
      error: { message: "secret internals at /srv/app.ts" },
    });
  });

  it("gives 503s a Retry-After in seconds", () => {
    const { logger } = captureLogs();
    const error = Object.assign(new Error("x"), { code: "ECONNREFUSED" });
    const response = toProblemResponse(error, { instance: "/x", requestId: "r3", logger });
    expect(response.headers.get("retry-after")).toBe("5");
  });
});

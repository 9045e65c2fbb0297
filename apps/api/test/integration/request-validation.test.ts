import { describe, expect, it } from "vitest";
import { useApi } from "../support/api";
import { expectProblem } from "../support/expect-problem";

const RFC3339 = "an RFC 3339 date-time, e.g. 2026-12-01T17:00:00Z";
const LABEL = "01a23005-f7bc-7696-9f2d-99bca01604fc";
const api = useApi();
const LIMIT = 64 * 1024;

/** A valid JSON body of exactly `size` bytes (padded with JSON whitespace). */
const bodyOfSize = (size: number) => {
  const json = JSON.stringify({ title: "padded" });
  return json + " ".repeat(size - json.length);
};

describe("request bodies", () => {
  it.each([
    ["text/plain", "unsupported-media-type", 415],
    ["application/x-www-form-urlencoded", "unsupported-media-type", 415],
    ["application/json; charset=latin1", "unsupported-media-type", 415],
  ])("refuses Content-Type %s", async (type, problem, status) => {
    const alice = await api.createUser();
    const response = await api.call("POST", "/api/v1/todos", {
      token: alice.token,
      body: '{"title":"x"}',
      headers: { "content-type": type },
    });
    await expectProblem(response, status, problem);
  });

  it("refuses a body without Content-Type with 415", async () => {
    const alice = await api.createUser();
    const response = await api.call("POST", "/api/v1/todos", {
      token: alice.token,
      body: new Blob(['{"title":"x"}']),
    });
    await expectProblem(response, 415, "unsupported-media-type");
  });

  it("accepts application/json with charset=utf-8", async () => {
    const alice = await api.createUser();
    const response = await api.call("POST", "/api/v1/todos", {
      token: alice.token,
      body: '{"title":"x"}',
      headers: { "content-type": "Application/JSON; charset=UTF-8" },
    });
    expect(response.status).toBe(201);
  });

  it("refuses merge-patch+json on POST (it is for PATCH only)", async () => {
    const alice = await api.createUser();
    const response = await api.call("POST", "/api/v1/todos", {
      token: alice.token,
      json: { title: "x" },
      headers: { "content-type": "application/merge-patch+json" },
    });
    await expectProblem(response, 415);
  });

  it("accepts a body of exactly 65,536 bytes", async () => {
    const alice = await api.createUser();
    const body = bodyOfSize(LIMIT);
    expect(Buffer.byteLength(body)).toBe(LIMIT);
    const response = await api.call("POST", "/api/v1/todos", {
      token: alice.token,
      body,
      headers: { "content-type": "application/json" },
    });
    expect(response.status).toBe(201);
  });

  it("refuses 65,537 bytes with 413, with or without Content-Length", async () => {
    const alice = await api.createUser();
    const body = bodyOfSize(LIMIT + 1);
    const declared = await api.call("POST", "/api/v1/todos", {
      token: alice.token,
      body,
      headers: { "content-type": "application/json", "content-length": String(LIMIT + 1) },
    });
    await expectProblem(declared, 413, "payload-too-large");

    // A stream has no Content-Length: the limit is enforced while reading.
    const bytes = new TextEncoder().encode(body);
    const streamed = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < bytes.length; i += 8192) controller.enqueue(bytes.slice(i, i + 8192));
        controller.close();
      },
    });
    const request = new Request("http://localhost:3001/api/v1/todos", {
      method: "POST",
      body: streamed,
      headers: { "content-type": "application/json", authorization: `Bearer ${alice.token}` },
      duplex: "half",
    } as RequestInit);
    const { handleRequest } = await import("../../src/app");
    const response = await handleRequest(request, api.deps());
    if (!response) throw new Error("no response");
    await expectProblem(response, 413, "payload-too-large");
  });

  it.each([
    ["malformed JSON", "{"],
    ["an empty body", ""],
    ["a JSON array", '[{"title":"x"}]'],
    ["JSON null", "null"],
    ["a JSON string", '"title"'],
    ["invalid UTF-8", Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x7d])],
  ])("refuses %s with 400", async (_, body) => {
    const alice = await api.createUser();
    const response = await api.call("POST", "/api/v1/todos", {
      token: alice.token,
      body,
      headers: { "content-type": "application/json" },
    });
    await expectProblem(response, 400, "malformed-request");
  });

  it.each([
    ["a missing title", {}, "title", "is required"],
    ["a non-string title", { title: 42 }, "title", "must be a string"],
    ["an empty title", { title: "" }, "title", "must not be empty"],
    ["a whitespace title", { title: " \n\t " }, "title", "must not be empty"],
    [
      "a 256-character title",
      { title: "x".repeat(256) },
      "title",
      "must be at most 255 characters",
    ],
    ["a title with U+0000", { title: "a\u0000b" }, "title", "must not contain U+0000"],
    [
      "a description with U+0000",
      { title: "a", description: "\u0000" },
      "description",
      "must not contain U+0000",
    ],
    [
      "a 10,001-character description",
      { title: "a", description: "x".repeat(10_001) },
      "description",
      "must be at most 10000 characters",
    ],
    [
      'completed "true"',
      { title: "a", completed: "true" },
      "completed",
      "must be a boolean (true or false)",
    ],
    ["completed 1", { title: "a", completed: 1 }, "completed", "must be a boolean (true or false)"],
    ["an unknown field", { title: "a", colour: "red" }, "colour", "is not a known field"],
    // Set by the server only.
    ["completedAt", { title: "a", completedAt: null }, "completedAt", "is not a known field"],
    [
      "a priority number",
      { title: "a", priority: 1 },
      "priority",
      "must be one of low, normal, high, urgent",
    ],
    [
      "an unknown priority",
      { title: "a", priority: "asap" },
      "priority",
      "must be one of low, normal, high, urgent",
    ],
    ["a date without a time", { title: "a", dueAt: "2026-12-01" }, "dueAt", `must be ${RFC3339}`],
    [
      "a date without an offset",
      { title: "a", dueAt: "2026-12-01T10:00:00" },
      "dueAt",
      `must be ${RFC3339}`,
    ],
    ["February 30", { title: "a", dueAt: "2026-02-30T10:00:00Z" }, "dueAt", `must be ${RFC3339}`],
    [
      "a projectId that is no UUID",
      { title: "a", projectId: "inbox" },
      "projectId",
      "must be a UUID",
    ],
    [
      "labelIds as a string",
      { title: "a", labelIds: LABEL },
      "labelIds",
      "must be an array of label ids",
    ],
    ["a labelId that is no UUID", { title: "a", labelIds: ["x"] }, "labelIds.0", "must be a UUID"],
    [
      "a repeated label",
      { title: "a", labelIds: [LABEL, LABEL.toUpperCase()] },
      "labelIds",
      "must not repeat a label",
    ],
    [
      "21 labels",
      {
        title: "a",
        labelIds: Array.from(
          { length: 21 },
          (_, i) => `${LABEL.slice(0, -2)}${String(i).padStart(2, "0")}`,
        ),
      },
      "labelIds",
      "must hold at most 20 labels",
    ],
  ])("refuses %s with 422 naming the field", async (_, json, path, message) => {
    const alice = await api.createUser();
    const response = await api.call("POST", "/api/v1/todos", { token: alice.token, json });
    const problem = await expectProblem(response, 422, "validation-error");
    expect(problem.errors).toEqual([{ path, message }]);
    expect(problem.detail).toBe(`${path} ${message}`);
  });

  it("refuses a lone surrogate with 422, never a 500", async () => {
    const alice = await api.createUser();
    const response = await api.call("POST", "/api/v1/todos", {
      token: alice.token,
      body: '{"title":"\\ud800 lone"}',
      headers: { "content-type": "application/json" },
    });
    const problem = await expectProblem(response, 422, "validation-error");
    expect(problem.errors).toEqual([
      { path: "title", message: "must not contain unpaired surrogates" },
    ]);
  });

  it("checks the body before the todo (a bad body on an unknown id is a 422)", async () => {
    const alice = await api.createUser();
    const response = await api.call("PATCH", "/api/v1/todos/not-an-id", {
      token: alice.token,
      json: { title: 1 },
    });
    await expectProblem(response, 422);
  });
});

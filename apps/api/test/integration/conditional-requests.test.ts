import { type Todo, todoSchema } from "@repo/contracts/todo";
import { describe, expect, it } from "vitest";
import { useApi } from "../support/api";
import { expectProblem } from "../support/expect-problem";

const api = useApi();

async function aliceWithTodo() {
  const alice = await api.createUser();
  const response = await api.call("POST", "/api/v1/todos", {
    token: alice.token,
    json: { title: "a" },
  });
  return { alice, todo: todoSchema.parse(await response.json()) as Todo };
}

describe("If-None-Match on GET /api/v1/todos/{id}", () => {
  it.each([
    ['"1"', 304],
    ['W/"1"', 304],
    ['"0", "1"', 304],
    ["*", 304],
    ['"2"', 200],
    ["garbage", 200],
  ])("%s → %i", async (header, status) => {
    const { alice, todo } = await aliceWithTodo();
    const response = await api.call("GET", `/api/v1/todos/${todo.id}`, {
      token: alice.token,
      headers: { "if-none-match": header },
    });
    expect(response.status).toBe(status);
    expect(response.headers.get("etag")).toBe('"1"');
    if (status === 304) expect(await response.text()).toBe("");
  });
});

describe("If-Match on writes", () => {
  const writes = [
    ["PUT", { title: "b" }],
    ["PATCH", { completed: true }],
    ["DELETE", undefined],
  ] as const;

  it.each(writes)("%s with the current tag goes through", async (method, json) => {
    const { alice, todo } = await aliceWithTodo();
    const response = await api.call(method, `/api/v1/todos/${todo.id}`, {
      token: alice.token,
      json,
      headers: { "if-match": '"1"' },
    });
    expect(response.status).toBe(method === "DELETE" ? 204 : 200);
  });

  it.each(
    writes.flatMap(([method, json]) =>
      ['"2"', 'W/"1"', "garbage", '"0", "7"', '"9999999999"', '"01"'].map(
        (header) => [method, header, json] as const,
      ),
    ),
  )("%s with If-Match %s is a 412 and changes nothing", async (method, header, json) => {
    const { alice, todo } = await aliceWithTodo();
    const response = await api.call(method, `/api/v1/todos/${todo.id}`, {
      token: alice.token,
      json,
      headers: { "if-match": header },
    });
    await expectProblem(response, 412, "precondition-failed");
    const after = await api.call("GET", `/api/v1/todos/${todo.id}`, { token: alice.token });
    expect(await after.json()).toEqual(todo);
  });

  it("honours a list of tags and *", async () => {
    const { alice, todo } = await aliceWithTodo();
    const path = `/api/v1/todos/${todo.id}`;
    const listed = await api.call("PATCH", path, {
      token: alice.token,
      json: { title: "b" },
      headers: { "if-match": '"9", "1"' },
    });
    expect(listed.headers.get("etag")).toBe('"2"');
    const star = await api.call("PATCH", path, {
      token: alice.token,
      json: { title: "c" },
      headers: { "if-match": "*" },
    });
    expect(star.status).toBe(200);
  });

  it("checks ownership and existence before the precondition (403, 404 before 412)", async () => {
    const { alice, todo } = await aliceWithTodo();
    const bob = await api.createUser();
    const foreign = await api.call("PATCH", `/api/v1/todos/${todo.id}`, {
      token: bob.token,
      json: { title: "x" },
      headers: { "if-match": '"99"' },
    });
    await expectProblem(foreign, 403);
    await api.call("DELETE", `/api/v1/todos/${todo.id}`, { token: alice.token });
    const deleted = await api.call("PATCH", `/api/v1/todos/${todo.id}`, {
      token: alice.token,
      json: { title: "x" },
      headers: { "if-match": "*" },
    });
    await expectProblem(deleted, 404);
  });

  it("lets exactly one of 20 concurrent PATCHes with the same If-Match through", async () => {
    const { alice, todo } = await aliceWithTodo();
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        api.call("PATCH", `/api/v1/todos/${todo.id}`, {
          token: alice.token,
          json: { title: `writer ${i}` },
          headers: { "if-match": '"1"' },
        }),
      ),
    );
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 412)).toHaveLength(19);
    const after = await (
      await api.call("GET", `/api/v1/todos/${todo.id}`, { token: alice.token })
    ).json();
    expect(after.version).toBe(2);
  });
});

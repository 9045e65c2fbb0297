import { todoListSchema, todoSchema } from "@repo/contracts/todo";
import { describe, expect, it } from "vitest";
import { useApi } from "../support/api";
import { expectProblem } from "../support/expect-problem";

const api = useApi();

async function create(token: string, json: unknown = { title: "Buy milk" }) {
  const response = await api.call("POST", "/api/v1/todos", { token, json });
  expect(response.status).toBe(201);
  return todoSchema.parse(await response.json());
}

describe("POST /api/v1/todos", () => {
  it("creates a todo owned by the caller, with Location and ETag", async () => {
    const alice = await api.createUser();
    const response = await api.call("POST", "/api/v1/todos", {
      token: alice.token,
      json: { title: "  Buy milk  ", description: "2 litres" },
    });
    expect(response.status).toBe(201);
    const todo = todoSchema.parse(await response.json());
    expect(todo).toMatchObject({
      userId: alice.id,
      title: "Buy milk",
      description: "2 litres",
      completed: false,
      version: 1,
    });
    expect(todo.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/); // UUIDv7
    expect(todo.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(todo.updatedAt).toBe(todo.createdAt);
    expect(response.headers.get("location")).toBe(`/api/v1/todos/${todo.id}`);
    expect(response.headers.get("etag")).toBe('"1"');
  });

  it("defaults description to null and completed to false, and accepts completed: true", async () => {
    const alice = await api.createUser();
    expect(await create(alice.token, { title: "a" })).toMatchObject({
      description: null,
      completed: false,
    });
    expect(await create(alice.token, { title: "b", completed: true })).toMatchObject({
      completed: true,
    });
  });

  it("stores the longest values the contract allows, counted in code points", async () => {
    const alice = await api.createUser();
    const title = "😀".repeat(255);
    const description = "é".repeat(10_000);
    const todo = await create(alice.token, { title, description });
    expect(todo.title).toBe(title);
    expect(todo.description).toBe(description);
  });
});

describe("GET /api/v1/todos", () => {
  it("lists only the caller's live todos, newest first, 20 by default", async () => {
    const alice = await api.createUser();
    const bob = await api.createUser();
    const created = [];
    for (let i = 0; i < 23; i++) created.push(await create(alice.token, { title: `todo ${i}` }));
    await create(bob.token, { title: "bob's" });
    const deleted = created[22];
    await api.call("DELETE", `/api/v1/todos/${deleted?.id}`, { token: alice.token });

    const response = await api.call("GET", "/api/v1/todos", { token: alice.token });
    expect(response.status).toBe(200);
    const list = todoListSchema.parse(await response.json());
    const expected = created
      .slice(0, 22)
      .reverse()
      .slice(0, 20)
      .map((t) => t.id);
    expect(list.data.map((t) => t.id)).toEqual(expected);
    expect(list.data.every((t) => t.userId === alice.id)).toBe(true);
    expect(list.nextCursor).toBeTypeOf("string");
  });

  it("returns an empty list to a user with no todos", async () => {
    const carol = await api.createUser();
    const response = await api.call("GET", "/api/v1/todos", { token: carol.token });
    expect(await response.json()).toEqual({ data: [], nextCursor: null });
  });

  it("refuses query parameters it does not know with a 422 naming them", async () => {
    const alice = await api.createUser();
    const response = await api.call("GET", "/api/v1/todos?foo=1", { token: alice.token });
    const problem = await expectProblem(response, 422, "validation-error");
    expect(problem.errors).toEqual([{ path: "foo", message: "is not a known field" }]);
  });
});

describe("GET /api/v1/todos/{id}", () => {
  it("returns the todo with its ETag", async () => {
    const alice = await api.createUser();
    const todo = await create(alice.token);
    const response = await api.call("GET", `/api/v1/todos/${todo.id}`, { token: alice.token });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(todo);
    expect(response.headers.get("etag")).toBe('"1"');
  });

  it("answers HEAD like GET, without a body", async () => {
    const alice = await api.createUser();
    const todo = await create(alice.token);
    const response = await api.call("HEAD", `/api/v1/todos/${todo.id}`, { token: alice.token });
    expect(response.status).toBe(200);
    expect(response.headers.get("etag")).toBe('"1"');
    expect(await response.text()).toBe("");
  });

  it.each([
    ["an unknown id", "0193b6d2-7a4e-7c1a-9f0e-2b6d5f1e8a11"],
    ["a malformed id", "not-a-uuid"],
    ["an id with SQL in it", "1' or '1'='1"],
  ])("returns 404 for %s", async (_, id) => {
    const alice = await api.createUser();
    const response = await api.call("GET", `/api/v1/todos/${encodeURIComponent(id)}`, {
      token: alice.token,
    });
    await expectProblem(response, 404, "not-found");
  });
});

describe("PUT /api/v1/todos/{id}", () => {
  it("replaces the todo: omitted description → null, omitted completed → false", async () => {
    const alice = await api.createUser();
    const todo = await create(alice.token, { title: "a", description: "d", completed: true });
    const response = await api.call("PUT", `/api/v1/todos/${todo.id}`, {
      token: alice.token,
      json: { title: "b" },
    });
    expect(response.status).toBe(200);
    const replaced = todoSchema.parse(await response.json());
    expect(replaced).toMatchObject({
      id: todo.id,
      title: "b",
      description: null,
      completed: false,
    });
    expect(replaced.version).toBe(2);
    expect(response.headers.get("etag")).toBe('"2"');
    expect(replaced.createdAt).toBe(todo.createdAt);
    expect(Date.parse(replaced.updatedAt)).toBeGreaterThanOrEqual(Date.parse(todo.updatedAt));
  });

  it("requires the title", async () => {
    const alice = await api.createUser();
    const todo = await create(alice.token);
    const response = await api.call("PUT", `/api/v1/todos/${todo.id}`, {
      token: alice.token,
      json: { completed: true },
    });
    const problem = await expectProblem(response, 422, "validation-error");
    expect(problem.errors).toEqual([{ path: "title", message: "is required" }]);
  });
});

describe("PATCH /api/v1/todos/{id}", () => {
  it("changes only the fields sent and bumps the version", async () => {
    const alice = await api.createUser();
    const todo = await create(alice.token, { title: "a", description: "d" });
    const response = await api.call("PATCH", `/api/v1/todos/${todo.id}`, {
      token: alice.token,
      json: { completed: true },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      title: "a",
      description: "d",
      completed: true,
      version: 2,
    });
  });

  it("accepts application/merge-patch+json, where null clears the description", async () => {
    const alice = await api.createUser();
    const todo = await create(alice.token, { title: "a", description: "d" });
    const response = await api.call("PATCH", `/api/v1/todos/${todo.id}`, {
      token: alice.token,
      json: { description: null },
      headers: { "content-type": "application/merge-patch+json" },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ description: null, version: 2 });
  });

  it.each([
    ["an empty patch", {}, ""],
    ["a null title", { title: null }, "title"],
    ["a blank title", { title: "   " }, "title"],
  ])("refuses %s with 422", async (_, json, path) => {
    const alice = await api.createUser();
    const todo = await create(alice.token);
    const response = await api.call("PATCH", `/api/v1/todos/${todo.id}`, {
      token: alice.token,
      json,
    });
    const problem = await expectProblem(response, 422, "validation-error");
    expect(problem.errors?.[0]?.path).toBe(path);
  });
});

describe("DELETE /api/v1/todos/{id}", () => {
  it("soft-deletes: 204, then the todo reads as 404 and leaves the list", async () => {
    const alice = await api.createUser();
    const todo = await create(alice.token);
    const path = `/api/v1/todos/${todo.id}`;
    const response = await api.call("DELETE", path, { token: alice.token });
    expect(response.status).toBe(204);
    expect(await response.text()).toBe("");

    await expectProblem(await api.call("GET", path, { token: alice.token }), 404);
    await expectProblem(
      await api.call("PATCH", path, { token: alice.token, json: { completed: true } }),
      404,
    );
    await expectProblem(await api.call("DELETE", path, { token: alice.token }), 404);
    const list = await (await api.call("GET", "/api/v1/todos", { token: alice.token })).json();
    expect(list.data).toEqual([]);
  });
});

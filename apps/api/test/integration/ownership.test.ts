import { todoSchema } from "@repo/contracts/todo";
import { user } from "@repo/db/schema";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { useApi } from "../support/api";
import { expectForbidden } from "../support/expect-forbidden";
import { expectProblem } from "../support/expect-problem";

const api = useApi();

async function aliceAndBobsTodo() {
  const alice = await api.createUser();
  const bob = await api.createUser();
  const response = await api.call("POST", "/api/v1/todos", {
    token: bob.token,
    json: { title: "bob's secret", description: "for bob only" },
  });
  return { alice, bob, todo: todoSchema.parse(await response.json()) };
}

describe("another user's todo", () => {
  it.each([
    ["GET", undefined],
    ["HEAD", undefined],
    ["PUT", { title: "hijacked" }],
    ["PATCH", { completed: true }],
    ["DELETE", undefined],
  ])("%s answers 403 and changes nothing", async (method, json) => {
    const { alice, bob, todo } = await aliceAndBobsTodo();
    const response = await api.call(method, `/api/v1/todos/${todo.id}`, {
      token: alice.token,
      json,
    });
    await expectForbidden(response, method, ["bob's secret", bob.id]);
    const after = await api.call("GET", `/api/v1/todos/${todo.id}`, { token: bob.token });
    expect(await after.json()).toEqual(todo);
  });

  it("never appears in the caller's list", async () => {
    const { alice } = await aliceAndBobsTodo();
    const list = await api.call("GET", "/api/v1/todos", { token: alice.token });
    expect((await list.json()).data).toEqual([]);
  });

  it("is a 403 even when soft-deleted (ownership is checked before deletion)", async () => {
    const { alice, bob, todo } = await aliceAndBobsTodo();
    await api.call("DELETE", `/api/v1/todos/${todo.id}`, { token: bob.token });
    const response = await api.call("GET", `/api/v1/todos/${todo.id}`, { token: alice.token });
    await expectProblem(response, 403, "forbidden");
  });

  it("cannot be claimed by sending userId or id in the body", async () => {
    const { alice, bob } = await aliceAndBobsTodo();
    const response = await api.call("POST", "/api/v1/todos", {
      token: alice.token,
      json: { title: "x", userId: bob.id, id: "0193b6d2-7a4e-7c1a-9f0e-2b6d5f1e8a11", version: 9 },
    });
    const problem = await expectProblem(response, 422, "validation-error");
    expect(problem.errors?.map((e) => e.path).sort()).toEqual(["id", "userId", "version"]);
  });
});

describe("a valid token whose user no longer exists", () => {
  it("gets a 401 on every route, reads included", async () => {
    const alice = await api.createUser();
    const created = await api.call("POST", "/api/v1/todos", {
      token: alice.token,
      json: { title: "mine" },
    });
    const todo = todoSchema.parse(await created.json());
    await api.database.current.db.delete(user).where(eq(user.id, alice.id));

    const requests: [string, string, unknown][] = [
      ["GET", "/api/v1/todos", undefined],
      ["GET", `/api/v1/todos/${todo.id}`, undefined],
      ["HEAD", `/api/v1/todos/${todo.id}`, undefined],
      ["GET", "/api/v1/me", undefined],
      ["GET", "/api/v1/me/export", undefined],
      ["DELETE", "/api/v1/me", undefined],
      ["POST", "/api/v1/todos", { title: "x" }],
      ["PUT", `/api/v1/todos/${todo.id}`, { title: "x" }],
      ["PATCH", `/api/v1/todos/${todo.id}`, { title: "x" }],
      ["DELETE", `/api/v1/todos/${todo.id}`, undefined],
      ["POST", `/api/v1/todos/${todo.id}/restore`, undefined],
    ];
    for (const [method, path, json] of requests) {
      const response = await api.call(method, path, { token: alice.token, json });
      expect(response.status, `${method} ${path}`).toBe(401);
      expect(response.headers.get("www-authenticate")).toBe(
        'Bearer realm="todo-api", error="invalid_token"',
      );
      if (method !== "HEAD") await expectProblem(response, 401, "unauthorized");
    }
  });
});

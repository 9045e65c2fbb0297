import { idempotencyKeys, todos } from "@repo/db/schema";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { purgeExpired } from "../../src/maintenance/purge";
import { useApi } from "../support/api";
import { expectProblem } from "../support/expect-problem";

const api = useApi();

async function createTodo(token: string, title = "a") {
  const response = await api.call("POST", "/api/v1/todos", { token, json: { title } });
  return response.json();
}

describe("POST /api/v1/todos/{id}/restore", () => {
  it("undoes a soft delete as a change: back in reads and lists, version bumped", async () => {
    const alice = await api.createUser();
    const todo = await createTodo(alice.token);
    await api.call("DELETE", `/api/v1/todos/${todo.id}`, { token: alice.token });
    const response = await api.call("POST", `/api/v1/todos/${todo.id}/restore`, {
      token: alice.token,
    });
    expect(response.status).toBe(200);
    const restored = await response.json();
    expect(restored).toMatchObject({ id: todo.id, title: "a", version: 3 });
    expect(response.headers.get("etag")).toBe('"3"');
    expect((await api.call("GET", `/api/v1/todos/${todo.id}`, { token: alice.token })).status).toBe(
      200,
    );
    const list = await (await api.call("GET", "/api/v1/todos", { token: alice.token })).json();
    expect(list.data.map((t: { id: string }) => t.id)).toEqual([todo.id]);
  });

  it("returns a live todo unchanged", async () => {
    const alice = await api.createUser();
    const todo = await createTodo(alice.token);
    const response = await api.call("POST", `/api/v1/todos/${todo.id}/restore`, {
      token: alice.token,
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(todo);
  });

  it("is a 404 for an unknown id and a 403 for another user's deleted todo", async () => {
    const alice = await api.createUser();
    const bob = await api.createUser();
    await expectProblem(
      await api.call("POST", "/api/v1/todos/0193b6d2-7a4e-7c1a-9f0e-2b6d5f1e8a11/restore", {
        token: alice.token,
      }),
      404,
    );
    const bobs = await createTodo(bob.token);
    await api.call("DELETE", `/api/v1/todos/${bobs.id}`, { token: bob.token });
    await expectProblem(
      await api.call("POST", `/api/v1/todos/${bobs.id}/restore`, { token: alice.token }),
      403,
    );
    const still = await api.database.current.db.select().from(todos).where(eq(todos.id, bobs.id));
    expect(still[0]?.deletedAt).not.toBeNull();
  });
});

describe("the purge", () => {
  it("removes todos deleted over 30 days ago and keys over 24 hours old, and nothing else", async () => {
    const alice = await api.createUser();
    const { db } = api.database.current;
    const [old, recent, live] = [
      await createTodo(alice.token, "old"),
      await createTodo(alice.token, "recent"),
      await createTodo(alice.token, "live"),
    ];
    for (const todo of [old, recent])
      await api.call("DELETE", `/api/v1/todos/${todo.id}`, { token: alice.token });
    await db
      .update(todos)
      .set({ deletedAt: sql`now() - interval '31 days'` })
      .where(eq(todos.id, old.id));
    await db.insert(idempotencyKeys).values([
      {
        userId: alice.id,
        key: "stale",
        requestHash: "h",
        status: 201,
        headers: {},
        body: {},
        createdAt: sql`now() - interval '25 hours'`,
      },
      { userId: alice.id, key: "fresh", requestHash: "h", status: 201, headers: {}, body: {} },
    ]);

    const purged = await purgeExpired(db);
    expect(purged.todos).toBeGreaterThanOrEqual(1);
    const remaining = (
      await db.select({ id: todos.id }).from(todos).where(eq(todos.userId, alice.id))
    ).map((r) => r.id);
    expect(remaining.sort()).toEqual([recent.id, live.id].sort());
    const keys = (
      await db.select().from(idempotencyKeys).where(eq(idempotencyKeys.userId, alice.id))
    ).map((k) => k.key);
    expect(keys).toEqual(["fresh"]);
    await expectProblem(
      await api.call("POST", `/api/v1/todos/${old.id}/restore`, { token: alice.token }),
      404,
    );
  });
});

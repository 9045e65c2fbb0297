import { idempotencyKeys, todos } from "@repo/db/schema";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { useApi } from "../support/api";
import { expectProblem } from "../support/expect-problem";

const api = useApi();

const post = (token: string, key: string, body: string) =>
  api.call("POST", "/api/v1/todos", {
    token,
    body,
    headers: { "content-type": "application/json", "idempotency-key": key },
  });

async function countTodos(userId: string) {
  return api.database.current.db.$count(todos, eq(todos.userId, userId));
}

describe("Idempotency-Key on POST /api/v1/todos", () => {
  it("replays the first response for a retry with equal JSON, creating nothing", async () => {
    const alice = await api.createUser();
    const first = await post(alice.token, "k-1", '{"title":"Buy milk","completed":false}');
    expect(first.status).toBe(201);
    const todo = await first.json();
    // Change the todo: the replay still returns the first response, as it was.
    await api.call("PATCH", `/api/v1/todos/${todo.id}`, {
      token: alice.token,
      json: { title: "changed" },
    });

    const retry = await post(alice.token, '"k-1"', '{ "completed": false,\n "title": "Buy milk" }');
    expect(retry.status).toBe(201);
    expect(await retry.json()).toEqual(todo);
    expect(retry.headers.get("location")).toBe(first.headers.get("location"));
    expect(retry.headers.get("etag")).toBe('"1"');
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(await countTodos(alice.id)).toBe(1);
  });

  it("refuses the same key with another body (422), and keys are per user", async () => {
    const alice = await api.createUser();
    const bob = await api.createUser();
    expect((await post(alice.token, "shared", '{"title":"a"}')).status).toBe(201);
    await expectProblem(
      await post(alice.token, "shared", '{"title":"b"}'),
      422,
      "validation-error",
    );
    const bobs = await post(bob.token, "shared", '{"title":"b"}');
    expect(bobs.status).toBe(201);
    expect((await bobs.json()).userId).toBe(bob.id);
  });

  it.each([
    ["empty", ""],
    ["too long", "k".repeat(256)],
    ["a space", "a b"],
    ["a slash", "a/b"],
    ["an unterminated quote", '"abc'],
    ["an empty quoted string", '""'],
  ])("refuses a key that is %s with 400", async (_, key) => {
    const alice = await api.createUser();
    await expectProblem(await post(alice.token, key, '{"title":"a"}'), 400, "malformed-request");
    expect(await countTodos(alice.id)).toBe(0);
  });

  it("accepts 255 characters of the whole alphabet", async () => {
    const alice = await api.createUser();
    const key = "Az09._~:-".repeat(28).slice(0, 255);
    expect((await post(alice.token, key, '{"title":"a"}')).status).toBe(201);
  });

  it("answers 409 while the first request is still running", async () => {
    const alice = await api.createUser();
    const { db } = api.database.current;
    // Hold the key's lock in another session, as a first request in flight would.
    await db.transaction(async (tx) => {
      const lockKey = `${alice.id.length}:${alice.id}busy`;
      await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${lockKey}, 0))`);
      const response = await post(alice.token, "busy", '{"title":"a"}');
      await expectProblem(response, 409, "conflict");
    });
    expect((await post(alice.token, "busy", '{"title":"a"}')).status).toBe(201);
  });

  it("creates exactly one todo for 50 concurrent POSTs with one key; each answer is that todo or a 409", async () => {
    const alice = await api.createUser();
    const responses = await Promise.all(
      Array.from({ length: 50 }, () => post(alice.token, "storm", '{"title":"once"}')),
    );
    const created = new Set<string>();
    for (const response of responses) {
      expect([201, 409]).toContain(response.status);
      if (response.status === 201) created.add((await response.json()).id);
    }
    expect(created.size).toBe(1);
    expect(await countTodos(alice.id)).toBe(1);
    const keys = await api.database.current.db.$count(
      idempotencyKeys,
      eq(idempotencyKeys.userId, alice.id),
    );
    expect(keys).toBe(1);
  });

  it("forgets a key after 24 hours", async () => {
    const alice = await api.createUser();
    expect((await post(alice.token, "old", '{"title":"a"}')).status).toBe(201);
    await api.database.current.db
      .update(idempotencyKeys)
      .set({ createdAt: sql`now() - interval '25 hours'` })
      .where(eq(idempotencyKeys.userId, alice.id));
    const again = await post(alice.token, "old", '{"title":"b"}');
    expect(again.status).toBe(201);
    expect(await countTodos(alice.id)).toBe(2);
  });

  it("stores nothing for a request that fails validation", async () => {
    const alice = await api.createUser();
    await expectProblem(await post(alice.token, "fix-me", '{"title":""}'), 422);
    expect((await post(alice.token, "fix-me", '{"title":"fixed"}')).status).toBe(201);
  });
});

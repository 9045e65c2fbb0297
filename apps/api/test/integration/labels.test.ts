import { type Label, labelListSchema, labelSchema } from "@repo/contracts/label";
import { labels, todoLabels, todos } from "@repo/db/schema";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { useApi } from "../support/api";
import { expectProblem } from "../support/expect-problem";
import { insertTodo as insertTodoRow } from "../support/insert-todo";

const api = useApi();

async function createLabel(token: string, json: unknown = { name: "errand" }): Promise<Label> {
  const response = await api.call("POST", "/api/v1/labels", { token, json });
  expect(response.status).toBe(201);
  return labelSchema.parse(await response.json());
}

const insertTodo = (userId: string, labelIds: string[], deleted = false) =>
  insertTodoRow(api.database.current.db, userId, { labelIds, deleted });

describe("labels", () => {
  it("are created with defaults, read, replaced and patched", async () => {
    const alice = await api.createUser();
    const response = await api.call("POST", "/api/v1/labels", {
      token: alice.token,
      json: { name: " errand " },
    });
    expect(response.status).toBe(201);
    const label = labelSchema.parse(await response.json());
    expect(label).toMatchObject({ userId: alice.id, name: "errand", color: "gray", version: 1 });
    expect(response.headers.get("location")).toBe(`/api/v1/labels/${label.id}`);
    const read = await api.call("GET", `/api/v1/labels/${label.id}`, { token: alice.token });
    expect(await read.json()).toEqual(label);

    const put = await api.call("PUT", `/api/v1/labels/${label.id}`, {
      token: alice.token,
      json: { name: "chores", color: "teal" },
    });
    expect(await put.json()).toMatchObject({ name: "chores", color: "teal", version: 2 });
    const patch = await api.call("PATCH", `/api/v1/labels/${label.id}`, {
      token: alice.token,
      json: { color: "pink" },
    });
    expect(await patch.json()).toMatchObject({ name: "chores", color: "pink", version: 3 });
  });

  it("have 1–50 code points and no archived field", async () => {
    const alice = await api.createUser();
    expect((await createLabel(alice.token, { name: "😀".repeat(50) })).name).toHaveLength(100);
    for (const json of [{ name: "a".repeat(51) }, { name: "a", archived: true }])
      await expectProblem(
        await api.call("POST", "/api/v1/labels", { token: alice.token, json }),
        422,
        "validation-error",
      );
  });

  it("are unique per user ignoring case, concurrent creates included (one 201, the rest 409)", async () => {
    const alice = await api.createUser();
    const statuses = await Promise.all(
      ["Urgent", "URGENT", "urgent", "uRGENT"].map((name) =>
        api
          .call("POST", "/api/v1/labels", { token: alice.token, json: { name } })
          .then((r) => r.status),
      ),
    );
    expect(statuses.sort()).toEqual([201, 409, 409, 409]);
    const other = await createLabel(alice.token, { name: "later" });
    await expectProblem(
      await api.call("PATCH", `/api/v1/labels/${other.id}`, {
        token: alice.token,
        json: { name: "URGENT" },
      }),
      409,
      "name-taken",
    );
  });

  it("are listed by name ignoring case, only the caller's", async () => {
    const alice = await api.createUser();
    const bob = await api.createUser();
    for (const name of ["b", "C", "a"]) await createLabel(alice.token, { name });
    await createLabel(bob.token, { name: "bob's" });
    const list = labelListSchema.parse(
      await (await api.call("GET", "/api/v1/labels", { token: alice.token })).json(),
    );
    expect(list.data.map((l) => l.name)).toEqual(["a", "b", "C"]);
    expect(list.nextCursor).toBeNull();
  });
});

describe("DELETE /api/v1/labels/{id}", () => {
  it("deletes the label, its links, and gives every todo carrying it a new version", async () => {
    const alice = await api.createUser();
    const label = await createLabel(alice.token);
    const kept = await createLabel(alice.token, { name: "kept" });
    const carrying = await insertTodo(alice.id, [label.id, kept.id]);
    const deletedCarrying = await insertTodo(alice.id, [label.id], true);
    const notCarrying = await insertTodo(alice.id, [kept.id]);

    const response = await api.call("DELETE", `/api/v1/labels/${label.id}`, {
      token: alice.token,
      headers: { "if-match": '"1"' },
    });
    expect(response.status).toBe(204);
    const { db } = api.database.current;
    expect(await db.$count(labels, eq(labels.id, label.id))).toBe(0);
    const links = await db.select().from(todoLabels).where(eq(todoLabels.userId, alice.id));
    expect(links.map((l) => [l.todoId, l.labelId]).sort()).toEqual(
      [
        [carrying.id, kept.id],
        [notCarrying.id, kept.id],
      ].sort(),
    );
    const versions = new Map(
      (await db.select().from(todos).where(eq(todos.userId, alice.id))).map((t) => [t.id, t]),
    );
    expect(versions.get(carrying.id)?.version).toBe(2);
    expect(versions.get(carrying.id)?.updatedAt.getTime()).toBeGreaterThan(
      carrying.updatedAt.getTime() - 1,
    );
    expect(versions.get(deletedCarrying.id)?.version).toBe(2);
    expect(versions.get(notCarrying.id)?.version).toBe(1);
    await expectProblem(
      await api.call("GET", `/api/v1/labels/${label.id}`, { token: alice.token }),
      404,
      "not-found",
    );
  });

  it("refuses a stale If-Match with 412 and changes nothing", async () => {
    const alice = await api.createUser();
    const label = await createLabel(alice.token);
    const todo = await insertTodo(alice.id, [label.id]);
    await api.call("PATCH", `/api/v1/labels/${label.id}`, {
      token: alice.token,
      json: { color: "red" },
    });
    await expectProblem(
      await api.call("DELETE", `/api/v1/labels/${label.id}`, {
        token: alice.token,
        headers: { "if-match": '"1"' },
      }),
      412,
      "precondition-failed",
    );
    const { db } = api.database.current;
    expect(await db.$count(todoLabels, eq(todoLabels.labelId, label.id))).toBe(1);
    const [after] = await db.select().from(todos).where(eq(todos.id, todo.id));
    expect(after?.version).toBe(1);
  });

  it("waits for a transaction holding the label FOR SHARE, then removes the link it made", async () => {
    const alice = await api.createUser();
    const label = await createLabel(alice.token);
    const { db } = api.database.current;
    const todo = await insertTodo(alice.id, []);
    let deleted: Promise<Response> | undefined;
    // An attach as the todo API makes one: lock the label FOR SHARE, link, commit.
    await db.transaction(async (tx) => {
      await tx.execute(sql`select 1 from labels where id = ${label.id} for share`);
      deleted = api.call("DELETE", `/api/v1/labels/${label.id}`, { token: alice.token });
      await new Promise((resolve) => setTimeout(resolve, 200));
      await tx.insert(todoLabels).values({ todoId: todo.id, labelId: label.id, userId: alice.id });
    });
    expect((await deleted)?.status).toBe(204);
    expect(await db.$count(todoLabels, eq(todoLabels.todoId, todo.id))).toBe(0);
    const [after] = await db.select().from(todos).where(eq(todos.id, todo.id));
    expect(after?.version).toBe(2);
  });
});

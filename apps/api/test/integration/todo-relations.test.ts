import { type Todo, todoListSchema, todoSchema } from "@repo/contracts/todo";
import { labels, projects, todoLabels, todos, user } from "@repo/db/schema";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { type TestUser, useApi } from "../support/api";
import { expectProblem } from "../support/expect-problem";

const api = useApi();
const db = () => api.database.current.db;

// Projects and labels go straight into the database: their routes are not what this file tests.
async function project(owner: TestUser, options: { deleted?: boolean } = {}): Promise<string> {
  const [row] = await db()
    .insert(projects)
    .values({
      userId: owner.id,
      name: `p-${Math.random().toString(36).slice(2)}`,
      color: "gray",
      deletedAt: options.deleted ? new Date() : null,
    })
    .returning({ id: projects.id });
  if (!row) throw new Error("no project");
  return row.id;
}

async function label(owner: TestUser): Promise<string> {
  const [row] = await db()
    .insert(labels)
    .values({ userId: owner.id, name: `l-${Math.random().toString(36).slice(2)}`, color: "gray" })
    .returning({ id: labels.id });
  if (!row) throw new Error("no label");
  return row.id;
}

async function create(owner: TestUser, json: Record<string, unknown>): Promise<Todo> {
  const response = await api.call("POST", "/api/v1/todos", { token: owner.token, json });
  expect(response.status).toBe(201);
  return todoSchema.parse(await response.json());
}

async function get(owner: TestUser, id: string): Promise<Response> {
  return api.call("GET", `/api/v1/todos/${id}`, { token: owner.token });
}

const UNKNOWN = "01a23005-f7bc-7696-9f2d-99bca01604fc";

describe("a todo's dueAt, priority, completedAt, project and labels", () => {
  it("defaults them on create: no due date, normal priority, no project, no labels, not completed", async () => {
    const alice = await api.createUser();
    const todo = await create(alice, { title: "a" });
    expect(todo).toMatchObject({
      dueAt: null,
      priority: "normal",
      projectId: null,
      labelIds: [],
      completedAt: null,
    });
  });

  it("stores what POST sends and answers it on every read: dueAt in UTC milliseconds, labelIds sorted", async () => {
    const alice = await api.createUser();
    const inbox = await project(alice);
    const [l1, l2] = [await label(alice), await label(alice)].sort().reverse() as [string, string];
    const todo = await create(alice, {
      title: "a",
      dueAt: "2026-12-24T18:30:00.123456+02:00",
      priority: "urgent",
      projectId: inbox.toUpperCase(),
      labelIds: [l1, l2],
    });
    expect(todo).toMatchObject({
      dueAt: "2026-12-24T16:30:00.123Z",
      priority: "urgent",
      projectId: inbox,
      labelIds: [l2, l1],
    });
    const read = todoSchema.parse(await (await get(alice, todo.id)).json());
    expect(read).toEqual(todo);
    const list = todoListSchema.parse(
      await (await api.call("GET", "/api/v1/todos", { token: alice.token })).json(),
    );
    expect(list.data).toEqual([todo]);
  });

  it("sets completedAt when completed becomes true, keeps it while true, clears it when false", async () => {
    const alice = await api.createUser();
    const todo = await create(alice, { title: "a", completed: true });
    expect(todo.completedAt).toEqual(todo.createdAt);
    const patch = async (json: Record<string, unknown>) =>
      todoSchema.parse(
        await (
          await api.call("PATCH", `/api/v1/todos/${todo.id}`, { token: alice.token, json })
        ).json(),
      );
    expect((await patch({ title: "b" })).completedAt).toBe(todo.completedAt);
    expect((await patch({ completed: true })).completedAt).toBe(todo.completedAt);
    expect((await patch({ completed: false })).completedAt).toBeNull();
    const again = await patch({ completed: true });
    expect(again.completedAt).toBe(again.updatedAt);
    expect(again.completedAt).not.toBe(todo.completedAt);
    // PUT: an omitted completed is false, so completedAt goes too.
    const put = await api.call("PUT", `/api/v1/todos/${todo.id}`, {
      token: alice.token,
      json: { title: "c" },
    });
    expect(todoSchema.parse(await put.json()).completedAt).toBeNull();
  });

  it("replaces the whole label set on PATCH, and bumps the version and ETag for any new field", async () => {
    const alice = await api.createUser();
    const [a, b, c] = [await label(alice), await label(alice), await label(alice)];
    const todo = await create(alice, { title: "t", labelIds: [a, b] });
    let version = todo.version;
    const changes: [Record<string, unknown>, Partial<Todo>][] = [
      [{ labelIds: [c, b] }, { labelIds: [b, c].sort() }],
      [{ labelIds: [] }, { labelIds: [] }],
      [{ priority: "low" }, { priority: "low" }],
      [{ dueAt: "2027-01-01T00:00:00Z" }, { dueAt: "2027-01-01T00:00:00.000Z" }],
      [{ dueAt: null }, { dueAt: null }],
      [{ projectId: await project(alice) }, {}],
      [{ projectId: null }, { projectId: null }],
    ];
    for (const [json, expected] of changes) {
      const response = await api.call("PATCH", `/api/v1/todos/${todo.id}`, {
        token: alice.token,
        json,
        headers: { "if-match": `"${version}"` },
      });
      expect(response.status, JSON.stringify(json)).toBe(200);
      const patched = todoSchema.parse(await response.json());
      expect(patched).toMatchObject({ ...json, ...expected, version: version + 1 });
      expect(response.headers.get("etag")).toBe(`"${version + 1}"`);
      version = patched.version;
    }
    const links = await db().select().from(todoLabels).where(eq(todoLabels.todoId, todo.id));
    expect(links).toEqual([]);
  });

  it("PUT without labelIds removes them, as every omitted field goes to its default", async () => {
    const alice = await api.createUser();
    const todo = await create(alice, {
      title: "t",
      labelIds: [await label(alice)],
      projectId: await project(alice),
      priority: "high",
      dueAt: "2027-01-01T00:00:00Z",
    });
    const response = await api.call("PUT", `/api/v1/todos/${todo.id}`, {
      token: alice.token,
      json: { title: "t" },
    });
    expect(todoSchema.parse(await response.json())).toMatchObject({
      labelIds: [],
      projectId: null,
      priority: "normal",
      dueAt: null,
    });
  });
});

describe("references to what is not the caller's", () => {
  // Every way a reference can fail to be the caller's, for each relationship field.
  type Kind = "unknown" | "another user's" | "soft-deleted" | "one of several";
  const cases: ["projectId" | "labelIds", Kind][] = [
    ["projectId", "unknown"],
    ["projectId", "another user's"],
    ["projectId", "soft-deleted"],
    ["labelIds", "unknown"],
    ["labelIds", "another user's"],
    ["labelIds", "one of several"],
  ];
  async function reference(field: "projectId" | "labelIds", kind: Kind, alice: TestUser) {
    const bob = await api.createUser();
    if (field === "projectId") {
      if (kind === "unknown") return UNKNOWN;
      return kind === "soft-deleted" ? project(alice, { deleted: true }) : project(bob);
    }
    if (kind === "unknown") return [UNKNOWN];
    if (kind === "another user's") return [await label(bob)];
    return [await label(alice), await label(bob)];
  }
  const methods = ["POST", "PUT", "PATCH"] as const;
  const table = methods.flatMap((method) =>
    cases.map(([field, kind]) => [method, field, kind] as const),
  );

  it.each(table)(
    "%s with %s %s is a 422 'does not exist', the same for every kind, and writes nothing",
    async (method, field, kind) => {
      const alice = await api.createUser();
      const existing = await create(alice, { title: "before", labelIds: [await label(alice)] });
      const linksBefore = await db().select().from(todoLabels);
      const value = await reference(field, kind, alice);
      const path = method === "POST" ? "/api/v1/todos" : `/api/v1/todos/${existing.id}`;
      const response = await api.call(method, path, {
        token: alice.token,
        json: { title: "after", [field]: value },
      });
      const problem = await expectProblem(response, 422, "validation-error");
      // Nothing that tells one kind from another: the same detail and errors for all of them.
      expect({ detail: problem.detail, errors: problem.errors }).toEqual({
        detail: `${field} does not exist`,
        errors: [{ path: field, message: "does not exist" }],
      });
      // Nothing written: no new todo, the todo as it was, its links as they were.
      const rows = await db().select().from(todos).where(eq(todos.userId, alice.id));
      expect(rows).toHaveLength(1);
      expect(todoSchema.parse(await (await get(alice, existing.id)).json())).toEqual(existing);
      expect(await db().select().from(todoLabels)).toEqual(linksBefore);
    },
  );

  it("answers a deleted account's write with references 401, not 422", async () => {
    const alice = await api.createUser();
    await db().delete(user).where(eq(user.id, alice.id));
    const response = await api.call("POST", "/api/v1/todos", {
      token: alice.token,
      json: { title: "t", projectId: UNKNOWN },
    });
    await expectProblem(response, 401, "unauthorized");
  });

  it("names both fields when both are not the caller's", async () => {
    const alice = await api.createUser();
    const response = await api.call("POST", "/api/v1/todos", {
      token: alice.token,
      json: { title: "t", projectId: UNKNOWN, labelIds: [UNKNOWN] },
    });
    const problem = await expectProblem(response, 422, "validation-error");
    expect(problem.errors).toEqual([
      { path: "projectId", message: "does not exist" },
      { path: "labelIds", message: "does not exist" },
    ]);
  });

  it("lets a todo join an archived project (archiving is not deleting)", async () => {
    const alice = await api.createUser();
    const archived = await project(alice);
    await db().update(projects).set({ archived: true }).where(eq(projects.id, archived));
    const todo = await create(alice, { title: "t", projectId: archived });
    expect(todo.projectId).toBe(archived);
  });

  // Filters by another user's, or an unknown, project or label: an empty list, never an error.
  const filters: [string, (bob: { project: string; label: string }) => string][] = [
    ["another user's project", (bob) => `projectId=${bob.project}`],
    ["an unknown project", () => `projectId=${UNKNOWN}`],
    ["another user's label", (bob) => `labelId=${bob.label}`],
    ["an unknown label", () => `labelId=${UNKNOWN}`],
    ["another user's label and one's own", (bob) => `labelId=${bob.label}&labelId=OWN`],
  ];
  it.each(filters)("a filter by %s is an empty list (200)", async (_, query) => {
    const alice = await api.createUser();
    const bob = await api.createUser();
    const own = await label(alice);
    await create(alice, { title: "mine", labelIds: [own] });
    const bobs = { project: await project(bob), label: await label(bob) };
    await create(bob, { title: "his", projectId: bobs.project, labelIds: [bobs.label] });
    const response = await api.call("GET", `/api/v1/todos?${query(bobs).replace("OWN", own)}`, {
      token: alice.token,
    });
    expect(response.status).toBe(200);
    expect(todoListSchema.parse(await response.json()).data).toEqual([]);
  });
});

describe("attaching while the label or project is deleted", () => {
  it("waits for a delete that locked the label first, then refuses the attach: no dangling link", async () => {
    const alice = await api.createUser();
    const doomed = await label(alice);
    const todo = await create(alice, { title: "t" });
    let attach: Promise<Response> | undefined;
    await db().transaction(async (tx) => {
      // What a label delete does first: lock the label.
      await tx.execute(sql`select 1 from ${labels} where ${labels.id} = ${doomed} for update`);
      attach = api.call("PATCH", `/api/v1/todos/${todo.id}`, {
        token: alice.token,
        json: { labelIds: [doomed] },
      });
      // The attach blocks on its FOR SHARE lock until this transaction ends.
      await new Promise((resolve) => setTimeout(resolve, 200));
      await tx.delete(labels).where(eq(labels.id, doomed));
    });
    const response = await attach;
    if (!response) throw new Error("no attach");
    await expectProblem(response, 422, "validation-error");
    expect(await db().select().from(todoLabels).where(eq(todoLabels.todoId, todo.id))).toEqual([]);
  });

  it("lets an attach that locked the project first commit; the delete then finds the todo attached", async () => {
    const alice = await api.createUser();
    const inbox = await project(alice);
    const todo = await create(alice, { title: "t" });
    // Many attaches racing one soft delete (and its detaching of the project's todos):
    // whichever order they take, no todo ends up pointing at the deleted project.
    const attaches = Array.from({ length: 5 }, () =>
      api.call("PATCH", `/api/v1/todos/${todo.id}`, {
        token: alice.token,
        json: { projectId: inbox },
      }),
    );
    await db().transaction(async (tx) => {
      await tx.update(projects).set({ deletedAt: sql`now()` }).where(eq(projects.id, inbox));
      await tx.update(todos).set({ projectId: null }).where(eq(todos.projectId, inbox));
    });
    const statuses = await Promise.all(attaches.map(async (r) => (await r).status));
    for (const status of statuses) expect([200, 422]).toContain(status);
    const [row] = await db().select().from(todos).where(eq(todos.id, todo.id));
    expect(row?.projectId).toBeNull();
  });
});

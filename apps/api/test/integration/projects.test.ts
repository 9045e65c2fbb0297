import { type Project, projectListSchema, projectSchema } from "@repo/contracts/project";
import { projects, todos, user } from "@repo/db/schema";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { purgeExpired } from "../../src/maintenance/purge";
import { useApi } from "../support/api";
import { expectProblem } from "../support/expect-problem";
import { insertTodo as insertTodoRow } from "../support/insert-todo";

const api = useApi();

async function createProject(token: string, json: unknown = { name: "Home" }): Promise<Project> {
  const response = await api.call("POST", "/api/v1/projects", { token, json });
  expect(response.status).toBe(201);
  return projectSchema.parse(await response.json());
}

const insertTodo = (userId: string, projectId: string, deleted = false) =>
  insertTodoRow(api.database.current.db, userId, { projectId, deleted });

describe("POST /api/v1/projects", () => {
  it("creates a project owned by the caller, with defaults, Location and ETag", async () => {
    const alice = await api.createUser();
    const response = await api.call("POST", "/api/v1/projects", {
      token: alice.token,
      json: { name: "  Home  " },
    });
    expect(response.status).toBe(201);
    const project = projectSchema.parse(await response.json());
    expect(project).toMatchObject({
      userId: alice.id,
      name: "Home",
      color: "gray",
      archived: false,
      version: 1,
    });
    expect(project.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/);
    expect(response.headers.get("location")).toBe(`/api/v1/projects/${project.id}`);
    expect(response.headers.get("etag")).toBe('"1"');
  });

  it("stores 100 code points of astral characters, and refuses 101", async () => {
    const alice = await api.createUser();
    const name = "😀".repeat(100);
    expect((await createProject(alice.token, { name })).name).toBe(name);
    const response = await api.call("POST", "/api/v1/projects", {
      token: alice.token,
      json: { name: "a".repeat(101) },
    });
    const problem = await expectProblem(response, 422, "validation-error");
    expect(problem.errors).toEqual([{ path: "name", message: "must be at most 100 characters" }]);
  });

  it.each([
    ["a colour outside the palette", { name: "a", color: "magenta" }, "color"],
    ["a colour in another case", { name: "a", color: "Red" }, "color"],
    ["an empty name", { name: "   " }, "name"],
    ["archived as a string", { name: "a", archived: "true" }, "archived"],
    ["an assigned id", { name: "a", id: "0193b6d2-7a4e-7c1a-9f0e-2b6d5f1e8a11" }, "id"],
    ["an assigned userId", { name: "a", userId: "someone" }, "userId"],
  ])("refuses %s with 422", async (_, json, path) => {
    const alice = await api.createUser();
    const response = await api.call("POST", "/api/v1/projects", { token: alice.token, json });
    const problem = await expectProblem(response, 422, "validation-error");
    expect(problem.errors?.map((e) => e.path)).toEqual([path]);
  });
});

describe("project names", () => {
  it("are unique per user ignoring case: 409 name-taken on create and on rename", async () => {
    const alice = await api.createUser();
    const bob = await api.createUser();
    await createProject(alice.token, { name: "Work" });
    const other = await createProject(alice.token, { name: "Play" });
    await expectProblem(
      await api.call("POST", "/api/v1/projects", { token: alice.token, json: { name: "wORK" } }),
      409,
      "name-taken",
    );
    for (const [method, json] of [
      ["PATCH", { name: "WORK" }],
      ["PUT", { name: "work" }],
    ] as const)
      await expectProblem(
        await api.call(method, `/api/v1/projects/${other.id}`, { token: alice.token, json }),
        409,
        "name-taken",
      );
    // Another user may use the same name; a project may change its own name's case.
    await createProject(bob.token, { name: "Work" });
    const renamed = await api.call("PATCH", `/api/v1/projects/${other.id}`, {
      token: alice.token,
      json: { name: "PLAY" },
    });
    expect((await renamed.json()).name).toBe("PLAY");
  });

  it("answers concurrent creates of one name with one 201 and 409s, never a 500", async () => {
    const alice = await api.createUser();
    const statuses = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        api
          .call("POST", "/api/v1/projects", {
            token: alice.token,
            json: { name: i % 2 ? "Inbox" : "INBOX" },
          })
          .then((r) => r.status),
      ),
    );
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(7);
  });

  it("are freed by a delete; restoring then is 409 name-taken and the project stays deleted", async () => {
    const alice = await api.createUser();
    const first = await createProject(alice.token, { name: "Garden" });
    await api.call("DELETE", `/api/v1/projects/${first.id}`, { token: alice.token });
    await createProject(alice.token, { name: "garden" });
    await expectProblem(
      await api.call("POST", `/api/v1/projects/${first.id}/restore`, { token: alice.token }),
      409,
      "name-taken",
    );
    await expectProblem(
      await api.call("GET", `/api/v1/projects/${first.id}`, { token: alice.token }),
      404,
      "not-found",
    );
  });
});

describe("GET, PUT, PATCH /api/v1/projects/{id}", () => {
  it("reads, replaces (omitted fields back to defaults) and patches, each a new version", async () => {
    const alice = await api.createUser();
    const project = await createProject(alice.token, { name: "a", color: "red", archived: true });
    const read = await api.call("GET", `/api/v1/projects/${project.id}`, { token: alice.token });
    expect(await read.json()).toEqual(project);
    expect(read.headers.get("etag")).toBe('"1"');

    const put = await api.call("PUT", `/api/v1/projects/${project.id}`, {
      token: alice.token,
      json: { name: "b" },
    });
    expect(await put.json()).toMatchObject({
      name: "b",
      color: "gray",
      archived: false,
      version: 2,
    });
    const patch = await api.call("PATCH", `/api/v1/projects/${project.id}`, {
      token: alice.token,
      json: { archived: true },
      headers: { "content-type": "application/merge-patch+json" },
    });
    expect(patch.headers.get("etag")).toBe('"3"');
    expect(await patch.json()).toMatchObject({ name: "b", color: "gray", archived: true });
    await expectProblem(
      await api.call("PATCH", `/api/v1/projects/${project.id}`, { token: alice.token, json: {} }),
      422,
      "validation-error",
    );
  });

  it.each([
    ["an unknown id", "0193b6d2-7a4e-7c1a-9f0e-2b6d5f1e8a11"],
    ["a malformed id", "not-a-uuid"],
  ])("answers 404 for %s", async (_, id) => {
    const alice = await api.createUser();
    await expectProblem(
      await api.call("GET", `/api/v1/projects/${id}`, { token: alice.token }),
      404,
      "not-found",
    );
  });
});

describe("DELETE /api/v1/projects/{id} and restore", () => {
  it("detaches every todo of the project (deleted ones too) with a new version, atomically", async () => {
    const alice = await api.createUser();
    const project = await createProject(alice.token);
    const other = await createProject(alice.token, { name: "Other" });
    const live = await insertTodo(alice.id, project.id);
    const deleted = await insertTodo(alice.id, project.id, true);
    const elsewhere = await insertTodo(alice.id, other.id);

    const response = await api.call("DELETE", `/api/v1/projects/${project.id}`, {
      token: alice.token,
    });
    expect(response.status).toBe(204);
    const { db } = api.database.current;
    const after = await db.select().from(todos).where(eq(todos.userId, alice.id));
    const byId = new Map(after.map((t) => [t.id, t]));
    for (const todo of [live, deleted]) {
      expect(byId.get(todo.id)?.projectId).toBeNull();
      expect(byId.get(todo.id)?.version).toBe(todo.version + 1);
    }
    expect(byId.get(elsewhere.id)).toMatchObject({ projectId: other.id, version: 1 });
    await expectProblem(
      await api.call("GET", `/api/v1/projects/${project.id}`, { token: alice.token }),
      404,
    );
  });

  it("detaches nothing when the delete fails: a failing detach rolls the project back too", async () => {
    const alice = await api.createUser();
    const project = await createProject(alice.token);
    const todo = await insertTodo(alice.id, project.id);
    const { db } = api.database.current;
    // Make the detach (the transaction's second statement) fail, as a crash between the two would.
    await db.execute(sql`create function refuse_detach() returns trigger language plpgsql as
      $$ begin raise exception 'detach refused'; end $$`);
    await db.execute(sql`create trigger refuse_detach before update on todos
      for each row when (new.project_id is null) execute function refuse_detach()`);
    try {
      const response = await api.call("DELETE", `/api/v1/projects/${project.id}`, {
        token: alice.token,
      });
      expect(response.status).toBe(500);
    } finally {
      await db.execute(sql`drop trigger refuse_detach on todos`);
      await db.execute(sql`drop function refuse_detach()`);
    }
    const [still] = await db.select().from(projects).where(eq(projects.id, project.id));
    expect(still).toMatchObject({ deletedAt: null, version: 1 });
    const [kept] = await db.select().from(todos).where(eq(todos.id, todo.id));
    expect(kept).toMatchObject({ projectId: project.id, version: 1 });
  });

  it("restores the project empty, as a new version; restoring a live one returns it unchanged", async () => {
    const alice = await api.createUser();
    const project = await createProject(alice.token);
    const todo = await insertTodo(alice.id, project.id);
    await api.call("DELETE", `/api/v1/projects/${project.id}`, { token: alice.token });
    const restored = await api.call("POST", `/api/v1/projects/${project.id}/restore`, {
      token: alice.token,
    });
    expect(restored.status).toBe(200);
    expect(await restored.json()).toMatchObject({ id: project.id, version: 3 });
    expect(restored.headers.get("etag")).toBe('"3"');
    const [detached] = await api.database.current.db
      .select()
      .from(todos)
      .where(eq(todos.id, todo.id));
    expect(detached?.projectId).toBeNull();
    const again = await api.call("POST", `/api/v1/projects/${project.id}/restore`, {
      token: alice.token,
    });
    expect((await again.json()).version).toBe(3);
  });

  it("refuses a delete whose If-Match is stale with 412 and changes nothing", async () => {
    const alice = await api.createUser();
    const project = await createProject(alice.token);
    await api.call("PATCH", `/api/v1/projects/${project.id}`, {
      token: alice.token,
      json: { color: "blue" },
    });
    await expectProblem(
      await api.call("DELETE", `/api/v1/projects/${project.id}`, {
        token: alice.token,
        headers: { "if-match": '"1"' },
      }),
      412,
      "precondition-failed",
    );
    const ok = await api.call("DELETE", `/api/v1/projects/${project.id}`, {
      token: alice.token,
      headers: { "if-match": '"2"' },
    });
    expect(ok.status).toBe(204);
  });
});

describe("the purge", () => {
  it("removes projects deleted over 30 days ago, and keeps recent and live ones", async () => {
    const alice = await api.createUser();
    const { db } = api.database.current;
    const [old, recent, live] = [
      await createProject(alice.token, { name: "old" }),
      await createProject(alice.token, { name: "recent" }),
      await createProject(alice.token, { name: "live" }),
    ];
    for (const project of [old, recent])
      await api.call("DELETE", `/api/v1/projects/${project.id}`, { token: alice.token });
    await db
      .update(projects)
      .set({ deletedAt: sql`now() - interval '31 days'` })
      .where(eq(projects.id, old.id));
    const purged = await purgeExpired(db);
    expect(purged.projects).toBeGreaterThanOrEqual(1);
    const remaining = await db
      .select({ id: projects.id })
      .from(projects)
      .where(eq(projects.userId, alice.id));
    expect(remaining.map((r) => r.id).sort()).toEqual([recent.id, live.id].sort());
  });
});

describe("GET /api/v1/projects", () => {
  it("lists the caller's live projects by name ignoring case, filtered by archived", async () => {
    const alice = await api.createUser();
    const bob = await api.createUser();
    for (const name of ["banana", "Apple", "cherry"]) await createProject(alice.token, { name });
    const gone = await createProject(alice.token, { name: "aardvark" });
    await api.call("DELETE", `/api/v1/projects/${gone.id}`, { token: alice.token });
    await createProject(alice.token, { name: "Archive", archived: true });
    await createProject(bob.token, { name: "bob's" });

    const all = projectListSchema.parse(
      await (await api.call("GET", "/api/v1/projects", { token: alice.token })).json(),
    );
    expect(all.data.map((p) => p.name)).toEqual(["Apple", "Archive", "banana", "cherry"]);
    const archived = await api.call("GET", "/api/v1/projects?archived=true", {
      token: alice.token,
    });
    expect((await archived.json()).data.map((p: Project) => p.name)).toEqual(["Archive"]);
    const active = await api.call("GET", "/api/v1/projects?archived=false&sort=-createdAt", {
      token: alice.token,
    });
    expect((await active.json()).data.map((p: Project) => p.name)).toEqual([
      "cherry",
      "Apple",
      "banana",
    ]);
  });
});

describe("a valid token whose user no longer exists", () => {
  it("gets a 401 on every project and label route, reads included", async () => {
    const alice = await api.createUser();
    const project = await createProject(alice.token);
    await api.database.current.db.delete(user).where(eq(user.id, alice.id));
    const writes: [string, string, unknown][] = [
      ["GET", "/api/v1/projects", undefined],
      ["GET", "/api/v1/labels", undefined],
      ["GET", `/api/v1/projects/${project.id}`, undefined],
      ["POST", "/api/v1/projects", { name: "x" }],
      ["POST", "/api/v1/labels", { name: "x" }],
      ["PUT", `/api/v1/projects/${project.id}`, { name: "x" }],
      ["PATCH", `/api/v1/projects/${project.id}`, { name: "x" }],
      ["DELETE", `/api/v1/projects/${project.id}`, undefined],
      ["POST", `/api/v1/projects/${project.id}/restore`, undefined],
    ];
    for (const [method, path, json] of writes)
      await expectProblem(
        await api.call(method, path, { token: alice.token, json }),
        401,
        "unauthorized",
      );
  });
});

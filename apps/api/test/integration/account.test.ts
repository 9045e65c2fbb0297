import { accountExportSchema } from "@repo/contracts/me";
import { todoSchema } from "@repo/contracts/todo";
import { account, labels, projects, session, todos, user, verification } from "@repo/db/schema";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { type TestUser, useApi } from "../support/api";
import { expectProblem } from "../support/expect-problem";

const api = useApi();
const db = () => api.database.current.db;
const nowSeconds = () => Math.floor(Date.now() / 1000);

/** A token of `user`'s issued `age` seconds ago (and valid for 15 minutes from then). */
const tokenAged = (user: TestUser, age: number) =>
  api.issuer().token(user.id, { iat: nowSeconds() - age, exp: nowSeconds() - age + 900 });

/** POST `path` as `owner`, answering the created resource's JSON. */
async function post(owner: TestUser, path: string, json: unknown, key?: string) {
  const response = await api.call("POST", path, {
    token: owner.token,
    json,
    ...(key ? { headers: { "idempotency-key": key } } : {}),
  });
  expect(response.status, `POST ${path}`).toBe(201);
  return (await response.json()) as { id: string } & Record<string, unknown>;
}

/**
 * A user with one of everything the schema can hold for them, through the API: todos (one
 * soft-deleted, one in a project and carrying a label), projects (one soft-deleted), a label, an
 * idempotency key and the live counts; and, as Better Auth would write them, a session, an
 * account and a pending password-reset link.
 */
async function userWithEverything() {
  const owner = await api.createUser();
  await post(owner, "/api/v1/todos", { title: "live" }, "key-1");
  const gone = await post(owner, "/api/v1/todos", { title: "deleted" });
  await api.call("DELETE", `/api/v1/todos/${gone.id}`, { token: owner.token });
  const project = await post(owner, "/api/v1/projects", { name: "Home" });
  const oldProject = await post(owner, "/api/v1/projects", { name: "Old" });
  await api.call("DELETE", `/api/v1/projects/${oldProject.id}`, { token: owner.token });
  const label = await post(owner, "/api/v1/labels", { name: "urgent", color: "red" });
  const todo = await post(owner, "/api/v1/todos", {
    title: "in a project",
    projectId: project.id,
    labelIds: [label.id],
  });
  const later = new Date(Date.now() + 3_600_000);
  await db()
    .insert(session)
    .values({
      id: `s-${owner.id}`,
      token: `t-${owner.id}`,
      expiresAt: later,
      updatedAt: new Date(),
      userId: owner.id,
    });
  await db()
    .insert(account)
    .values({
      id: `a-${owner.id}`,
      accountId: owner.id,
      providerId: "credential",
      userId: owner.id,
      updatedAt: new Date(),
    });
  await db()
    .insert(verification)
    .values({
      id: `v-${owner.id}`,
      identifier: `reset-password:${owner.id}-token`,
      value: owner.id,
      expiresAt: later,
    });
  return { ...owner, todoId: todo.id, projectId: project.id, labelId: label.id };
}

/**
 * For every table of the database, how many rows mention `text` anywhere (the row as text):
 * whatever a future table keeps of a user, this finds it.
 */
async function rowsMentioning(text: string): Promise<Record<string, number>> {
  const tables = await db().execute<{ name: string }>(
    sql`select table_name as name from information_schema.tables
        where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
  );
  const counts: Record<string, number> = {};
  for (const { name } of tables.rows) {
    const found = await db().execute<{ n: number }>(
      sql`select count(*)::int as n from ${sql.identifier(name)} t where strpos(t::text, ${text}) > 0`,
    );
    counts[name] = found.rows[0]?.n ?? 0;
  }
  return counts;
}

const nonZero = (counts: Record<string, number>) =>
  Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0));

/** Every authenticated route, each with a body it accepts. */
function everyRoute(ids: { todoId: string; projectId: string; labelId: string }) {
  const routes: [string, string, unknown][] = [
    ["GET", "/api/v1/me", undefined],
    ["GET", "/api/v1/me/export", undefined],
    ["DELETE", "/api/v1/me", undefined],
  ];
  const resources = [
    ["todos", ids.todoId, { title: "x" }],
    ["projects", ids.projectId, { name: "x" }],
    ["labels", ids.labelId, { name: "x" }],
  ] as const;
  for (const [plural, id, body] of resources) {
    routes.push(
      ["GET", `/api/v1/${plural}`, undefined],
      ["POST", `/api/v1/${plural}`, body],
      ["GET", `/api/v1/${plural}/${id}`, undefined],
      ["PUT", `/api/v1/${plural}/${id}`, body],
      ["PATCH", `/api/v1/${plural}/${id}`, body],
      ["DELETE", `/api/v1/${plural}/${id}`, undefined],
    );
    if (plural !== "labels") routes.push(["POST", `/api/v1/${plural}/${id}/restore`, undefined]);
  }
  return routes;
}

describe("DELETE /api/v1/me", () => {
  it("with a token issued just now: 204, and nothing of the user is left in any table", async () => {
    const alice = await userWithEverything();
    const bob = await userWithEverything();
    const before = nonZero(await rowsMentioning(alice.id));
    // The seed reaches every table that can hold a user's rows, so the check below means something.
    expect(Object.keys(before).sort()).toEqual([
      "account",
      "idempotency_keys",
      "label_counts",
      "labels",
      "project_counts",
      "projects",
      "session",
      "todo_counts",
      "todo_labels",
      "todos",
      "user",
      "verification",
    ]);
    const bobsBefore = await rowsMentioning(bob.id);

    const response = await api.call("DELETE", "/api/v1/me", { token: alice.token });
    expect(response.status).toBe(204);
    expect(await response.text()).toBe("");

    expect(nonZero(await rowsMentioning(alice.id))).toEqual({});
    expect(nonZero(await rowsMentioning(`${alice.id}@example.test`))).toEqual({});
    expect(await rowsMentioning(bob.id)).toEqual(bobsBefore);
    const bobsList = await api.call("GET", "/api/v1/todos", { token: bob.token });
    expect((await bobsList.json()).data).toHaveLength(2);
  });

  it("afterwards every token of the user gets 401 unauthorized on every route, one minted after included", async () => {
    const alice = await userWithEverything();
    expect((await api.call("DELETE", "/api/v1/me", { token: alice.token })).status).toBe(204);

    const tokens = {
      "the token that deleted it": alice.token,
      "a token minted after": await api.issuer().token(alice.id),
      "a token issued 10 minutes ago": await tokenAged(alice, 600),
    };
    for (const [which, token] of Object.entries(tokens))
      for (const [method, path, json] of everyRoute(alice)) {
        const response = await api.call(method, path, { token, json });
        expect(response.status, `${which}: ${method} ${path}`).toBe(401);
        expect(response.headers.get("www-authenticate")).toBe(
          'Bearer realm="todo-api", error="invalid_token"',
        );
        await expectProblem(response, 401, "unauthorized");
      }
  });

  it("with a token issued more than 5 minutes (and the clock tolerance) ago: 401 reauthentication-required, nothing deleted", async () => {
    const alice = await userWithEverything();
    const before = await rowsMentioning(alice.id);

    // 300 s, plus the verifier's 30 s of clock tolerance, plus 5 s of margin.
    const response = await api.call("DELETE", "/api/v1/me", {
      token: await tokenAged(alice, 335),
    });
    const problem = await expectProblem(response, 401, "reauthentication-required");
    expect(problem.title).toBe("Reauthentication required");
    expect(response.headers.get("www-authenticate")).toBe(
      'Bearer realm="todo-api", error="insufficient_user_authentication", max_age=300',
    );
    expect(await rowsMentioning(alice.id)).toEqual(before);
    // The same token still reads: only the deletion asks for a recent sign-in.
    expect(
      (await api.call("GET", "/api/v1/me", { token: await tokenAged(alice, 335) })).status,
    ).toBe(200);
  });

  it("accepts a token issued 5 minutes ago, within the clock tolerance", async () => {
    const alice = await api.createUser();
    const response = await api.call("DELETE", "/api/v1/me", { token: await tokenAged(alice, 320) });
    expect(response.status).toBe(204);
    expect(await db().select().from(user).where(eq(user.id, alice.id))).toEqual([]);
  });
});

describe("GET /api/v1/me/export", () => {
  it("is exactly the caller's rows, soft-deleted ones included, as an attachment", async () => {
    const alice = await userWithEverything();
    const bob = await userWithEverything();

    const response = await api.call("GET", "/api/v1/me/export", { token: alice.token });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(response.headers.get("content-disposition")).toMatch(
      /^attachment; filename="todo-export-\d{4}-\d{2}-\d{2}\.json"$/,
    );
    const text = await response.text();
    for (const bobs of [bob.id, bob.todoId, bob.projectId, bob.labelId])
      expect(text).not.toContain(bobs);
    const document = accountExportSchema.parse(JSON.parse(text));

    expect(document.user).toEqual({
      id: alice.id,
      email: `${alice.id}@example.test`,
      name: alice.id,
    });
    expect(Math.abs(Date.parse(document.exportedAt) - Date.now())).toBeLessThan(60_000);

    // Every row of hers, deleted ones included, in id order; a live one exactly as its route answers it.
    const tables = [
      ["todos", todos, document.todos],
      ["projects", projects, document.projects],
      ["labels", labels, document.labels],
    ] as const;
    for (const [plural, table, exported] of tables) {
      const rows = await db().select().from(table).where(eq(table.userId, alice.id));
      expect(exported.map((row) => row.id)).toEqual(rows.map((row) => row.id).sort());
      for (const row of rows) {
        const deletedAt = "deletedAt" in row ? row.deletedAt : null;
        const item = exported.find((candidate) => candidate.id === row.id);
        if ("deletedAt" in row)
          expect(item && "deletedAt" in item ? item.deletedAt : undefined).toBe(
            deletedAt?.toISOString() ?? null,
          );
        if (deletedAt) continue;
        const live = await api.call("GET", `/api/v1/${plural}/${row.id}`, { token: alice.token });
        const { deletedAt: _, ...answered } = item as { deletedAt?: unknown };
        expect(answered, `${plural} ${row.id}`).toEqual(await live.json());
      }
    }
    expect(document.todos.filter((todo) => todo.deletedAt !== null)).toHaveLength(1);
    expect(document.projects.filter((project) => project.deletedAt !== null)).toHaveLength(1);
    expect(document.todos.find((todo) => todo.id === alice.todoId)).toMatchObject({
      projectId: alice.projectId,
      labelIds: [alice.labelId],
    });
  });

  it("reads every row of a user with several batches of todos, each once, in id order", async () => {
    const alice = await api.createUser();
    const count = 450; // more than two batches of 200
    await db()
      .insert(todos)
      .values(Array.from({ length: count }, (_, i) => ({ userId: alice.id, title: `todo ${i}` })));
    const response = await api.call("GET", "/api/v1/me/export", { token: alice.token });
    const document = accountExportSchema.parse(await response.json());
    const ids = document.todos.map((todo) => todo.id);
    expect(ids).toHaveLength(count);
    expect(ids).toEqual([...ids].sort());
    expect(new Set(ids).size).toBe(count);
  });

  it("streams from one snapshot: the response starts while its transaction is open, and a todo created meanwhile is not in it", async () => {
    const alice = await api.createUser();
    const count = 3_000; // about 600 KB of JSON: many chunks of 64 KiB
    await db()
      .insert(todos)
      .values(
        Array.from({ length: count }, (_, i) => ({
          userId: alice.id,
          title: `todo ${i} ${"x".repeat(100)}`,
        })),
      );
    const openExports = async () => {
      const found = await db().execute<{ n: number }>(
        sql`select count(*)::int as n from pg_stat_activity
            where datname = current_database() and pid <> pg_backend_pid()
              and state = 'idle in transaction'`,
      );
      return found.rows[0]?.n ?? 0;
    };

    // Not api.call: its conformance check would read the whole body first.
    const response = await api.send(
      new Request("http://localhost:3001/api/v1/me/export", {
        headers: { authorization: `Bearer ${alice.token}` },
      }),
    );
    expect(response.status).toBe(200);
    const reader = response.body?.getReader();
    if (!reader) throw new Error("no body");
    const decoder = new TextDecoder();
    const first = await reader.read();
    let text = decoder.decode(first.value, { stream: true });
    expect(text.length).toBeGreaterThan(0);

    // The export waits for this reader, its transaction open, instead of reading ahead.
    await expect.poll(openExports, { timeout: 5_000 }).toBe(1);
    const late = await api.call("POST", "/api/v1/todos", {
      token: alice.token,
      json: { title: "created during the export" },
    });
    const lateTodo = todoSchema.parse(await late.json());

    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read())
      text += decoder.decode(chunk.value, { stream: true });
    text += decoder.decode();
    expect(first.value?.length ?? 0).toBeLessThan(text.length / 4);
    const document = accountExportSchema.parse(JSON.parse(text));
    expect(document.todos).toHaveLength(count);
    expect(document.todos.map((todo) => todo.id)).not.toContain(lateTodo.id);
    await expect.poll(openExports, { timeout: 5_000 }).toBe(0);
  });

  it("a HEAD opens no transaction", async () => {
    const alice = await api.createUser();
    const response = await api.call("HEAD", "/api/v1/me/export", { token: alice.token });
    expect(response.status).toBe(200);
    const open = await db().execute<{ n: number }>(
      sql`select count(*)::int as n from pg_stat_activity
          where datname = current_database() and pid <> pg_backend_pid() and xact_start is not null`,
    );
    expect(open.rows[0]?.n).toBe(0);
  });
});

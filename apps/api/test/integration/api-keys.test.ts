import { createHash } from "node:crypto";
import { apikey, deviceCode, user } from "@repo/db/schema";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { CHALLENGE } from "../../src/http/authenticate";
import { requiredScope } from "../../src/http/scopes";
import { operations } from "../../src/operations";
import { type TestUser, useApi } from "../support/api";
import { expectProblem } from "../support/expect-problem";

const api = useApi();

const scopeChallenge = (scope: string) =>
  `Bearer realm="todo-api", error="insufficient_scope", scope="${scope}"`;

/** A user with one todo, one project and one label, made with the user's JWT. */
async function userWithData() {
  const owner = await api.createUser();
  const post = async (path: string, json: object) =>
    (await (await api.call("POST", path, { token: owner.token, json })).json()) as { id: string };
  const ids = {
    todos: (await post("/api/v1/todos", { title: "keep me" })).id,
    projects: (await post("/api/v1/projects", { name: "Home" })).id,
    labels: (await post("/api/v1/labels", { name: "urgent" })).id,
  };
  return { owner, ids };
}

/** Every bearer operation, by the scope an API key needs for it, with a path to call it on. */
function bearerOperations(ids: Record<"todos" | "projects" | "labels", string>) {
  return operations
    .filter((operation) => operation.auth === "bearer")
    .map((operation) => ({
      method: operation.method,
      scope: requiredScope(operation),
      path: operation.path.replace(/\/api\/v1\/(todos|projects|labels)\/\{id\}/, (_, kind) => {
        return `/api/v1/${kind}/${ids[kind as keyof typeof ids]}`;
      }),
    }));
}

/** What the user owns, as the export reads it (versions included): to show nothing changed. */
async function snapshot(owner: TestUser) {
  const response = await api.call("GET", "/api/v1/me/export", { token: owner.token });
  const { exportedAt: _, ...owned } = await response.json();
  return JSON.stringify(owned);
}

describe("a personal API key", () => {
  it("with todos:read reads todos, projects, labels and the account", async () => {
    const { owner, ids } = await userWithData();
    const { key } = await api.createApiKey(owner.id, ["todos:read"]);
    for (const { method, path } of bearerOperations(ids).filter((o) => o.method === "GET")) {
      const response = await api.call(method, path, { token: key });
      expect(response.status, `${method} ${path}`).toBe(200);
      await response.body?.cancel();
    }
    const list = await (await api.call("GET", "/api/v1/todos", { token: key })).json();
    expect(list.data.map((todo: { id: string }) => todo.id)).toEqual([ids.todos]);
  });

  it("with todos:read only gets 403 insufficient_scope on every write, and nothing changes", async () => {
    const { owner, ids } = await userWithData();
    const { key } = await api.createApiKey(owner.id, ["todos:read"]);
    const before = await snapshot(owner);
    const writes = bearerOperations(ids).filter((o) => o.scope === "todos:write");
    // POST, PUT, PATCH, DELETE of todos, projects and labels, and restoring a todo or project.
    expect(writes).toHaveLength(14);
    for (const { method, path } of writes) {
      const response = await api.call(method, path, {
        token: key,
        json: { title: "changed", name: "changed" },
      });
      const problem = await expectProblem(response, 403, "insufficient-scope");
      expect(response.headers.get("www-authenticate"), `${method} ${path}`).toBe(
        scopeChallenge("todos:write"),
      );
      expect(problem.detail).toContain("todos:write");
    }
    expect(await snapshot(owner)).toBe(before);
  });

  it("with todos:write only writes but gets 403 scope=todos:read on every read", async () => {
    const { owner, ids } = await userWithData();
    const { key } = await api.createApiKey(owner.id, ["todos:write"]);
    for (const { method, path } of bearerOperations(ids).filter((o) => o.method === "GET")) {
      const response = await api.call(method, path, { token: key });
      await expectProblem(response, 403, "insufficient-scope");
      expect(response.headers.get("www-authenticate"), `${method} ${path}`).toBe(
        scopeChallenge("todos:read"),
      );
    }
    const created = await api.call("POST", "/api/v1/todos", {
      token: key,
      json: { title: "from a key" },
    });
    expect(created.status).toBe(201);
    const patched = await api.call("PATCH", `/api/v1/todos/${ids.todos}`, {
      token: key,
      json: { completed: true },
    });
    expect(patched.status).toBe(200);
  });

  it("with both scopes still cannot delete the account: 403 scope=account:delete", async () => {
    const owner = await api.createUser();
    const { key } = await api.createApiKey(owner.id, ["todos:read", "todos:write"]);
    const response = await api.call("DELETE", "/api/v1/me", { token: key });
    await expectProblem(response, 403, "insufficient-scope");
    expect(response.headers.get("www-authenticate")).toBe(scopeChallenge("account:delete"));
    const [row] = await api.database.current.db.select().from(user).where(eq(user.id, owner.id));
    expect(row?.id).toBe(owner.id);
  });

  it("reaches only its own user's data", async () => {
    const alice = await userWithData();
    const bob = await userWithData();
    const { key } = await api.createApiKey(alice.owner.id, ["todos:read", "todos:write"]);
    for (const kind of ["todos", "projects", "labels"] as const) {
      const get = await api.call("GET", `/api/v1/${kind}/${bob.ids[kind]}`, { token: key });
      await expectProblem(get, 403, "forbidden");
      const del = await api.call("DELETE", `/api/v1/${kind}/${bob.ids[kind]}`, { token: key });
      await expectProblem(del, 403, "forbidden");
      const list = await (await api.call("GET", `/api/v1/${kind}`, { token: key })).json();
      expect(list.data.map((item: { id: string }) => item.id)).toEqual([alice.ids[kind]]);
    }
    const me = await (await api.call("GET", "/api/v1/me", { token: key })).json();
    expect(me).toEqual({
      id: alice.owner.id,
      email: `${alice.owner.id}@example.test`,
      name: alice.owner.id,
    });
  });

  it.each([
    ["unknown", async () => `todo_${"x".repeat(64)}`],
    [
      "expired",
      async (owner: TestUser) => {
        const created = await api.createApiKey(owner.id, ["todos:read"]);
        await api.database.current.db
          .update(apikey)
          .set({ expiresAt: new Date(Date.now() - 1_000) })
          .where(eq(apikey.id, created.id));
        return created.key;
      },
    ],
    [
      "disabled",
      async (owner: TestUser) => {
        const created = await api.createApiKey(owner.id, ["todos:read"]);
        await api.database.current.db
          .update(apikey)
          .set({ enabled: false })
          .where(eq(apikey.id, created.id));
        return created.key;
      },
    ],
    [
      "deleted user's",
      async (owner: TestUser) => {
        const created = await api.createApiKey(owner.id, ["todos:read"]);
        await api.database.current.db.delete(user).where(eq(user.id, owner.id));
        return created.key;
      },
    ],
  ])("that is %s gets 401 invalid_token", async (_, keyFor) => {
    const key = await keyFor(await api.createUser());
    const response = await api.call("GET", "/api/v1/todos", { token: key });
    const problem = await expectProblem(response, 401, "unauthorized");
    expect(response.headers.get("www-authenticate")).toBe(`${CHALLENGE}, error="invalid_token"`);
    expect(JSON.stringify(problem)).not.toContain(key);
  });
});

describe("DELETE /api/v1/me/api-key", () => {
  it("revokes the key it is called with, whatever its scopes; the key then gets 401", async () => {
    const owner = await api.createUser();
    const { id, key } = await api.createApiKey(owner.id, ["todos:read"]);
    const other = await api.createApiKey(owner.id, ["todos:read"]);
    expect((await api.call("GET", "/api/v1/todos", { token: key })).status).toBe(200);
    const revoked = await api.call("DELETE", "/api/v1/me/api-key", { token: key });
    expect(revoked.status).toBe(204);
    const rows = await api.database.current.db
      .select({ id: apikey.id })
      .from(apikey)
      .where(eq(apikey.referenceId, owner.id));
    expect(rows.map((row) => row.id)).toEqual([other.id]);
    expect(rows.map((row) => row.id)).not.toContain(id);
    // At once on the instance that revoked it (it forgets its cached verification).
    await expectProblem(await api.call("GET", "/api/v1/todos", { token: key }), 401);
    expect((await api.call("GET", "/api/v1/todos", { token: other.key })).status).toBe(200);
  });

  it("answers 404 to a JWT, which is no API key", async () => {
    const owner = await api.createUser();
    const response = await api.call("DELETE", "/api/v1/me/api-key", { token: owner.token });
    const problem = await expectProblem(response, 404, "not-found");
    expect(problem.detail).toBe("This request is not authenticated with an API key.");
  });
});

describe("DELETE /api/v1/me with the user's JWT", () => {
  it("deletes the user's API keys and device codes in the same transaction", async () => {
    const owner = await api.createUser();
    const bystander = await api.createUser();
    const { key } = await api.createApiKey(owner.id, ["todos:read"]);
    const kept = await api.createApiKey(bystander.id, ["todos:read"]);
    const { db } = api.database.current;
    // A device login the user approved (Better Auth's device plugin writes this row).
    await db.insert(deviceCode).values({
      id: `device-${owner.id}`,
      deviceCode: `dc-${owner.id}`,
      userCode: `UC${owner.id.slice(-6)}`,
      userId: owner.id,
      expiresAt: new Date(Date.now() + 600_000),
      status: "approved",
      clientId: "todo-cli",
    });
    expect((await api.call("DELETE", "/api/v1/me", { token: owner.token })).status).toBe(204);
    expect(await db.select().from(apikey).where(eq(apikey.referenceId, owner.id))).toEqual([]);
    expect(await db.select().from(deviceCode).where(eq(deviceCode.userId, owner.id))).toEqual([]);
    await expectProblem(await api.call("GET", "/api/v1/todos", { token: key }), 401);
    expect((await api.call("GET", "/api/v1/todos", { token: kept.key })).status).toBe(200);
  });
});

describe("an API key after its creation", () => {
  it("appears in no log line and no response, neither as plaintext nor as its stored hash", async () => {
    const owner = await api.createUser();
    const { key } = await api.createApiKey(owner.id, ["todos:read", "todos:write"]);
    const hash = createHash("sha256").update(key).digest("base64url");
    const [stored] = await api.database.current.db
      .select({ key: apikey.key })
      .from(apikey)
      .where(eq(apikey.key, hash));
    expect(stored?.key).toBe(hash); // the hash is what Better Auth stores
    api.logs.length = 0;
    const bodies: string[] = [];
    const send = async (method: string, path: string, token: string, json?: object) => {
      const response = await api.call(method, path, { token, ...(json ? { json } : {}) });
      bodies.push(JSON.stringify([...response.headers]), await response.text());
      return response;
    };
    await send("POST", "/api/v1/todos", key, { title: "t" });
    await send("GET", "/api/v1/todos", key);
    await send("GET", "/api/v1/me", key);
    await send("GET", "/api/v1/me/export", key);
    await send("DELETE", "/api/v1/me", key);
    await send("GET", "/api/v1/todos", `${key}x`);
    await send("DELETE", "/api/v1/me/api-key", key);
    await send("GET", "/api/v1/todos", key);
    expect(api.logs.length).toBeGreaterThanOrEqual(8);
    const seen = [...api.logs, ...bodies].join("\n");
    for (const secret of [key, key.slice(5), hash]) expect(seen).not.toContain(secret);
  });
});

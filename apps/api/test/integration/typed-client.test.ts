import {
  ApiProblemError,
  createTodoClient,
  type FetchLike,
  type Todo,
  type TodoClientOptions,
} from "@repo/api-client";
import { describe, expect, it, vi } from "vitest";
import { type TestUser, useApi } from "../support/api";

const api = useApi();
const problemType = (code: string) => `urn:todo-api:problem:${code}`;

/** Every request the client sent, for what the API cannot show (e.g. the PATCH content type). */
const sent: Request[] = [];

// The client's fetch, routed to the real API pipeline (in-process, or over HTTP to a host).
const inProcess: FetchLike = async (input, init) => {
  const request = new Request(input, init);
  sent.push(request.clone());
  return api.send(request);
};

const clientFor = (user: TestUser, options: Partial<TodoClientOptions> = {}) =>
  createTodoClient({
    baseUrl: "http://localhost:3001",
    getToken: () => user.token,
    fetch: inProcess,
    ...options,
  });

async function aliceClient() {
  const alice = await api.createUser();
  return { alice, client: clientFor(alice) };
}

/** The ApiProblemError a call rejects with (the test fails if it resolves or throws another). */
async function problemOf(promise: Promise<unknown>): Promise<ApiProblemError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiProblemError);
  return error as ApiProblemError;
}

describe("@repo/api-client against the real API", () => {
  it("create with the same idempotency key twice returns the same todo and creates one", async () => {
    const { client } = await aliceClient();
    const first = await client.create({ title: "Buy milk" }, { idempotencyKey: "typed-1" });
    const retry = await client.create({ title: "Buy milk" }, { idempotencyKey: "typed-1" });

    expect(first).toEqual({ todo: expect.objectContaining({ title: "Buy milk" }), etag: '"1"' });
    expect(retry).toEqual(first);
    expect((await client.list()).data.map((todo) => todo.id)).toEqual([first.todo.id]);
  });

  it("list applies completed, q and sort; listAll follows nextCursor to every todo once", async () => {
    const { client } = await aliceClient();
    const created: Todo[] = [];
    for (const [title, completed] of [
      ["Alpha one", true],
      ["beta two", false],
      ["ALPHA three", false],
      ["gamma four", true],
      ["alpha five", true],
    ] as const)
      created.push((await client.create({ title, completed })).todo);
    const ids = (indexes: number[]) => indexes.map((i) => created[i]?.id);

    const done = await client.list({ completed: true, sort: "createdAt" });
    expect(done).toEqual({ data: expect.any(Array), nextCursor: null });
    expect(done.data.map((todo) => todo.id)).toEqual(ids([0, 3, 4]));
    const alphas = await client.list({ q: "alpha", completed: undefined });
    expect(alphas.data.map((todo) => todo.id)).toEqual(ids([4, 2, 0]));

    const firstPage = await client.list({ limit: 2 });
    expect(firstPage.data).toHaveLength(2);
    expect(firstPage.nextCursor).toEqual(expect.any(String));

    const before = sent.length;
    const walked = [];
    for await (const todo of client.listAll({ limit: 2, sort: "createdAt" })) walked.push(todo.id);
    expect(walked).toEqual(ids([0, 1, 2, 3, 4]));
    const walkedAlphas = [];
    for await (const todo of client.listAll({ limit: 1, q: "ALPHA", completed: true }))
      walkedAlphas.push(todo.id);
    expect(walkedAlphas).toEqual(ids([4, 0]));
    // Five todos by two: three pages (no empty last page); two completed alphas by one: two pages.
    const pages = sent.slice(before).map((r) => new URL(r.url).searchParams.has("cursor"));
    expect(pages).toEqual([false, true, true, false, true]);
  });

  it("get returns the todo with its ETag, and notModified for a current ifNoneMatch", async () => {
    const { client } = await aliceClient();
    const { todo, etag } = await client.create({ title: "a", description: "d" });

    expect(await client.get(todo.id)).toEqual({ notModified: false, todo, etag });
    expect(await client.get(todo.id, { ifNoneMatch: etag })).toEqual({ notModified: true, etag });
    expect(await client.get(todo.id, { ifNoneMatch: '"99"' })).toMatchObject({
      notModified: false,
    });
  });

  it("replace and patch with the current ifMatch go through, patch as merge-patch+json", async () => {
    const { client } = await aliceClient();
    const created = await client.create({ title: "a", description: "d", completed: true });

    const replaced = await client.replace(
      created.todo.id,
      { title: "b" },
      { ifMatch: created.etag },
    );
    expect(replaced.todo).toMatchObject({ title: "b", description: null, completed: false });
    expect(replaced.etag).toBe('"2"');

    const patched = await client.patch(
      created.todo.id,
      { completed: true },
      { ifMatch: replaced.etag },
    );
    expect(patched).toEqual({
      todo: {
        ...replaced.todo,
        completed: true,
        completedAt: expect.any(String),
        version: 3,
        updatedAt: expect.any(String),
      },
      etag: '"3"',
    });
    const patchRequest = sent.findLast((r) => r.method === "PATCH");
    expect(patchRequest?.headers.get("content-type")).toBe("application/merge-patch+json");
  });

  it("patch with a stale ifMatch is a 412 precondition-failed and changes nothing", async () => {
    const { client } = await aliceClient();
    const created = await client.create({ title: "a" });
    await client.patch(created.todo.id, { title: "b" });

    const error = await problemOf(
      client.patch(created.todo.id, { title: "c" }, { ifMatch: created.etag }),
    );
    expect(error.status).toBe(412);
    expect(error.problem.type).toBe(problemType("precondition-failed"));
    expect((await client.get(created.todo.id)).etag).toBe('"2"');
  });

  it("delete hides the todo (404) and restore brings it back with a new version", async () => {
    const { client } = await aliceClient();
    const { todo, etag } = await client.create({ title: "a" });

    await expect(client.delete(todo.id, { ifMatch: etag })).resolves.toBeUndefined();
    expect((await problemOf(client.get(todo.id))).status).toBe(404);
    expect((await client.list()).data).toEqual([]);

    const restored = await client.restore(todo.id);
    expect(restored).toEqual({
      todo: { ...todo, version: 3, updatedAt: expect.any(String) },
      etag: '"3"',
    });
    expect((await client.get(todo.id)).etag).toBe('"3"');
  });

  it("me returns the caller the token names", async () => {
    const { alice, client } = await aliceClient();
    expect(await client.me()).toEqual({
      id: alice.id,
      email: `${alice.id}@example.test`,
      name: alice.id,
    });
  });

  it("exportAccount returns the caller's todos, deleted ones with deletedAt", async () => {
    const { alice, client } = await aliceClient();
    const { todo: kept } = await client.create({ title: "kept" });
    const { todo: removed } = await client.create({ title: "removed" });
    await client.delete(removed.id);

    const document = await client.exportAccount();
    expect(document.user.id).toBe(alice.id);
    expect(document.todos.map((todo) => [todo.id, todo.deletedAt === null])).toEqual([
      [kept.id, true],
      [removed.id, false],
    ]);
  });

  it("deleteAccount deletes the account; a stale token is a 401 reauthentication-required", async () => {
    const alice = await api.createUser();
    const issuedAt = Math.floor(Date.now() / 1000) - 600;
    const stale = await api.issuer().token(alice.id, { iat: issuedAt, exp: issuedAt + 900 });
    const error = await problemOf(clientFor({ ...alice, token: stale }).deleteAccount());
    expect(error.status).toBe(401);
    expect(error.problem.type).toBe(problemType("reauthentication-required"));

    const client = clientFor(alice);
    await client.deleteAccount();
    const gone = await problemOf(client.me());
    expect(gone.problem.type).toBe(problemType("unauthorized"));
  });

  it("revokeApiKey revokes the key it authenticates with; with a JWT it is a 404 problem", async () => {
    const alice = await api.createUser();
    const { key } = await api.createApiKey(alice.id, ["todos:read"]);
    const client = clientFor({ ...alice, token: key });
    expect((await client.me()).id).toBe(alice.id);
    await client.revokeApiKey();
    const revoked = await problemOf(client.me());
    expect(revoked.status).toBe(401);

    const notAKey = await problemOf(clientFor(alice).revokeApiKey());
    expect(notAKey.status).toBe(404);
    expect(notAKey.problem.type).toBe(problemType("not-found"));
  });

  it("rejects with a 403 problem for another user's todo, on reads and writes", async () => {
    const { client: alice } = await aliceClient();
    const bob = clientFor(await api.createUser());
    const { todo } = await alice.create({ title: "mine" });

    for (const call of [
      () => bob.get(todo.id),
      () => bob.patch(todo.id, { title: "x" }),
      () => bob.delete(todo.id),
    ]) {
      const error = await problemOf(call());
      expect(error.status).toBe(403);
      expect(error.problem.type).toBe(problemType("forbidden"));
    }
    expect(await alice.get(todo.id)).toMatchObject({ notModified: false, todo });
  });

  it("rejects invalid input with a 422 problem whose errors name the fields", async () => {
    const { client } = await aliceClient();
    const error = await problemOf(client.create({ title: "   ", description: "x".repeat(10_001) }));
    expect(error.status).toBe(422);
    expect(error.problem.type).toBe(problemType("validation-error"));
    expect(error.problem.errors?.map((e) => e.path).sort()).toEqual(["description", "title"]);

    const { todo } = await client.create({ title: "a" });
    const empty = await problemOf(client.patch(todo.id, {}));
    expect(empty.status).toBe(422);
    expect(empty.problem.errors?.length).toBeGreaterThan(0);
  });

  it("on a 401 calls onUnauthorized, then retries once with a fresh token", async () => {
    const alice = await api.createUser();
    const tokens = ["not-a-jwt", alice.token];
    const getToken = vi.fn(() => tokens.shift() ?? "exhausted");
    const onUnauthorized = vi.fn();
    const client = clientFor(alice, { getToken, onUnauthorized });

    expect((await client.create({ title: "after refresh" })).todo.title).toBe("after refresh");
    expect(getToken).toHaveBeenCalledTimes(2);
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
    const [error] = onUnauthorized.mock.calls[0] ?? [];
    expect(error).toMatchObject({ status: 401, problem: { type: problemType("unauthorized") } });
  });

  it("without onUnauthorized a 401 rejects at once, with no token in the error", async () => {
    const alice = await api.createUser();
    const getToken = vi.fn(() => alice.token.slice(0, -4));
    const error = await problemOf(clientFor(alice, { getToken }).me());

    expect(error.status).toBe(401);
    expect(getToken).toHaveBeenCalledTimes(1);
    expect(`${error.message} ${JSON.stringify(error.problem)}`).not.toContain(
      alice.token.slice(0, -4),
    );
  });
});

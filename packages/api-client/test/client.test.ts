import { describe, expect, it, vi } from "vitest";
import { ApiProblemError, createTodoClient, type FetchLike, UnexpectedResponseError } from "../src";
import { retryAfterSeconds } from "../src/retry-after";

const TOKEN = "secret.jwt.token";

const problem = (status: number, headers: Record<string, string> = {}) =>
  new Response(
    JSON.stringify({ type: "about:blank", title: "Nope", status, requestId: "r-1", detail: "no" }),
    { status, headers: { "content-type": "application/problem+json", ...headers } },
  );

function clientAnswering(...responses: (Response | Error)[]) {
  const fetch = vi.fn<FetchLike>(async () => {
    const next = responses.shift();
    if (!next) throw new Error("no more responses");
    if (next instanceof Error) throw next;
    return next;
  });
  const client = createTodoClient({ baseUrl: "http://api.test/", getToken: () => TOKEN, fetch });
  return { client, fetch };
}

describe("createTodoClient (against a fake fetch)", () => {
  it("builds the list URL from the defined parameters only, with the bearer token", async () => {
    const { client, fetch } = clientAnswering(Response.json({ data: [], nextCursor: null }));
    await client.list({ limit: 5, completed: false, q: undefined, sort: "createdAt" });
    const [url, init] = fetch.mock.calls[0] ?? [];
    expect(url).toBe("http://api.test/api/v1/todos?limit=5&completed=false&sort=createdAt");
    expect(new Headers(init?.headers).get("authorization")).toBe(`Bearer ${TOKEN}`);
  });

  it("repeats labelId once per label, and passes the other new filters and sorts as they are", async () => {
    const { client, fetch } = clientAnswering(Response.json({ data: [], nextCursor: null }));
    await client.list({
      projectId: "none",
      labelId: ["a1", "b2"],
      overdue: true,
      priority: "urgent",
      dueAfter: "2026-12-01T00:00:00Z",
      sort: "dueAt",
    });
    const [url] = fetch.mock.calls[0] ?? [];
    const search = new URL(String(url)).searchParams;
    expect(search.getAll("labelId")).toEqual(["a1", "b2"]);
    search.delete("labelId");
    expect(search.toString()).toBe(
      "projectId=none&dueAfter=2026-12-01T00%3A00%3A00Z&overdue=true&priority=urgent&sort=dueAt",
    );
  });

  it.each([
    [429, { "retry-after": "7" }, 7],
    [503, { "retry-after": "5" }, 5],
    [429, {}, undefined],
    [404, { "retry-after": "7" }, undefined],
  ])("a %i problem carries retryAfterSeconds %s", async (status, headers, seconds) => {
    const { client } = clientAnswering(problem(status, headers));
    const error = await client.me().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiProblemError);
    expect(error).toMatchObject({ status, retryAfterSeconds: seconds, problem: { title: "Nope" } });
  });

  it("a problem carries its response's headers, so a 403 says which scope is missing", async () => {
    const challenge = 'Bearer realm="todo-api", error="insufficient_scope", scope="todos:write"';
    const { client } = clientAnswering(problem(403, { "www-authenticate": challenge }));
    const error = await client.me().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiProblemError);
    expect((error as ApiProblemError).headers.get("www-authenticate")).toBe(challenge);
  });

  it("throws UnexpectedResponseError for a non-2xx that is not a problem document", async () => {
    const { client } = clientAnswering(new Response("<h1>Bad gateway</h1>", { status: 502 }));
    await expect(client.me()).rejects.toBeInstanceOf(UnexpectedResponseError);
  });

  it("fails loudly when a body drifts from the contract", async () => {
    const { client } = clientAnswering(Response.json({ id: 1, email: null, name: null }));
    const error = await client.me().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnexpectedResponseError);
    expect((error as Error).cause).toHaveProperty("issues");
  });

  it("throws UnexpectedResponseError when a todo response has no ETag", async () => {
    const todo = {
      id: "0193b6d2-7a4e-7c1a-9f0e-2b6d5f1e8a11",
      userId: "u",
      title: "a",
      description: null,
      completed: false,
      createdAt: "2026-11-23T10:00:00.000Z",
      updatedAt: "2026-11-23T10:00:00.000Z",
      version: 1,
    };
    const { client } = clientAnswering(Response.json(todo, { status: 201 }));
    await expect(client.create({ title: "a" })).rejects.toThrow(/no ETag/);
  });

  it("lets network errors propagate as they are", async () => {
    const failure = new TypeError("fetch failed");
    const { client } = clientAnswering(failure);
    await expect(client.me()).rejects.toBe(failure);
  });

  it("does not retry a 401 without onUnauthorized, and keeps the token out of the message", async () => {
    const { client, fetch } = clientAnswering(problem(401));
    const error = await client.me().catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 401 });
    expect(String(error)).not.toContain(TOKEN);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it("retries a 401 once after onUnauthorized, then gives up", async () => {
    const fetch = vi.fn<FetchLike>(async () => problem(401));
    const onUnauthorized = vi.fn();
    const client = createTodoClient({ baseUrl: "", getToken: () => TOKEN, fetch, onUnauthorized });
    await expect(client.me()).rejects.toMatchObject({ status: 401 });
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
    expect(fetch).toHaveBeenCalledTimes(2);
  });
});

describe("retryAfterSeconds", () => {
  const now = Date.parse("2026-11-23T10:00:00.000Z");
  it.each([
    ["30", 30],
    [" 0 ", 0],
    ["Mon, 23 Nov 2026 10:00:12 GMT", 12],
    ["Mon, 23 Nov 2026 09:59:00 GMT", 0],
    ["soon", undefined],
    [null, undefined],
  ])("%s → %s", (header, seconds) => {
    expect(retryAfterSeconds(header, now)).toBe(seconds);
  });
});

describe("projects and labels (against a fake fetch)", () => {
  const project = {
    id: "0193b6d2-7a4e-7c1a-9f0e-2b6d5f1e8a22",
    userId: "u",
    name: "Home",
    color: "green",
    archived: false,
    createdAt: "2026-11-23T10:00:00.000Z",
    updatedAt: "2026-11-23T10:00:00.000Z",
    version: 2,
  };

  it("lists projects with their own parameters, and restores one by its path", async () => {
    const { client, fetch } = clientAnswering(
      Response.json({ data: [project], nextCursor: null }),
      Response.json(project, { headers: { etag: '"2"' } }),
    );
    const page = await client.projects.list({ archived: false, sort: "name", limit: 10 });
    expect(page.data).toEqual([project]);
    const restored = await client.projects.restore(project.id);
    expect(restored).toEqual({ project, etag: '"2"' });
    const [[listUrl], [restoreUrl, init]] = fetch.mock.calls as [string, RequestInit][] as [
      [string, RequestInit],
      [string, RequestInit],
    ];
    expect(listUrl).toBe("http://api.test/api/v1/projects?limit=10&archived=false&sort=name");
    expect(restoreUrl).toBe(`http://api.test/api/v1/projects/${project.id}/restore`);
    expect(init.method).toBe("POST");
  });

  it("creates a label with an Idempotency-Key and patches it as merge-patch JSON, If-Match sent", async () => {
    const { archived: _, ...label } = { ...project, name: "errand" };
    const { client, fetch } = clientAnswering(
      Response.json(label, { status: 201, headers: { etag: '"1"' } }),
      Response.json(label, { headers: { etag: '"2"' } }),
    );
    expect(await client.labels.create({ name: "errand" }, { idempotencyKey: "k" })).toEqual({
      label,
      etag: '"1"',
    });
    await client.labels.patch(label.id, { color: "red" }, { ifMatch: '"1"' });
    const [[, create], [patchUrl, patch]] = fetch.mock.calls as [string, RequestInit][] as [
      [string, RequestInit],
      [string, RequestInit],
    ];
    expect(new Headers(create.headers).get("idempotency-key")).toBe("k");
    expect(patchUrl).toBe(`http://api.test/api/v1/labels/${label.id}`);
    expect(new Headers(patch.headers).get("content-type")).toBe("application/merge-patch+json");
    expect(new Headers(patch.headers).get("if-match")).toBe('"1"');
    expect("restore" in client.labels).toBe(false);
  });

  it("refuses a project whose colour is outside the palette (contract drift)", async () => {
    const { client } = clientAnswering(
      Response.json({ ...project, color: "magenta" }, { headers: { etag: '"2"' } }),
    );
    await expect(client.projects.get(project.id)).rejects.toBeInstanceOf(UnexpectedResponseError);
  });
});

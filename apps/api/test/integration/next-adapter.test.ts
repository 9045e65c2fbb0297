import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { METHODS } from "../../src/http/route";
import { routes } from "../../src/routes";
import { useApi } from "../support/api";
import { ISSUER } from "../support/issuer";

const api = useApi();

// The Next route files, called as Next calls them, with the configuration read from the
// environment as `next start` reads it: the same pipeline as `dispatch`, end to end.
describe("the Next route files", () => {
  const saved = { ...process.env };
  beforeAll(() => {
    Object.assign(process.env, {
      DATABASE_URL: api.database.current.url,
      AUTH_JWKS_URL: api.issuer().jwksUrl,
      AUTH_ISSUER: ISSUER,
      AUTH_AUDIENCE: ISSUER,
      LOG_LEVEL: "silent",
    });
  });
  afterAll(() => {
    process.env = saved;
  });

  it("serve a static route (Next passes no params) and a dynamic one", async () => {
    const alice = await api.createUser();
    const headers = { authorization: `Bearer ${alice.token}`, "content-type": "application/json" };
    const todos = await import("../../app/api/v1/todos/route");
    const created = await todos.POST(
      new Request("http://localhost:3001/api/v1/todos", {
        method: "POST",
        headers,
        body: JSON.stringify({ title: "via Next" }),
      }),
      { params: Promise.resolve(undefined) },
    );
    expect(created.status).toBe(201);
    const { id } = await created.json();

    const item = await import("../../app/api/v1/todos/[id]/route");
    const read = await item.GET(
      new Request(`http://localhost:3001/api/v1/todos/${id}`, { headers }),
      {
        params: Promise.resolve({ id }),
      },
    );
    expect(await read.json()).toMatchObject({ id, title: "via Next", userId: alice.id });

    const wrongMethod = await item.POST(
      new Request(`http://localhost:3001/api/v1/todos/${id}`, { method: "POST" }),
      { params: Promise.resolve({ id }) },
    );
    expect(wrongMethod.status).toBe(405);
  });

  it("answer unknown /api/v1 paths with the API's 404", async () => {
    const catchAll = await import("../../app/api/v1/[...path]/route");
    const response = await catchAll.GET(new Request("http://localhost:3001/api/v1/a/b"), {
      params: Promise.resolve({ path: ["a", "b"] }),
    });
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
  });

  it("serve health without a token", async () => {
    const health = await import("../../app/api/health/route");
    const response = await health.GET(new Request("http://localhost:3001/api/health"), {
      params: Promise.resolve(undefined),
    });
    expect(await response.json()).toEqual({ status: "ok" });
  });
});

describe("every route of the table", () => {
  it.each(Object.values(routes).map((route) => [route.pattern]))(
    "%s has a Next route file exporting every method",
    async (pattern) => {
      const file = pattern.replace(/\{(\w+)\}/g, "[$1]");
      const route = path.resolve(import.meta.dirname, `../../app${file}/route.ts`);
      const module = await import(/* @vite-ignore */ route);
      for (const method of METHODS) expect(module[method]).toBeTypeOf("function");
    },
  );
});

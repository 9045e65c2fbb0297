import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useApi } from "../support/api";
import { ISSUER } from "../support/issuer";

const api = useApi();
const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;

// Next's one route file, called as Next calls it, with the configuration read from the
// environment as `next start` reads it: the same pipeline as `handleRequest`, end to end.
describe("the Next catch-all route file", () => {
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
  const routeFile = () => import("../../app/api/[[...path]]/route");

  it("exports every method Next routes to a handler", async () => {
    const module = await routeFile();
    for (const method of METHODS) expect(module[method]).toBeTypeOf("function");
  });

  it("serves the todo routes with the configuration from the environment", async () => {
    const { GET, POST } = await routeFile();
    const alice = await api.createUser();
    const headers = { authorization: `Bearer ${alice.token}`, "content-type": "application/json" };
    const created = await POST(
      new Request("http://localhost:3001/api/v1/todos", {
        method: "POST",
        headers,
        body: JSON.stringify({ title: "via Next" }),
      }),
    );
    expect(created.status).toBe(201);
    const { id } = await created.json();
    const read = await GET(new Request(`http://localhost:3001/api/v1/todos/${id}`, { headers }));
    expect(await read.json()).toMatchObject({ id, title: "via Next", userId: alice.id });
  });

  it("answers a method a path does not have with the API's 405 and Allow", async () => {
    const { POST } = await routeFile();
    const response = await POST(
      new Request("http://localhost:3001/api/v1/todos/0193b6d2-7a4e-7c1a-9f0e-2b6d5f1e8a11", {
        method: "POST",
      }),
    );
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("GET, PUT, PATCH, DELETE, HEAD, OPTIONS");
  });

  it("answers unknown paths under /api with the API's 404 problem", async () => {
    const { GET } = await routeFile();
    for (const path of ["/api/v1/a/b", "/api/v1", "/api/nothing"]) {
      const response = await GET(new Request(`http://localhost:3001${path}`));
      expect(response.status, path).toBe(404);
      expect(response.headers.get("content-type")).toBe("application/problem+json");
    }
  });

  it("serves health without a token", async () => {
    const { GET } = await routeFile();
    const response = await GET(new Request("http://localhost:3001/api/health"));
    expect(await response.json()).toEqual({ status: "ok" });
  });
});

import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { operations } from "../../src/operations";
import { useApi } from "../support/api";

const api = useApi();

describe("GET /api/v1/openapi.json", () => {
  it("is a valid OpenAPI 3.1 document, public", async () => {
    const response = await api.call("GET", "/api/v1/openapi.json");
    expect(response.status).toBe(200);
    expect(response.headers.get("ratelimit")).toBeNull();
    const document = await response.json();
    expect(document.openapi).toBe("3.1.0");
    const result = await new Validator().validate(document);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it("documents every operation that is served, and nothing else", async () => {
    const document = await (await api.call("GET", "/api/v1/openapi.json")).json();
    const served = operations.map((operation) => `${operation.method} ${operation.path}`);
    const documented = Object.entries(document.paths as Record<string, object>).flatMap(
      ([path, item]) => Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(documented.sort()).toEqual(served.sort());
  });

  it("describes every kind of problem, and the request and response shapes from the shared schemas", async () => {
    const document = await (await api.call("GET", "/api/v1/openapi.json")).json();
    const kinds = document.components.schemas.Problem.properties.type.oneOf.map(
      (k: { const: string }) => k.const,
    );
    expect(kinds).toContain("urn:todo-api:problem:validation-error");
    expect(kinds).toContain("urn:todo-api:problem:rate-limited");
    expect(document.components.schemas.TodoInput.properties.title).toMatchObject({
      minLength: 1,
      maxLength: 255,
    });
    expect(document.components.schemas.TodoInput.additionalProperties).toBe(false);
    const list = document.paths["/api/v1/todos"].get;
    expect(list.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(["limit", "cursor", "completed", "q", "sort", "X-Request-Id"]),
    );
    expect(list.parameters.find((p: { name: string }) => p.name === "limit").schema).toEqual({
      type: "integer",
      format: "int32",
      minimum: 1,
      maximum: 100,
      default: 20,
    });
    expect(document.paths["/api/v1/todos"].post.responses["201"].headers).toHaveProperty(
      "Location",
    );
    expect(document.paths["/api/health"].get.security).toEqual([]);
  });

  it("declares the JWT and the API key schemes, and the scope each operation needs of a key", async () => {
    const document = await (await api.call("GET", "/api/v1/openapi.json")).json();
    expect(Object.keys(document.components.securitySchemes).sort()).toEqual([
      "apiKeyAuth",
      "bearerAuth",
    ]);
    expect(document.components.securitySchemes.apiKeyAuth.description).toContain("`todo_`");
    const security = (method: string, path: string) => document.paths[path][method].security;
    const withScope = (scope: string) => [{ bearerAuth: [] }, { apiKeyAuth: [scope] }];
    expect(security("get", "/api/v1/todos")).toEqual(withScope("todos:read"));
    expect(security("get", "/api/v1/me/export")).toEqual(withScope("todos:read"));
    expect(security("patch", "/api/v1/labels/{id}")).toEqual(withScope("todos:write"));
    expect(security("post", "/api/v1/projects/{id}/restore")).toEqual(withScope("todos:write"));
    // No key may delete the account; any key may revoke itself.
    expect(security("delete", "/api/v1/me")).toEqual([{ bearerAuth: [] }]);
    expect(security("delete", "/api/v1/me/api-key")).toEqual([
      { bearerAuth: [] },
      { apiKeyAuth: [] },
    ]);
    const forbidden = document.paths["/api/v1/todos"].post.responses["403"];
    expect(forbidden.headers).toHaveProperty("WWW-Authenticate");
    expect(document.paths["/api/v1/me/api-key"].delete.responses["403"]).toBeUndefined();
    expect(document.components.headers["WWW-Authenticate"].schema.enum).toContain(
      'Bearer realm="todo-api", error="insufficient_scope", scope="todos:write"',
    );
  });

  it("states request-body defaults in words, so a generated client may omit those fields", async () => {
    const document = await (await api.call("GET", "/api/v1/openapi.json")).json();
    const input = document.components.schemas.TodoInput;
    expect(input.required).toEqual(["title"]);
    expect(JSON.stringify(input)).not.toContain('"default"');
    expect(input.properties.completed.description).toContain("Omitted: `false`.");
  });

  it("bounds every string and array of a response: the list page, the todo, the problem", async () => {
    const { schemas } = (await (await api.call("GET", "/api/v1/openapi.json")).json()).components;
    expect(schemas.TodoList.properties.data.maxItems).toBe(100);
    expect(schemas.Todo.properties.title).toMatchObject({ minLength: 1, maxLength: 255 });
    expect(schemas.Todo.properties.version).toMatchObject({ format: "int32" });
    expect(schemas.Problem.properties.errors.maxItems).toBe(100);
    expect(schemas.Problem.properties.instance.maxLength).toBe(1024);
  });
});

describe("GET /api/v1/docs", () => {
  it("serves an HTML reference whose script and styles come from this API, not a CDN", async () => {
    const response = await api.call("GET", "/api/v1/docs");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(response.headers.get("content-security-policy")).toContain("script-src 'self'");
    const html = await response.text();
    const assets = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map(([, url]) => url ?? "");
    expect(assets.length).toBeGreaterThan(0);
    for (const asset of assets) {
      expect(asset.startsWith("/api/v1/docs/")).toBe(true);
      const file = await api.call("GET", asset);
      expect(file.status).toBe(200);
      expect((await file.arrayBuffer()).byteLength).toBeGreaterThan(0);
    }
  });

  it("serves no other file", async () => {
    expect((await api.call("GET", "/api/v1/docs/package.json")).status).toBe(404);
    expect((await api.call("GET", "/api/v1/docs/..%2F..%2Fpackage.json")).status).toBe(404);
  });
});

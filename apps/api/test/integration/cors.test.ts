import { describe, expect, it } from "vitest";
import { useApi, WEB_ORIGIN } from "../support/api";

const api = useApi();

describe("CORS", () => {
  it("answers an allowed origin's preflight with what it may send", async () => {
    const response = await api.call(
      "OPTIONS",
      "/api/v1/todos/0193b6d2-7a4e-7c1a-9f0e-2b6d5f1e8a11",
      {
        headers: {
          origin: WEB_ORIGIN,
          "access-control-request-method": "PATCH",
          "access-control-request-headers": "authorization, content-type, if-match",
        },
      },
    );
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBe(WEB_ORIGIN);
    expect(response.headers.get("access-control-allow-methods")).toBe(
      "GET, PUT, PATCH, DELETE, HEAD, OPTIONS",
    );
    expect(response.headers.get("access-control-allow-headers")).toBe(
      "Authorization, Content-Type, If-Match, If-None-Match, Idempotency-Key, X-Request-Id",
    );
    expect(response.headers.get("access-control-max-age")).toBe("600");
    expect(response.headers.get("vary")).toContain("Origin");
    expect(response.headers.get("access-control-allow-credentials")).toBeNull();
    expect(response.headers.get("ratelimit")).toBeNull();
  });

  it("gives a disallowed origin no Access-Control-Allow-Origin, on preflight or request", async () => {
    const headers = { origin: "https://evil.example", "access-control-request-method": "GET" };
    const preflight = await api.call("OPTIONS", "/api/v1/todos", { headers });
    expect(preflight.headers.get("access-control-allow-origin")).toBeNull();
    expect(preflight.headers.get("access-control-allow-methods")).toBeNull();
    const alice = await api.createUser();
    const actual = await api.call("GET", "/api/v1/todos", { token: alice.token, headers });
    expect(actual.status).toBe(200);
    expect(actual.headers.get("access-control-allow-origin")).toBeNull();
    expect(actual.headers.get("vary")).toContain("Origin");
  });

  it.each([
    ["a success", "GET", "/api/v1/todos", true],
    ["an error", "GET", "/api/v1/todos", false],
  ])("lets the allowed origin read %s and the exposed headers", async (_, method, path, authed) => {
    const alice = await api.createUser();
    const response = await api.call(method, path, {
      token: authed ? alice.token : undefined,
      headers: { origin: WEB_ORIGIN },
    });
    expect(response.headers.get("access-control-allow-origin")).toBe(WEB_ORIGIN);
    expect(response.headers.get("access-control-expose-headers")).toBe(
      "ETag, Location, Link, Retry-After, RateLimit, RateLimit-Policy, X-Request-Id, Idempotent-Replayed",
    );
    expect(response.headers.get("access-control-allow-origin")).not.toBe("*");
  });

  it("sets the security headers on every response", async () => {
    const response = await api.call("GET", "/api/v1/todos");
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    expect(response.headers.get("referrer-policy")).toBe("no-referrer");
    expect(response.headers.get("content-security-policy")).toBe(
      "default-src 'none'; frame-ancestors 'none'",
    );
  });
});

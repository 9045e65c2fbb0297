import { SignJWT } from "jose";
import { describe, expect, it } from "vitest";
import { useApi } from "../support/api";
import { expectProblem } from "../support/expect-problem";
import { ISSUER } from "../support/issuer";

const api = useApi();
const CHALLENGE = 'Bearer realm="todo-api"';

describe("authentication", () => {
  it.each([
    ["no Authorization header", {}, CHALLENGE],
    ["another scheme", { authorization: "Basic dXNlcjpwYXNz" }, CHALLENGE],
    ["an empty bearer", { authorization: "Bearer " }, `${CHALLENGE}, error="invalid_token"`],
    ["a malformed bearer", { authorization: "Bearer a b" }, `${CHALLENGE}, error="invalid_token"`],
    [
      "a garbage token",
      { authorization: "Bearer abc.def.ghi" },
      `${CHALLENGE}, error="invalid_token"`,
    ],
  ])("answers 401 to %s", async (_, headers, challenge) => {
    const response = await api.call("GET", "/api/v1/todos", { headers });
    await expectProblem(response, 401, "unauthorized");
    expect(response.headers.get("www-authenticate")).toBe(challenge);
  });

  it("answers 401 invalid_token to an expired token", async () => {
    const alice = await api.createUser();
    const expired = await api
      .issuer()
      .token(alice.id, { exp: Math.floor(Date.now() / 1000) - 120 });
    const response = await api.call("GET", "/api/v1/todos", { token: expired });
    await expectProblem(response, 401);
    expect(response.headers.get("www-authenticate")).toContain('error="invalid_token"');
  });

  it("answers 401 to an HS256 token forged with a guessable secret", async () => {
    const forged = await new SignJWT({})
      .setProtectedHeader({ alg: "HS256" })
      .setSubject("someone")
      .setIssuer(ISSUER)
      .setAudience(ISSUER)
      .setExpirationTime("5m")
      .sign(new TextEncoder().encode("secret"));
    await expectProblem(await api.call("GET", "/api/v1/todos", { token: forged }), 401);
  });

  it("accepts the scheme in any case", async () => {
    const alice = await api.createUser();
    const response = await api.call("GET", "/api/v1/todos", {
      headers: { authorization: `bEaReR ${alice.token}` },
    });
    expect(response.status).toBe(200);
  });

  it("GET /api/v1/me returns the caller from the token", async () => {
    const alice = await api.createUser();
    const response = await api.call("GET", "/api/v1/me", { token: alice.token });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      id: alice.id,
      email: `${alice.id}@example.test`,
      name: alice.id,
    });
  });
});

describe("routes and methods", () => {
  it.each([
    ["/api/v1/todos", "DELETE", "GET, POST, HEAD, OPTIONS"],
    [
      "/api/v1/todos/0193b6d2-7a4e-7c1a-9f0e-2b6d5f1e8a11",
      "POST",
      "GET, PUT, PATCH, DELETE, HEAD, OPTIONS",
    ],
    ["/api/v1/me", "PUT", "GET, DELETE, HEAD, OPTIONS"],
  ])("%s answers %s with 405 and Allow, before authentication", async (path, method, allow) => {
    const anonymous = await api.call(method, path);
    await expectProblem(anonymous, 405, "method-not-allowed");
    expect(anonymous.headers.get("allow")).toBe(allow);
    const alice = await api.createUser();
    const authed = await api.call(method, path, { token: alice.token });
    await expectProblem(authed, 405);
  });

  it.each(["GET", "POST", "DELETE"])(
    "unknown /api/v1 paths answer %s with a problem+json 404",
    async (method) => {
      await expectProblem(await api.call(method, "/api/v1/nope"), 404, "not-found");
      await expectProblem(await api.call(method, "/api/v1"), 404, "not-found");
      const alice = await api.createUser();
      await expectProblem(await api.call(method, "/api/v1/todos/a/b", { token: alice.token }), 404);
    },
  );

  it("answers OPTIONS with 204 and Allow", async () => {
    const response = await api.call("OPTIONS", "/api/v1/todos");
    expect(response.status).toBe(204);
    expect(response.headers.get("allow")).toBe("GET, POST, HEAD, OPTIONS");
  });
});

describe("headers on every response", () => {
  it.each([
    ["a success", "GET", "/api/v1/todos", true],
    ["an error", "GET", "/api/v1/todos/nope", true],
    ["a 401", "GET", "/api/v1/todos", false],
    ["an unknown route", "GET", "/api/v1/unknown", false],
  ])("%s carries X-Request-Id, no-store and nosniff", async (_, method, path, authed) => {
    const alice = await api.createUser();
    const response = await api.call(method, path, authed ? { token: alice.token } : {});
    expect(response.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("echoes a well-formed client X-Request-Id and replaces a bad one", async () => {
    const good = await api.call("GET", "/api/v1/todos", {
      headers: { "x-request-id": "abc.DEF_1-2" },
    });
    expect(good.headers.get("x-request-id")).toBe("abc.DEF_1-2");
    expect((await good.json()).requestId).toBe("abc.DEF_1-2");
    for (const bad of ["has space", "x".repeat(129), "<script>"]) {
      const response = await api.call("GET", "/api/v1/todos", { headers: { "x-request-id": bad } });
      expect(response.headers.get("x-request-id")).not.toBe(bad);
    }
  });
});

describe("logs", () => {
  it("write one JSON line per request, never the token, password or body", async () => {
    const alice = await api.createUser();
    api.logs.length = 0;
    await api.call("POST", "/api/v1/todos", {
      token: alice.token,
      json: { title: "password=hunter2" },
      headers: { cookie: "better-auth.session_token=s3cr3t-cookie" },
    });
    await api.call("GET", "/api/v1/todos", { headers: { authorization: "Bearer not.a.token" } });
    await api.call("POST", "/api/v1/todos", {
      token: alice.token,
      json: { title: "x", password: "pa55word-in-body" },
    });
    await api.call("GET", "/api/v1/me", {
      headers: { authorization: `Basic ${btoa("ada:basic-pa55word")}` },
    });
    expect(api.logs).toHaveLength(4);
    const [first] = api.logs.map((line) => JSON.parse(line));
    expect(first).toMatchObject({
      level: "info",
      method: "POST",
      route: "/api/v1/todos",
      status: 201,
      userId: alice.id,
    });
    expect(first.requestId).toBeTypeOf("string");
    expect(first.durationMs).toBeTypeOf("number");
    const all = api.logs.join("\n");
    const secrets = [
      alice.token,
      alice.token.split(".")[2] ?? alice.token, // the signature alone
      "hunter2",
      "s3cr3t-cookie",
      "not.a.token",
      "pa55word-in-body",
      "basic-pa55word",
      btoa("ada:basic-pa55word"),
    ];
    for (const secret of secrets) expect(all).not.toContain(secret);
  });
});

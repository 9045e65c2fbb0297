import { DEFAULT_API_AUDIENCE } from "@repo/auth/api-audience";
import { embeddedDatabaseUrl } from "@repo/db/embedded-url";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/env";

// AUTH_JWT_SECRET: base64 of 32 random bytes.
const SECRET = "/JU4HUqysfSlbS7hMlZcntbZaStNTYMm3REWcWdZPTQ=";

it("uses the embedded development database when DATABASE_URL is unset outside production", () => {
  const config = loadConfig({ NODE_ENV: "development" });
  expect(config).toMatchObject({ databaseUrl: embeddedDatabaseUrl(), embeddedDatabase: true });
});

it("refuses a production configuration without DATABASE_URL, naming it", () => {
  expect(() => loadConfig({ NODE_ENV: "production" })).toThrow(
    /DATABASE_URL: required in production/,
  );
  expect(() => loadConfig({ NODE_ENV: "production", DATABASE_URL: "" })).toThrow(/DATABASE_URL/);
});

it("takes DATABASE_URL as given in production", () => {
  const url = "postgres://app@db.example.com:5432/todo";
  expect(loadConfig({ NODE_ENV: "production", DATABASE_URL: url })).toMatchObject({
    databaseUrl: url,
    embeddedDatabase: false,
  });
});

it("refuses AUTH_JWT_SECRET and AUTH_JWKS_URL together, naming both", () => {
  expect(() =>
    loadConfig({
      AUTH_JWT_SECRET: SECRET,
      AUTH_JWKS_URL: "https://auth.example.com/api/auth/jwks",
    }),
  ).toThrow(/AUTH_JWT_SECRET and AUTH_JWKS_URL/);
  // An empty variable is unset, as in a .env file.
  expect(
    loadConfig({ AUTH_JWT_SECRET: "", AUTH_JWKS_URL: "https://auth.example.com/api/auth/jwks" })
      .auth.mode,
  ).toBe("jwks");
});

describe("the token audience", () => {
  it("is the API's own name by default, not the web origin", () => {
    const { auth } = loadConfig({ BETTER_AUTH_URL: "https://todo.example.com" });
    expect(auth.audience).toBe(DEFAULT_API_AUDIENCE);
    expect(auth.issuer).toBe("https://todo.example.com");
  });

  it("is AUTH_AUDIENCE when set", () => {
    expect(loadConfig({ AUTH_AUDIENCE: "https://api.example.com" }).auth.audience).toBe(
      "https://api.example.com",
    );
  });
});

describe("AUTH_JWT_SECRET", () => {
  it.each([
    ["32 ASCII characters", "correct-horse-battery-staple-xyz"],
    ["a phrase in base64's alphabet", "a-test-secret-that-is-at-least-32-bytes-long"],
    ["hex", "9f".repeat(32)],
  ])("refuses %s at start, naming the variable and the encoding", (_name, value) => {
    const load = () => loadConfig({ AUTH_JWT_SECRET: value });
    expect(load).toThrow(
      /AUTH_JWT_SECRET: The HS256 secret must be base64 of at least 32 random bytes/,
    );
    expect(load).not.toThrow(value);
  });

  it("takes base64 of 32 random bytes", () => {
    expect(loadConfig({ AUTH_JWT_SECRET: SECRET }).auth).toMatchObject({ mode: "secret" });
  });
});

describe("where the JWKS is fetched from", () => {
  const production = { NODE_ENV: "production", DATABASE_URL: "postgres://app@db.example.com/todo" };

  it.each([
    ["AUTH_JWKS_URL over http", { AUTH_JWKS_URL: "http://auth.example.com/api/auth/jwks" }],
    ["BETTER_AUTH_URL over http", { BETTER_AUTH_URL: "http://todo.example.com" }],
    ["a host that only looks local", { AUTH_JWKS_URL: "http://127.0.0.1.example.com/jwks" }],
  ])("refuses %s in production, at start", (_name, env) => {
    expect(() => loadConfig({ ...production, ...env })).toThrow(
      /AUTH_JWKS_URL.*must be an https URL/,
    );
  });

  it("refuses plain http to another host in development too", () => {
    expect(() => loadConfig({ AUTH_JWKS_URL: "http://auth.example.com/jwks" })).toThrow(/https/);
  });

  it.each([
    "https://auth.example.com/api/auth/jwks",
    "http://localhost:3000/api/auth/jwks",
    "http://127.0.0.1:3000/api/auth/jwks",
    "http://[::1]:3000/api/auth/jwks",
  ])("takes %s", (url) => {
    expect(loadConfig({ ...production, AUTH_JWKS_URL: url }).auth).toMatchObject({ jwksUrl: url });
  });
});

describe.each([
  ["TODO_LIMIT_PER_USER", "todoLimitPerUser", 10_000],
  ["PROJECT_LIMIT_PER_USER", "projectLimitPerUser", 1_000],
  ["LABEL_LIMIT_PER_USER", "labelLimitPerUser", 1_000],
] as const)("%s", (name, key, fallback) => {
  it(`is ${fallback} unless set`, () => {
    expect(loadConfig({})[key]).toBe(fallback);
    expect(loadConfig({ [name]: "3" })[key]).toBe(3);
  });

  it.each(["0", "-1", "1.5", "ten", "1000000000"])("refuses %s, naming it", (value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(name));
  });
});

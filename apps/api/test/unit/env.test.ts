import { embeddedDatabaseUrl } from "@repo/db/embedded-url";
import { expect, it } from "vitest";
import { loadConfig } from "../../src/env";

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
      AUTH_JWT_SECRET: "a-shared-secret-of-at-least-32-characters",
      AUTH_JWKS_URL: "https://auth.example.com/api/auth/jwks",
    }),
  ).toThrow(/AUTH_JWT_SECRET and AUTH_JWKS_URL/);
  // An empty variable is unset, as in a .env file.
  expect(
    loadConfig({ AUTH_JWT_SECRET: "", AUTH_JWKS_URL: "https://auth.example.com/api/auth/jwks" })
      .auth.mode,
  ).toBe("jwks");
});

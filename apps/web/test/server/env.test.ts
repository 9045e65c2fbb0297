import { DEFAULT_API_AUDIENCE } from "@repo/auth/api-audience";
import { expect, it } from "vitest";
import { readEnv } from "@/env";

const base = {
  NODE_ENV: "production",
  BETTER_AUTH_SECRET: "s".repeat(40),
  DATABASE_URL: "postgres://db.example/app",
} as NodeJS.ProcessEnv;

it("issues API tokens for the API's audience by default, the one the API requires", () => {
  expect(readEnv(base).AUTH_AUDIENCE).toBe(DEFAULT_API_AUDIENCE);
});

it("takes AUTH_AUDIENCE when set, as the API does", () => {
  const env = readEnv({ ...base, AUTH_AUDIENCE: "https://api.example.com" });
  expect(env.AUTH_AUDIENCE).toBe("https://api.example.com");
});

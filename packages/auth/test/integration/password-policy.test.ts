import { randomUUID } from "node:crypto";
import { useTestDatabase } from "@repo/db/testing/vitest";
import { expect, it } from "vitest";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "../../src/password-policy";
import { postAuth } from "../../src/testing";
import { authUnderTest, useSmtpSink } from "../support/auth-under-test";

const database = useTestDatabase();
const sink = useSmtpSink();

it("takes passwords of 12 to 128 characters at sign-up, and refuses others by code", async () => {
  const app = authUnderTest(database.current.db, sink.current);
  const signUp = async (password: string) => {
    const response = await postAuth(app, "/sign-up/email", {
      email: `${randomUUID()}@example.test`,
      password,
      name: "Ada",
    });
    const body = (await response.json()) as { code?: string };
    return { status: response.status, code: body.code };
  };
  expect(PASSWORD_MIN_LENGTH).toBe(12);
  expect(await signUp("a".repeat(11))).toEqual({ status: 400, code: "PASSWORD_TOO_SHORT" });
  expect(await signUp("a".repeat(129))).toEqual({ status: 400, code: "PASSWORD_TOO_LONG" });
  expect((await signUp("a".repeat(12))).status).toBe(200);
  expect((await signUp("a".repeat(PASSWORD_MAX_LENGTH))).status).toBe(200);
});

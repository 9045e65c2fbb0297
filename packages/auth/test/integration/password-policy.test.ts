import { randomUUID } from "node:crypto";
import { NO_TRUSTED_PROXY } from "@repo/client-address";
import { useTestDatabase } from "@repo/db/testing/vitest";
import { createLogger } from "@repo/logger";
import { collectLines } from "@repo/logger/testing";
import { expect, it } from "vitest";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "../../src/password-policy";
import { createAuth, handleAuthRequest } from "../../src/server";

const database = useTestDatabase();
const BASE_URL = "http://localhost:3000";

it("takes passwords of 12 to 128 characters at sign-up, and refuses others by code", async () => {
  const auth = createAuth({ db: database.current.db, secret: "x".repeat(40), baseURL: BASE_URL });
  const handle = handleAuthRequest(auth, {
    logger: createLogger({ level: "warn", destination: collectLines().destination }),
    trustedProxies: NO_TRUSTED_PROXY,
  });
  const signUp = async (password: string) => {
    const response = await handle(
      new Request(`${BASE_URL}/api/auth/sign-up/email`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: BASE_URL },
        body: JSON.stringify({ email: `${randomUUID()}@example.test`, password, name: "Ada" }),
      }),
    );
    const body = (await response.json()) as { code?: string };
    return { status: response.status, code: body.code };
  };
  expect(PASSWORD_MIN_LENGTH).toBe(12);
  expect(await signUp("a".repeat(11))).toEqual({ status: 400, code: "PASSWORD_TOO_SHORT" });
  expect(await signUp("a".repeat(129))).toEqual({ status: 400, code: "PASSWORD_TOO_LONG" });
  expect((await signUp("a".repeat(12))).status).toBe(200);
  expect((await signUp("a".repeat(PASSWORD_MAX_LENGTH))).status).toBe(200);
});

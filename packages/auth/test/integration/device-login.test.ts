import { setTimeout as sleep } from "node:timers/promises";
import { deviceCode } from "@repo/db/schema";
import { useTestDatabase } from "@repo/db/testing/vitest";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { DEVICE_KEY_EXPIRY_DAYS } from "../../src/api-keys/key-lifetimes";
import { type DeviceCodeAnswer, permissionsToScopes } from "../../src/api-keys/scopes";
import { signUpVerified } from "../../src/testing";
import {
  answerDevice,
  deviceCodeFor,
  hashOfKey,
  openDevicePage,
  pollDeviceToken,
  requestDeviceCode,
  storedKeys,
  storedSessions,
} from "../support/api-keys";
import { authUnderTest, BASE_URL, useSmtpSink } from "../support/auth-under-test";

const database = useTestDatabase();
const sink = useSmtpSink();
const DAY = 24 * 3600 * 1000;
// Polling may come again after this long (the interval the tests configure, 1 s, and a margin).
const POLL_AGAIN_MS = 1_100;

/** Better Auth with a 1 s polling interval (5 s in production). */
const deviceApp = (options: { codeSeconds?: number } = {}) =>
  authUnderTest(database.current.db, sink.current, {
    deviceLogin: { codeSeconds: options.codeSeconds ?? 600, intervalSeconds: 1 },
  });

let users = 0;
const signedIn = (app: ReturnType<typeof authUnderTest>) =>
  signUpVerified(app, { email: `device-${++users}@example.test` });

const errorOf = async (response: Response) => {
  expect(response.status).toBeGreaterThanOrEqual(400);
  expect(response.status).toBeLessThan(500);
  return ((await response.json()) as { error: string }).error;
};

/** A user signs in on the verification page, which claims the code, and approves it. */
async function approve(
  app: ReturnType<typeof authUnderTest>,
  cookie: string,
  code: DeviceCodeAnswer,
) {
  const page = await openDevicePage(app, cookie, code.user_code);
  expect(page.status).toBe(200);
  const approved = await answerDevice(app, cookie, code.user_code, "approve");
  expect(approved.status).toBe(200);
}

describe("POST /api/auth/device/code (RFC 8628 §3.1)", () => {
  it("gives the todo CLI a device code and an 8-character user code, valid 10 minutes, polled every 5 s", async () => {
    const app = authUnderTest(database.current.db, sink.current);
    const response = await requestDeviceCode(app, { client_id: "todo-cli", scope: "todos:read" });
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const code = (await response.json()) as DeviceCodeAnswer;
    expect(code).toEqual({
      device_code: expect.any(String),
      user_code: expect.stringMatching(/^[A-Z2-9]{8}$/),
      verification_uri: `${BASE_URL}/device`,
      verification_uri_complete: `${BASE_URL}/device?user_code=${code.user_code}`,
      expires_in: 600,
      interval: 5,
    });
    expect(code.device_code.length).toBeGreaterThanOrEqual(40);
  });

  it("refuses another client with invalid_client", async () => {
    const app = authUnderTest(database.current.db, sink.current);
    const response = await requestDeviceCode(app, {
      client_id: "someone-else",
      scope: "todos:read",
    });
    expect(response.status).toBe(400);
    expect(await errorOf(response)).toBe("invalid_client");
  });

  it.each(["admin", "todos:read bogus", "account:delete", "todos:*"])(
    "refuses the scope %j with invalid_scope, and stores no code",
    async (scope) => {
      const app = authUnderTest(database.current.db, sink.current);
      const before = await database.current.db.$count(deviceCode);
      const response = await requestDeviceCode(app, { client_id: "todo-cli", scope });
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({
        error: "invalid_scope",
        error_description: expect.stringContaining("todos:read todos:write"),
      });
      expect(await database.current.db.$count(deviceCode)).toBe(before);
    },
  );
});

describe("the device login, from code to API key", () => {
  it("hands the CLI a todo_ key with the scope asked for, and leaves no session behind", async () => {
    const app = deviceApp();
    const ada = await signedIn(app);
    const code = await deviceCodeFor(app, "todos:read");

    expect(await errorOf(await pollDeviceToken(app, code.device_code))).toBe(
      "authorization_pending",
    );
    expect(await errorOf(await pollDeviceToken(app, code.device_code))).toBe("slow_down");

    await approve(app, ada.cookie, code);
    const sessionsBefore = await storedSessions(database.current.db, ada.userId);
    await sleep(POLL_AGAIN_MS);
    const response = await pollDeviceToken(app, code.device_code);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.getSetCookie()).toEqual([]);
    const token = (await response.json()) as Record<string, unknown>;
    expect(token).toEqual({
      access_token: expect.stringMatching(/^todo_[A-Za-z]{64}$/),
      token_type: "Bearer",
      expires_in: DEVICE_KEY_EXPIRY_DAYS * 24 * 3600,
      scope: "todos:read",
    });

    const [key, ...others] = await storedKeys(database.current.db, ada.userId);
    expect(others).toEqual([]);
    expect(key?.key).toBe(hashOfKey(String(token.access_token)));
    expect(permissionsToScopes(key?.permissions)).toEqual(["todos:read"]);
    expect(key?.name).toMatch(/^CLI login \d{4}-\d{2}-\d{2}$/);
    expect(
      Math.abs((key?.expiresAt?.getTime() ?? 0) - (Date.now() + DEVICE_KEY_EXPIRY_DAYS * DAY)),
    ).toBeLessThan(60_000);
    // The session the device plugin made for the grant is gone; the browser's stays.
    expect(await storedSessions(database.current.db, ada.userId)).toEqual(sessionsBefore);
    expect((await app.get("/get-session", ada.cookie)).status).toBe(200);
    // And the code is spent.
    expect(
      await database.current.db
        .select()
        .from(deviceCode)
        .where(eq(deviceCode.deviceCode, code.device_code)),
    ).toEqual([]);

    await sleep(POLL_AGAIN_MS);
    expect(await errorOf(await pollDeviceToken(app, code.device_code))).toBe("invalid_grant");
    expect(await storedKeys(database.current.db, ada.userId)).toHaveLength(1);
  });

  it("takes RFC 8628's form-encoded requests as well as JSON", async () => {
    const app = deviceApp();
    const ada = await signedIn(app);
    const post = (path: string, form: Record<string, string>) =>
      app.handle(
        new Request(`${BASE_URL}/api/auth${path}`, {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams(form),
        }),
      );
    const codeResponse = await post("/device/code", {
      client_id: "todo-cli",
      scope: "todos:write",
    });
    expect(codeResponse.status).toBe(200);
    const code = (await codeResponse.json()) as DeviceCodeAnswer;
    await approve(app, ada.cookie, code);
    const token = await post("/device/token", {
      grant_type: "urn:ietf:params:oauth:grant-type:device_code",
      device_code: code.device_code,
      client_id: "todo-cli",
    });
    expect(token.status, await token.clone().text()).toBe(200);
    expect(await token.json()).toMatchObject({ token_type: "Bearer", scope: "todos:write" });
    const [key] = await storedKeys(database.current.db, ada.userId);
    expect(permissionsToScopes(key?.permissions)).toEqual(["todos:write"]);

    const repeated = await app.handle(
      new Request(`${BASE_URL}/api/auth/device/token`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Adevice_code&device_code=a&device_code=b&client_id=todo-cli",
      }),
    );
    expect(repeated.status).toBe(400);
    expect(await repeated.json()).toEqual({
      error: "invalid_request",
      error_description: "device_code must not be repeated",
    });
  });

  it("gives a request with no scope a key with both scopes", async () => {
    const app = deviceApp();
    const ada = await signedIn(app);
    const code = await deviceCodeFor(app);
    await approve(app, ada.cookie, code);
    const response = await pollDeviceToken(app, code.device_code);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ scope: "todos:read todos:write" });
    const [key] = await storedKeys(database.current.db, ada.userId);
    expect(permissionsToScopes(key?.permissions)).toEqual(["todos:read", "todos:write"]);
  });

  it("answers access_denied once the user denies, and creates no key", async () => {
    const app = deviceApp();
    const ada = await signedIn(app);
    const code = await deviceCodeFor(app, "todos:write");
    expect((await openDevicePage(app, ada.cookie, code.user_code)).status).toBe(200);
    expect((await answerDevice(app, ada.cookie, code.user_code, "deny")).status).toBe(200);
    expect(await errorOf(await pollDeviceToken(app, code.device_code))).toBe("access_denied");
    expect(await storedKeys(database.current.db, ada.userId)).toEqual([]);
  });

  it("answers expired_token once the code has expired, even approved", async () => {
    const app = deviceApp({ codeSeconds: 1 });
    const ada = await signedIn(app);
    const code = await deviceCodeFor(app, "todos:read");
    await approve(app, ada.cookie, code);
    await sleep(POLL_AGAIN_MS);
    expect(await errorOf(await pollDeviceToken(app, code.device_code))).toBe("expired_token");
    expect(await storedKeys(database.current.db, ada.userId)).toEqual([]);
  });

  it("refuses a token request from another client (invalid_client), and one for an unknown code (invalid_grant)", async () => {
    const app = deviceApp();
    const ada = await signedIn(app);
    const code = await deviceCodeFor(app, "todos:read");
    await approve(app, ada.cookie, code);
    expect(await errorOf(await pollDeviceToken(app, code.device_code, "other-cli"))).toBe(
      "invalid_client",
    );
    expect(await errorOf(await pollDeviceToken(app, "not-a-device-code"))).toBe("invalid_grant");
    expect(await storedKeys(database.current.db, ada.userId)).toEqual([]);
  });

  it("does not let another user approve or deny a code the first user claimed", async () => {
    const app = deviceApp();
    const ada = await signedIn(app);
    const eve = await signedIn(app);
    const code = await deviceCodeFor(app, "todos:write");
    expect((await openDevicePage(app, ada.cookie, code.user_code)).status).toBe(200);

    // Eve's page does not claim it again, nor show her the request.
    const evesPage = await openDevicePage(app, eve.cookie, code.user_code);
    expect(await evesPage.json()).not.toHaveProperty("scope");
    for (const answer of ["approve", "deny"] as const) {
      const response = await answerDevice(app, eve.cookie, code.user_code, answer);
      expect(response.status).toBe(403);
      expect(await response.json()).toMatchObject({ error: "access_denied" });
    }
    const [row] = await database.current.db
      .select()
      .from(deviceCode)
      .where(eq(deviceCode.deviceCode, code.device_code));
    expect(row).toMatchObject({ userId: ada.userId, status: "pending" });
    expect(await errorOf(await pollDeviceToken(app, code.device_code))).toBe(
      "authorization_pending",
    );
    expect(await storedKeys(database.current.db, eve.userId)).toEqual([]);
  });

  it("refuses to approve without a session, or from another origin", async () => {
    const app = deviceApp();
    const ada = await signedIn(app);
    const code = await deviceCodeFor(app, "todos:read");
    expect((await openDevicePage(app, ada.cookie, code.user_code)).status).toBe(200);
    expect((await answerDevice(app, "", code.user_code, "approve")).status).toBe(401);
    const forged = await app.handle(
      new Request(`${BASE_URL}/api/auth/device/approve`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          origin: "https://evil.example",
          cookie: ada.cookie,
        },
        body: JSON.stringify({ userCode: code.user_code }),
      }),
    );
    expect(forged.status).toBe(403);
    expect(await errorOf(await pollDeviceToken(app, code.device_code))).toBe(
      "authorization_pending",
    );
  });

  it("refuses the key past the per-user cap with access_denied, and leaves no session behind", async () => {
    const app = authUnderTest(database.current.db, sink.current, {
      apiKeysPerUser: 1,
      deviceLogin: { codeSeconds: 600, intervalSeconds: 1 },
    });
    const ada = await signedIn(app);
    const first = await deviceCodeFor(app, "todos:read");
    await approve(app, ada.cookie, first);
    expect((await pollDeviceToken(app, first.device_code)).status).toBe(200);
    const sessionsBefore = await storedSessions(database.current.db, ada.userId);

    const second = await deviceCodeFor(app, "todos:read");
    await approve(app, ada.cookie, second);
    // An RFC 8628 error the CLI understands (it stops polling), saying why.
    const refused = await pollDeviceToken(app, second.device_code);
    expect(refused.status).toBe(400);
    expect(await refused.json()).toEqual({
      error: "access_denied",
      error_description: "An account holds at most 1 API keys: revoke one first.",
    });
    expect(await storedKeys(database.current.db, ada.userId)).toHaveLength(1);
    expect(await storedSessions(database.current.db, ada.userId)).toEqual(sessionsBefore);
  });
});

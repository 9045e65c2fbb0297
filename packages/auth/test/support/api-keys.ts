// Personal API keys and the device login, as the web app and the CLI call them.
import { createHash } from "node:crypto";
import type { Database } from "@repo/db/client";
import * as schema from "@repo/db/schema";
import { eq } from "drizzle-orm";
import { DAY_SECONDS } from "../../src/api-keys/key-lifetimes";
import { type ApiScope, DEVICE_CLIENT_ID, type DeviceCodeAnswer } from "../../src/api-keys/scopes";
import { createAuth, mintApiKey } from "../../src/server";
import { type AuthUnderTest, postAuth } from "../../src/testing";

type App = Pick<AuthUnderTest, "handle" | "baseUrl">;

/** POST /api/auth/api-key/create-scoped as the signed-in user of `cookie`. */
export const createScopedKey = (app: App, cookie: string, body: object) =>
  postAuth(app, "/api-key/create-scoped", body, { cookie });

/** A key the web app would create: resolves with the created key (plaintext included). */
export async function createdKey(
  app: App,
  cookie: string,
  body: object = { name: "laptop", expiresInDays: 30, scopes: ["todos:read"] },
) {
  const response = await createScopedKey(app, cookie, body);
  if (response.status !== 200)
    throw new Error(`create-scoped answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as { id: string; key: string; expiresAt: string };
}

let keyOwners = 0;

/** A verified user straight into the database, for tests that need only a key's owner. */
export async function insertKeyOwner(db: Database) {
  const id = `key-user-${++keyOwners}`;
  await db
    .insert(schema.user)
    .values({ id, name: `Name ${id}`, email: `${id}@example.test`, emailVerified: true });
  return id;
}

/** A key for `userId` through Better Auth's api-key plugin, server-side (no session). */
export function insertKey(
  db: Database,
  userId: string,
  scopes: ApiScope[],
  expiresIn = 7 * DAY_SECONDS,
) {
  const auth = createAuth({ db, secret: "s".repeat(40), baseURL: "http://localhost:3000" });
  return mintApiKey(auth, { userId, name: "test", expiresInSeconds: expiresIn, scopes });
}

/** The `apikey.key` column for a plaintext key: base64url(SHA-256), no padding. */
export const hashOfKey = (key: string) => createHash("sha256").update(key).digest("base64url");

/** Every key row of a user, straight from the database. */
export const storedKeys = (db: Database, userId: string) =>
  db.select().from(schema.apikey).where(eq(schema.apikey.referenceId, userId));

/** Every session row of a user. */
export const storedSessions = (db: Database, userId: string) =>
  db.select().from(schema.session).where(eq(schema.session.userId, userId));

/** The CLI's first request: POST /api/auth/device/code (RFC 8628 §3.1). */
export const requestDeviceCode = (
  app: App,
  body: { client_id?: string; scope?: string } = { client_id: DEVICE_CLIENT_ID },
) => postAuth(app, "/device/code", body);

export async function deviceCodeFor(app: App, scope?: string): Promise<DeviceCodeAnswer> {
  const response = await requestDeviceCode(app, {
    client_id: DEVICE_CLIENT_ID,
    ...(scope === undefined ? {} : { scope }),
  });
  if (response.status !== 200)
    throw new Error(`device/code answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as DeviceCodeAnswer;
}

/** The CLI's poll: POST /api/auth/device/token (RFC 8628 §3.4). */
export const pollDeviceToken = (app: App, deviceCode: string, clientId = DEVICE_CLIENT_ID) =>
  postAuth(app, "/device/token", {
    grant_type: "urn:ietf:params:oauth:grant-type:device_code",
    device_code: deviceCode,
    client_id: clientId,
  });

/** The verification page, signed in: GET /api/auth/device?user_code= (claims the code). */
export const openDevicePage = (app: App, cookie: string, userCode: string) =>
  app.handle(
    new Request(`${app.baseUrl}/api/auth/device?user_code=${encodeURIComponent(userCode)}`, {
      headers: { cookie },
    }),
  );

/** The verification page's buttons: POST /api/auth/device/approve or /device/deny. */
export const answerDevice = (
  app: App,
  cookie: string,
  userCode: string,
  answer: "approve" | "deny",
) => postAuth(app, `/device/${answer}`, { userCode }, { cookie });

// The runbooks of docs/deploy.md ("Rotating the JWT signing keys", "Rotating
// BETTER_AUTH_SECRET"), run against a real PostgreSQL: Better Auth signs, the API's verifier
// fetches the JWKS over HTTP, exactly as in production.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { useTestDatabase } from "@repo/db/testing/vitest";
import { createMailer } from "@repo/mail";
import { sql } from "drizzle-orm";
import { decodeProtectedHeader } from "jose";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { DEFAULT_API_AUDIENCE } from "../../src/api-audience";
import { type Auth, type AuthOptions, createAuth } from "../../src/server";
import { signUpVerified } from "../../src/testing";
import { createVerifier } from "../../src/verifier";
import { useSmtpSink } from "../support/auth-under-test";

const database = useTestDatabase();
const sink = useSmtpSink();
const BASE_URL = "http://localhost:3000";
const OLD_SECRET = "old-secret-".padEnd(44, "o");
const NEW_SECRET = "new-secret-".padEnd(44, "n");

// Serves /api/auth/jwks of whichever Better Auth instance is current, as the web app would.
let current: Auth;
let server: Server;
let jwksUrl: string;
beforeAll(async () => {
  server = createServer(async (_request, response) => {
    const answer = await current.handler(new Request(`${BASE_URL}/api/auth/jwks`));
    response.writeHead(answer.status, { "content-type": "application/json" });
    response.end(await answer.text());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/auth/jwks`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
afterEach(() => {
  vi.unstubAllEnvs();
});

function auth(secret: string, keyRotation?: AuthOptions["keyRotation"]): Auth {
  current = createAuth({
    db: database.current.db,
    secret,
    baseURL: BASE_URL,
    mailer: createMailer({ transport: "smtp", url: sink.current.url, from: "t@example.test" }),
    ...(keyRotation ? { keyRotation } : {}),
  });
  return current;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const verifier = (options: { cooldownSeconds?: number; refetchFloorSeconds?: number } = {}) =>
  createVerifier({
    mode: "jwks",
    jwksUrl,
    issuer: BASE_URL,
    audience: DEFAULT_API_AUDIENCE,
    ...options,
  });

/** A new, verified user's session cookie (the link mailed at sign-up signs in). */
async function signUp(instance: Auth, email: string): Promise<string> {
  const handle = (request: Request) => instance.handler(request);
  const { cookie } = await signUpVerified(
    { handle, baseUrl: BASE_URL, waitForMail: sink.current.waitForMail },
    { email },
  );
  return cookie;
}

async function token(instance: Auth, cookie: string): Promise<{ status: number; token?: string }> {
  const response = await instance.handler(
    new Request(`${BASE_URL}/api/auth/token`, { headers: { cookie } }),
  );
  if (response.status !== 200) return { status: response.status };
  return { status: 200, token: ((await response.json()) as { token: string }).token };
}

const kid = (jwt: string | undefined) => decodeProtectedHeader(jwt ?? "").kid;

async function session(instance: Auth, cookie: string) {
  return instance.api.getSession({ headers: new Headers({ cookie }) });
}

describe("rotating the JWT signing key", () => {
  it("old tokens verify until they expire, new ones carry the new kid, the API refetches", async () => {
    const web = auth(OLD_SECRET);
    const cookie = await signUp(web, "rotate-key@example.test");
    const before = await token(web, cookie);
    const api = verifier({ cooldownSeconds: 1 });
    await expect(api.verify(before.token ?? "")).resolves.toMatchObject({
      userId: expect.any(String),
    });

    // The runbook's one statement: the current key stops signing now.
    await database.current.db.execute(
      sql`update jwks set expires_at = now() where expires_at is null or expires_at > now()`,
    );

    const after = await token(web, cookie);
    expect(kid(after.token)).not.toBe(kid(before.token));
    const published = (await (await fetch(jwksUrl)).json()) as { keys: { kid: string }[] };
    expect(published.keys.map((key) => key.kid).sort()).toEqual(
      [kid(before.token), kid(after.token)].sort(),
    );

    // A kid it never saw makes the API refetch the JWKS at once (however recent its last
    // fetch): the new token verifies; the old one still does.
    await expect(api.verify(after.token ?? "")).resolves.toBeTruthy();
    await expect(verifier().verify(before.token ?? "")).resolves.toBeTruthy();
  });
});

describe("automatic rotation (keyRotation, in seconds)", () => {
  it("mints a new key once the interval is over, publishes the old one for the grace period, then the API refuses its tokens", async () => {
    await database.current.db.execute(sql`delete from jwks`);
    const web = auth(OLD_SECRET, { rotationInterval: 1, gracePeriod: 1 });
    const cookie = await signUp(web, "auto-rotate@example.test");
    const first = await token(web, cookie);
    const api = verifier({ refetchFloorSeconds: 0 });
    await expect(api.verify(first.token ?? "")).resolves.toBeTruthy();

    await sleep(1_100); // the first key's interval is over: the next token mints another
    const second = await token(web, cookie);
    expect(kid(second.token)).not.toBe(kid(first.token));
    await expect(api.verify(second.token ?? "")).resolves.toBeTruthy(); // a new kid: fetched at once
    await expect(api.verify(first.token ?? "")).resolves.toBeTruthy(); // in its grace period

    await sleep(1_100); // the first key's grace is over, the second key's interval too
    const third = await token(web, cookie);
    const published = (await (await fetch(jwksUrl)).json()) as { keys: { kid: string }[] };
    expect(published.keys.map((key) => key.kid)).not.toContain(kid(first.token));
    // The third key makes the API fetch the JWKS again, which drops the first key, and with it
    // the cached verification of its token.
    await expect(api.verify(third.token ?? "")).resolves.toBeTruthy();
    await expect(api.verify(first.token ?? "")).rejects.toMatchObject({
      reason: "ERR_JWKS_NO_MATCHING_KEY",
    });
  });
});

describe("rotating BETTER_AUTH_SECRET", () => {
  it("replacing it outright breaks every signer and signs everyone out", async () => {
    await database.current.db.execute(sql`delete from jwks`);
    const web = auth(OLD_SECRET);
    const cookie = await signUp(web, "replace-secret@example.test");
    expect((await token(web, cookie)).status).toBe(200);

    const rotated = auth(NEW_SECRET);
    expect(await session(rotated, cookie)).toBeNull();
    const fresh = await signUp(rotated, "replace-secret-2@example.test");
    // The stored private key is encrypted with the old secret: no token can be signed (the web
    // app's handleAuthRequest answers this 500 and logs it).
    await expect(token(rotated, fresh)).rejects.toThrow(/Failed to decrypt private key/);

    // Recovery: delete the keys; the next token mints (and publishes) a new key.
    await database.current.db.execute(sql`delete from jwks`);
    const recovered = await token(rotated, fresh);
    expect(recovered.status).toBe(200);
    await expect(verifier().verify(recovered.token ?? "")).resolves.toBeTruthy();
  });

  it("BETTER_AUTH_SECRETS keeps the signing key readable: only sessions end", async () => {
    await database.current.db.execute(sql`delete from jwks`);
    const web = auth(OLD_SECRET);
    const cookie = await signUp(web, "versioned-secret@example.test");
    const before = await token(web, cookie);

    // New current secret, version 2; BETTER_AUTH_SECRET keeps the old one, decrypt-only.
    vi.stubEnv("BETTER_AUTH_SECRETS", `2:${NEW_SECRET}`);
    const rotated = auth(OLD_SECRET);
    expect(await session(rotated, cookie)).toBeNull(); // cookies are signed with the current secret
    const fresh = await signUp(rotated, "versioned-secret-2@example.test");
    const after = await token(rotated, fresh);
    expect(after.status).toBe(200);
    expect(kid(after.token)).toBe(kid(before.token)); // the same key still signs

    // Rotating the JWT key now re-encrypts under version 2; from then on the old secret can go
    // (BETTER_AUTH_SECRET must stay set in production: give it the new value).
    await database.current.db.execute(sql`update jwks set expires_at = now()`);
    const rekeyed = await token(rotated, fresh);
    expect(kid(rekeyed.token)).not.toBe(kid(before.token));
    const final = auth(NEW_SECRET); // BETTER_AUTH_SECRETS still 2:NEW_SECRET
    expect(await session(final, fresh)).not.toBeNull();
    const last = await token(final, fresh);
    expect(kid(last.token)).toBe(kid(rekeyed.token));
    await expect(verifier().verify(last.token ?? "")).resolves.toBeTruthy();
  });
});

import * as schema from "@repo/db/schema";
import { useTestDatabase } from "@repo/db/testing/vitest";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { ACCOUNT_LIFETIMES } from "../../src/account-lifetimes";
import { cookiesOf, postAuth, signUpVerified } from "../../src/testing";
import { authUnderTest, useSmtpSink } from "../support/auth-under-test";

const database = useTestDatabase();
const sink = useSmtpSink();
const DAY = 24 * 3600 * 1000;
const PASSWORD = "correct-horse-battery";

/** The session row behind a cookie (its token is the cookie value before the signature). */
async function sessionRow(cookie: string) {
  const token = decodeURIComponent(/session_token=([^;]+)/.exec(cookie)?.[1] ?? "").split(".")[0];
  const [row] = await database.current.db
    .select()
    .from(schema.session)
    .where(eq(schema.session.token, token ?? ""));
  return { token: token ?? "", row };
}

/** Moves the session's clock: signed in `ageMs` ago, expiring `expiresInMs` from now. */
async function ageSession(cookie: string, ageMs: number, expiresInMs: number) {
  const { token } = await sessionRow(cookie);
  await database.current.db
    .update(schema.session)
    .set({
      createdAt: new Date(Date.now() - ageMs),
      expiresAt: new Date(Date.now() + expiresInMs),
    })
    .where(eq(schema.session.token, token));
}

const near = (date: Date | undefined, expected: number) =>
  Math.abs((date?.getTime() ?? 0) - expected) < 60_000;

describe("session lifetimes: 7 days idle, renewed daily, 30 days at most", () => {
  it("documents its values", () => {
    expect(ACCOUNT_LIFETIMES).toMatchObject({
      sessionIdleSeconds: 7 * 24 * 3600,
      sessionRenewSeconds: 24 * 3600,
      sessionAbsoluteSeconds: 30 * 24 * 3600,
    });
  });

  it("a session idle past its expiry is gone", async () => {
    const app = authUnderTest(database.current.db, sink.current);
    const { cookie } = await signUpVerified(app, { email: "idle@example.test" });
    expect(near((await sessionRow(cookie)).row?.expiresAt, Date.now() + 7 * DAY)).toBe(true);
    await ageSession(cookie, 8 * DAY, -1_000);
    expect(await (await app.get("/get-session", cookie)).json()).toBeNull();
    expect((await app.get("/token", cookie)).status).toBe(401);
  });

  it("a session in use is renewed to 7 days from now", async () => {
    const app = authUnderTest(database.current.db, sink.current);
    const { cookie } = await signUpVerified(app, { email: "renewed@example.test" });
    await ageSession(cookie, 2 * DAY, 5 * DAY); // last renewed 2 days ago: due
    expect((await app.get("/get-session", cookie)).status).toBe(200);
    expect(near((await sessionRow(cookie)).row?.expiresAt, Date.now() + 7 * DAY)).toBe(true);
  });

  it("a renewal never takes a session past 30 days after sign-in", async () => {
    const app = authUnderTest(database.current.db, sink.current);
    const { cookie } = await signUpVerified(app, { email: "capped@example.test" });
    const signedIn = Date.now() - 29 * DAY;
    await ageSession(cookie, 29 * DAY, 5 * DAY);
    expect((await app.get("/get-session", cookie)).status).toBe(200);
    expect(near((await sessionRow(cookie)).row?.expiresAt, signedIn + 30 * DAY)).toBe(true);
  });

  it("a session older than 30 days ends, however active", async () => {
    const app = authUnderTest(database.current.db, sink.current);
    const { cookie } = await signUpVerified(app, { email: "too-old@example.test" });
    await ageSession(cookie, 31 * DAY, 6 * DAY - 60_000); // active (renewal due), but too old
    const session = await app.get("/get-session", cookie);
    expect(session.status).toBe(401);
    expect(await session.json()).toMatchObject({ code: "FAILED_TO_GET_SESSION" });
    expect((await sessionRow(cookie)).row).toBeUndefined();
    expect((await app.get("/token", cookie)).status).toBe(401);
  });
});

describe("sign out everywhere (POST /api/auth/revoke-sessions)", () => {
  it("ends every session of the user: no session and no token on any of their cookies", async () => {
    const app = authUnderTest(database.current.db, sink.current);
    const email = "everywhere@example.test";
    const { cookie: here } = await signUpVerified(app, { email });
    const elsewhere = await Promise.all(
      [1, 2].map(async () =>
        cookiesOf(await postAuth(app, "/sign-in/email", { email, password: PASSWORD })),
      ),
    );
    const other = await signUpVerified(app, { email: "bystander@example.test" });
    for (const cookie of [here, ...elsewhere])
      expect((await app.get("/token", cookie)).status).toBe(200);

    const revoked = await postAuth(app, "/revoke-sessions", {}, { cookie: here });
    expect(revoked.status).toBe(200);
    for (const cookie of [here, ...elsewhere]) {
      expect(await (await app.get("/get-session", cookie)).json()).toBeNull();
      expect((await app.get("/token", cookie)).status).toBe(401);
    }
    expect((await app.get("/token", other.cookie)).status).toBe(200); // another user's stays
  });
});

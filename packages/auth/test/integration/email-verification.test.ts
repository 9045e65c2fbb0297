import { setTimeout as sleep } from "node:timers/promises";
import * as schema from "@repo/db/schema";
import { useTestDatabase } from "@repo/db/testing/vitest";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { cookiesOf, followVerificationMail, postAuth } from "../../src/testing";
import { authUnderTest, useSmtpSink } from "../support/auth-under-test";

const database = useTestDatabase();
const sink = useSmtpSink();
const PASSWORD = "correct-horse-battery";

const sessionCookie = (response: Response) =>
  response.headers.getSetCookie().filter((line) => /session_token=[^;]/.test(line));

async function sessionsOf(email: string) {
  const [user] = await database.current.db
    .select()
    .from(schema.user)
    .where(eq(schema.user.email, email));
  if (!user) throw new Error(`no user ${email}`);
  const sessions = await database.current.db
    .select()
    .from(schema.session)
    .where(eq(schema.session.userId, user.id));
  return { verified: user.emailVerified, sessions: sessions.length };
}

describe("email verification before any session", () => {
  it("sign-up gives no session cookie and no token; the mailed link verifies and signs in", async () => {
    const app = authUnderTest(database.current.db, sink.current);
    const email = "verify-first@example.test";
    const signedUp = await postAuth(app, "/sign-up/email", {
      email,
      password: PASSWORD,
      name: "A",
    });
    expect(signedUp.status).toBe(200);
    expect(sessionCookie(signedUp)).toEqual([]);
    expect(await signedUp.json()).toMatchObject({ token: null, user: { emailVerified: false } });
    expect(await sessionsOf(email)).toEqual({ verified: false, sessions: 0 });

    const verified = await followVerificationMail(app, email);
    expect(verified.status).toBe(302); // to the callbackURL ("/" unless the client gave one)
    const cookie = cookiesOf(verified);
    expect(await sessionsOf(email)).toEqual({ verified: true, sessions: 1 });
    const token = await app.get("/token", cookie);
    expect(token.status).toBe(200);
    expect(await token.json()).toEqual({ token: expect.any(String) });
  });

  it("sign-in with the right password before verifying: 403 EMAIL_NOT_VERIFIED, no session, the mail again", async () => {
    const app = authUnderTest(database.current.db, sink.current);
    const email = "verify-later@example.test";
    expect(
      (await postAuth(app, "/sign-up/email", { email, password: PASSWORD, name: "A" })).status,
    ).toBe(200);
    await app.waitForMail({ to: email, subject: "Confirm your email" }); // the sign-up's mail

    const signIn = await postAuth(app, "/sign-in/email", { email, password: PASSWORD });
    expect(signIn.status).toBe(403);
    expect(await signIn.json()).toMatchObject({ code: "EMAIL_NOT_VERIFIED" });
    expect(sessionCookie(signIn)).toEqual([]);
    expect(await sessionsOf(email)).toEqual({ verified: false, sessions: 0 });

    // The sign-in mailed a new link, which works.
    expect(sessionCookie(await followVerificationMail(app, email))).toHaveLength(1);
    const again = await postAuth(app, "/sign-in/email", { email, password: PASSWORD });
    expect(again.status).toBe(200);
    expect(sessionCookie(again)).toHaveLength(1);
  });

  it("a link signs in once: opened again, it creates no session", async () => {
    const app = authUnderTest(database.current.db, sink.current);
    const email = "verify-twice@example.test";
    await postAuth(app, "/sign-up/email", { email, password: PASSWORD, name: "A" });
    const mail = await app.waitForMail({ to: email, subject: "Confirm your email" });
    const link = mail.text.match(/https?:\/\/\S+/)?.[0] ?? "";
    expect(sessionCookie(await app.handle(new Request(link)))).toHaveLength(1);
    expect(sessionCookie(await app.handle(new Request(link)))).toEqual([]);
    expect(await sessionsOf(email)).toEqual({ verified: true, sessions: 1 });
  });

  it("a link expires (here after 1 s; 24 hours unless told): no verification, no session", async () => {
    const app = authUnderTest(database.current.db, sink.current, {
      lifetimes: { verifyLinkSeconds: 1 },
    });
    const email = "verify-expired@example.test";
    await postAuth(app, "/sign-up/email", { email, password: PASSWORD, name: "A" });
    const mail = await app.waitForMail({ to: email, subject: "Confirm your email" });
    await sleep(2_100); // the token's exp is in whole seconds
    const opened = await app.handle(new Request(mail.text.match(/https?:\/\/\S+/)?.[0] ?? ""));
    expect(opened.status).toBe(302);
    expect(opened.headers.get("location")).toContain("error=TOKEN_EXPIRED");
    expect(sessionCookie(opened)).toEqual([]);
    expect(await sessionsOf(email)).toEqual({ verified: false, sessions: 0 });
  });
});

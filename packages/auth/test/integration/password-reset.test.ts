import { setTimeout as sleep } from "node:timers/promises";
import { useTestDatabase } from "@repo/db/testing/vitest";
import { extractLink } from "@repo/mail/testing";
import { describe, expect, it } from "vitest";
import { postAuth, signUpVerified } from "../../src/testing";
import { authUnderTest, useSmtpSink } from "../support/auth-under-test";

const database = useTestDatabase();
const sink = useSmtpSink();
const OLD = "correct-horse-battery";
const NEW = "a-brand-new-passphrase";

type App = ReturnType<typeof authUnderTest>;

/** Asks for a reset of `email`'s password; resolves with the token of the link mailed. */
async function requestReset(app: App, email: string): Promise<string> {
  const asked = await postAuth(app, "/request-password-reset", { email });
  expect(asked.status).toBe(200);
  const mail = await app.waitForMail({ to: email, subject: "Reset your password" });
  const link = new URL(extractLink(mail.text, "/reset-password"));
  expect(link.origin + link.pathname).toBe("http://localhost:3000/reset-password");
  return link.searchParams.get("token") ?? "";
}

const signIn = async (app: App, email: string, password: string) =>
  (await postAuth(app, "/sign-in/email", { email, password })).status;

describe("password reset by mail", () => {
  it("sets the new password once, and ends every session of the user", async () => {
    const app = authUnderTest(database.current.db, sink.current);
    const email = "forgetful@example.test";
    const { cookie: first } = await signUpVerified(app, { email });
    const second = (await postAuth(app, "/sign-in/email", { email, password: OLD })).headers
      .getSetCookie()
      .map((line) => line.split(";")[0])
      .join("; ");
    expect((await app.get("/token", second)).status).toBe(200);

    const token = await requestReset(app, email);
    const reset = await postAuth(app, "/reset-password", { token, newPassword: NEW });
    expect(reset.status).toBe(200);

    for (const cookie of [first, second]) {
      expect(await (await app.get("/get-session", cookie)).json()).toBeNull();
      expect((await app.get("/token", cookie)).status).toBe(401);
    }
    expect(await signIn(app, email, OLD)).toBe(401);
    expect(await signIn(app, email, NEW)).toBe(200);

    // Single use: the same link again is refused, and changes nothing.
    const reused = await postAuth(app, "/reset-password", { token, newPassword: OLD });
    expect(reused.status).toBe(400);
    expect(await reused.json()).toMatchObject({ code: "INVALID_TOKEN" });
    expect(await signIn(app, email, NEW)).toBe(200);
  });

  it("answers an unknown address as a known one, and mails no one", async () => {
    const app = authUnderTest(database.current.db, sink.current);
    await signUpVerified(app, { email: "known-reset@example.test" });
    const known = await postAuth(app, "/request-password-reset", {
      email: "known-reset@example.test",
    });
    const unknown = await postAuth(app, "/request-password-reset", {
      email: "unknown-reset@example.test",
    });
    expect(unknown.status).toBe(known.status);
    expect(await unknown.json()).toEqual(await known.json());
    await app.waitForMail({ to: "known-reset@example.test", subject: "Reset your password" });
    await expect(
      app.waitForMail({ to: "unknown-reset@example.test", timeoutMs: 300 }),
    ).rejects.toThrow(/no mail/);
  });

  it("a link expires (here after 1 s; 1 hour unless told)", async () => {
    const app = authUnderTest(database.current.db, sink.current, {
      lifetimes: { resetLinkSeconds: 1 },
    });
    const email = "slow-reset@example.test";
    await signUpVerified(app, { email });
    const token = await requestReset(app, email);
    await sleep(1_100);
    const late = await postAuth(app, "/reset-password", { token, newPassword: NEW });
    expect(late.status).toBe(400);
    expect(await late.json()).toMatchObject({ code: "INVALID_TOKEN" });
    expect(await signIn(app, email, OLD)).toBe(200);
  });
});

// The confirmation link's return path: the web app's sign-up (and an unconfirmed sign-in) gives
// Better Auth a callbackURL, /verified?next=<a page of the site>, which the mailed link carries
// and /verify-email redirects to once it has signed the user in. Only a path of this origin.
import * as schema from "@repo/db/schema";
import { useTestDatabase } from "@repo/db/testing/vitest";
import { createLogger } from "@repo/logger";
import { collectLines } from "@repo/logger/testing";
import { extractLink } from "@repo/mail/testing";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { postAuth, signUpVerified } from "../../src/testing";
import { authUnderTest, BASE_URL, useSmtpSink } from "../support/auth-under-test";

const database = useTestDatabase();
const sink = useSmtpSink();
const PASSWORD = "correct-horse-battery";
/** What apps/web's withReturnPath("/verified", "/device?user_code=ABCD-EFGH") gives. */
const CALLBACK = "/verified?next=%2Fdevice%3Fuser_code%3DABCD-EFGH";

const hasSession = (response: Response) =>
  response.headers.getSetCookie().some((line) => /session_token=[^;]/.test(line));

async function userOf(email: string) {
  const [user] = await database.current.db
    .select()
    .from(schema.user)
    .where(eq(schema.user.email, email));
  return user;
}

async function mailedLink(app: ReturnType<typeof authUnderTest>, email: string) {
  const mail = await app.waitForMail({ to: email, subject: "Confirm your email" });
  // The mail holds one link, Better Auth's, and nothing of the return path outside it.
  expect(mail.text.match(/https?:\/\/\S+/g)).toHaveLength(1);
  expect(mail.text).not.toContain("/device");
  return new URL(extractLink(mail.text, "/verify-email"));
}

describe("the confirmation link's return path", () => {
  it("a sign-up's callbackURL rides in the mailed link, which signs in and redirects to it", async () => {
    const app = authUnderTest(database.current.db, sink.current);
    const email = "return-path@example.test";
    const signedUp = await postAuth(app, "/sign-up/email", {
      email,
      password: PASSWORD,
      name: "A",
      callbackURL: CALLBACK,
    });
    expect(signedUp.status).toBe(200);

    const link = await mailedLink(app, email);
    expect(link.origin + link.pathname).toBe(`${BASE_URL}/api/auth/verify-email`);
    expect([...link.searchParams.keys()]).toEqual(["token", "callbackURL"]);
    expect(link.searchParams.get("callbackURL")).toBe(CALLBACK);

    const opened = await app.handle(new Request(link));
    expect(opened.status).toBe(302);
    expect(opened.headers.get("location")).toBe(CALLBACK);
    expect(hasSession(opened)).toBe(true);
  });

  it("an unconfirmed sign-in's new link carries its callbackURL too", async () => {
    const app = authUnderTest(database.current.db, sink.current);
    const email = "return-path-sign-in@example.test";
    await postAuth(app, "/sign-up/email", { email, password: PASSWORD, name: "A" });
    await app.waitForMail({ to: email, subject: "Confirm your email" }); // the sign-up's
    const signIn = await postAuth(app, "/sign-in/email", {
      email,
      password: PASSWORD,
      callbackURL: CALLBACK,
    });
    expect(signIn.status).toBe(403);
    const link = await mailedLink(app, email);
    expect(link.searchParams.get("callbackURL")).toBe(CALLBACK);
    expect((await app.handle(new Request(link))).headers.get("location")).toBe(CALLBACK);
  });

  it.each([
    ["an absolute URL of another origin", "https://evil.example/device"],
    ["a protocol-relative URL", "//evil.example/device"],
    ["a backslash a browser reads as a slash", "/\\evil.example"],
    ["a javascript: URL", "javascript:alert(1)"],
  ])("a sign-up with %s as callbackURL: 403 INVALID_CALLBACK_URL, no account", async (_, url) => {
    const app = authUnderTest(database.current.db, sink.current);
    const email = `return-path-refused-${url.length}@example.test`;
    const signedUp = await postAuth(app, "/sign-up/email", {
      email,
      password: PASSWORD,
      name: "A",
      callbackURL: url,
    });
    expect(signedUp.status).toBe(403);
    expect(await signedUp.json()).toMatchObject({ code: "INVALID_CALLBACK_URL" });
    expect(await userOf(email)).toBeUndefined();
  });

  it.each(["https://evil.example/verified", "//evil.example/verified"])(
    "a link whose callbackURL was changed to %s: 403, nothing verified, no session, no token logged",
    async (url) => {
      const { destination, lines } = collectLines();
      const app = authUnderTest(database.current.db, sink.current, {
        logger: createLogger({ level: "debug", destination }),
      });
      const email = `return-path-edited-${url.length}@example.test`;
      await postAuth(app, "/sign-up/email", {
        email,
        password: PASSWORD,
        name: "A",
        callbackURL: CALLBACK,
      });
      const link = await mailedLink(app, email);
      link.searchParams.set("callbackURL", url);

      const opened = await app.handle(new Request(link));
      expect(opened.status).toBe(403);
      expect(opened.headers.get("location")).toBeNull();
      expect(hasSession(opened)).toBe(false);
      expect(await userOf(email)).toMatchObject({ emailVerified: false });
      const token = link.searchParams.get("token") ?? "?";
      expect(lines.join("\n")).not.toContain(token);
    },
  );
});

describe("the existing-account mail's return path", () => {
  /** The links of the mail a sign-up with `email`, an address that has an account, sends. */
  async function noticeLinks(callbackURL?: string) {
    const app = authUnderTest(database.current.db, sink.current);
    const email = `return-path-taken-${++taken}@example.test`;
    await signUpVerified(app, { email });
    const again = await postAuth(app, "/sign-up/email", {
      email,
      password: `${PASSWORD}-other`,
      name: "A",
      ...(callbackURL === undefined ? {} : { callbackURL }),
    });
    expect(again.status).toBe(200);
    const notice = await app.waitForMail({ to: email, subject: "tried to sign up" });
    return {
      signIn: extractLink(notice.text, "/sign-in"),
      forgot: extractLink(notice.text, "/forgot-password"),
    };
  }
  let taken = 0;

  it("a sign-up with a taken address and a callbackURL mails sign-in and reset links that keep its next", async () => {
    expect(await noticeLinks(CALLBACK)).toEqual({
      signIn: `${BASE_URL}/sign-in?next=%2Fdevice%3Fuser_code%3DABCD-EFGH`,
      forgot: `${BASE_URL}/forgot-password?next=%2Fdevice%3Fuser_code%3DABCD-EFGH`,
    });
  });

  it.each([
    ["no callbackURL", undefined],
    ["a callbackURL without next", "/verified"],
    ["a next of another origin", "/verified?next=%2F%2Fevil.example%2Fdevice"],
    ["a next outside the pages", "/verified?next=%2Fapi%2Fauth%2Fsign-out"],
  ])("with %s, the links are the plain pages", async (_, callbackURL) => {
    expect(await noticeLinks(callbackURL)).toEqual({
      signIn: `${BASE_URL}/sign-in`,
      forgot: `${BASE_URL}/forgot-password`,
    });
  });
});

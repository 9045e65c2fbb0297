// The reset link's return path: the web app's forgot-password form gives Better Auth a
// redirectTo, /reset-password?next=<a page of the site>, as the sign-up gives its callbackURL.
// The mailed link is still this site's /reset-password with the token; it carries the `next`
// of redirectTo when that is a page path of this site (safeReturnPath), and nothing else of it.
import { useTestDatabase } from "@repo/db/testing/vitest";
import { createLogger } from "@repo/logger";
import { collectLines } from "@repo/logger/testing";
import { extractLink } from "@repo/mail/testing";
import { describe, expect, it } from "vitest";
import { postAuth, signUpVerified } from "../../src/testing";
import { authUnderTest, BASE_URL, useSmtpSink } from "../support/auth-under-test";

const database = useTestDatabase();
const sink = useSmtpSink();
const NEW_PASSWORD = "a-brand-new-passphrase";
const NEXT = "/device?user_code=ABCD-EFGH";

type App = ReturnType<typeof authUnderTest>;

/** Asks for a reset of a new user's password with `redirectTo`; resolves with the mailed link. */
async function resetLink(app: App, email: string, redirectTo: string): Promise<URL> {
  await signUpVerified(app, { email });
  const asked = await postAuth(app, "/request-password-reset", { email, redirectTo });
  expect(asked.status).toBe(200);
  const mail = await app.waitForMail({ to: email, subject: "Reset your password" });
  expect(mail.text.match(/https?:\/\/\S+/g)).toHaveLength(1);
  const link = new URL(extractLink(mail.text, "/reset-password"));
  expect(link.origin + link.pathname).toBe(`${BASE_URL}/reset-password`);
  return link;
}

const resetWith = async (app: App, link: URL) =>
  postAuth(app, "/reset-password", {
    token: link.searchParams.get("token"),
    newPassword: NEW_PASSWORD,
  });

describe("the reset link's return path", () => {
  it("the next of the request's redirectTo rides in the mailed link beside the token, which nothing logs", async () => {
    const { destination, lines } = collectLines();
    const app = authUnderTest(database.current.db, sink.current, {
      logger: createLogger({ level: "debug", destination }),
    });
    // What apps/web's withReturnPath("/reset-password", NEXT) gives.
    const redirectTo = `/reset-password?next=${encodeURIComponent(NEXT)}`;
    const link = await resetLink(app, "reset-return@example.test", redirectTo);

    expect([...link.searchParams.keys()]).toEqual(["token", "next"]);
    expect(link.searchParams.get("next")).toBe(NEXT);
    const token = link.searchParams.get("token") ?? "";
    expect(token).toMatch(/^\w{24}$/);
    expect((await resetWith(app, link)).status).toBe(200);
    expect(lines.join("\n")).not.toContain(token);
  });

  it("whatever page redirectTo names, the link is this site's /reset-password with the real token", async () => {
    const app = authUnderTest(database.current.db, sink.current);
    const redirectTo = `${BASE_URL}/verified?token=forged&next=%2Ftodos`;
    const link = await resetLink(app, "reset-return-page@example.test", redirectTo);

    expect([...link.searchParams.keys()]).toEqual(["token", "next"]);
    expect(link.searchParams.get("token")).not.toBe("forged");
    expect(link.searchParams.get("next")).toBe("/todos");
    expect((await resetWith(app, link)).status).toBe(200);
  });

  it.each([
    ["another host", "//evil.example/device"],
    ["an absolute URL", "https://evil.example/device"],
    ["a backslash a browser reads as a slash", "/\\evil.example"],
    ["an auth route", "/api/auth/sign-out"],
  ])("a next that is %s is dropped: the link has the token alone", async (_, next) => {
    const app = authUnderTest(database.current.db, sink.current);
    const email = `reset-return-refused-${next.length}@example.test`;
    const redirectTo = `/reset-password?next=${encodeURIComponent(next)}`;
    const link = await resetLink(app, email, redirectTo);

    expect([...link.searchParams.keys()]).toEqual(["token"]);
    expect((await resetWith(app, link)).status).toBe(200);
  });
});

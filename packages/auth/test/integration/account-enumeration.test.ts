import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { useTestDatabase } from "@repo/db/testing/vitest";
import { startSmtpSink } from "@repo/mail/testing";
import { describe, expect, it } from "vitest";
import { postAuth, signUpVerified } from "../../src/testing";
import { authUnderTest, useSmtpSink } from "../support/auth-under-test";

const database = useTestDatabase();
const sink = useSmtpSink();
const PASSWORD = "correct-horse-battery";

/** What a client can compare: status, header names, and the body with its values' types. */
async function shapeOf(response: Response) {
  const body = await response.json();
  const typed = (value: unknown): unknown =>
    value && typeof value === "object"
      ? Object.fromEntries(Object.entries(value).map(([key, item]) => [key, typed(item)]))
      : value === null
        ? null
        : typeof value;
  const names = [...response.headers.keys()].filter((name) => name !== "date").sort();
  return { status: response.status, headers: names, body: typed(body) };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1] ?? 0;

describe("no account enumeration", () => {
  it("a sign-up with a taken address answers as a new one does, and mails the address's owner", async () => {
    const app = authUnderTest(database.current.db, sink.current);
    const taken = "taken@example.test";
    await signUpVerified(app, { email: taken });

    const fresh = await postAuth(app, "/sign-up/email", {
      email: "fresh@example.test",
      password: PASSWORD,
      name: "Eve",
    });
    const again = await postAuth(app, "/sign-up/email", {
      email: taken,
      password: `${PASSWORD}-other`,
      name: "Eve",
    });
    const [freshShape, againShape] = [await shapeOf(fresh), await shapeOf(again)];
    expect(againShape).toEqual(freshShape);
    expect(freshShape).toMatchObject({ status: 200, body: { token: null } });
    expect(freshShape.headers).not.toContain("set-cookie");

    // The owner hears of it; the one who tried gets nothing they could tell apart.
    const notice = await app.waitForMail({ to: taken, subject: "tried to sign up" });
    expect(notice.text).toContain("http://localhost:3000/forgot-password");
    await app.waitForMail({ to: "fresh@example.test", subject: "Confirm your email" });
    await expect(
      app.waitForMail({ to: taken, subject: "Confirm your email", timeoutMs: 300 }),
    ).rejects.toThrow(/no mail/);
  });

  it("a sign-up with a taken address takes about as long as a new one", async () => {
    const app = authUnderTest(database.current.db, sink.current);
    const taken = `timing-${randomUUID()}@example.test`;
    await signUpVerified(app, { email: taken });
    const time = async (email: string) => {
      const start = performance.now();
      const response = await postAuth(app, "/sign-up/email", {
        email,
        password: PASSWORD,
        name: "E",
      });
      await response.arrayBuffer();
      expect(response.status).toBe(200);
      return performance.now() - start;
    };
    const fresh: number[] = [];
    const existing: number[] = [];
    for (let i = 0; i < 8; i++) {
      fresh.push(await time(`timing-${randomUUID()}@example.test`));
      existing.push(await time(taken));
    }
    // Both hash the password (scrypt, the bulk of the time); neither waits for the mail.
    const ratio = median(existing) / median(fresh);
    const medians = `existing ${median(existing).toFixed(0)} ms, new ${median(fresh).toFixed(0)} ms`;
    console.log(`sign-up medians: ${medians}`);
    expect(ratio, medians).toBeGreaterThan(0.5);
    expect(ratio).toBeLessThan(2);
  });

  it("sign-in failures are indistinguishable: unknown address, wrong password, unverified account", async () => {
    const app = authUnderTest(database.current.db, sink.current);
    const known = "known@example.test";
    await signUpVerified(app, { email: known });
    const unverified = "unverified@example.test";
    await postAuth(app, "/sign-up/email", { email: unverified, password: PASSWORD, name: "U" });
    const attempts = await Promise.all(
      [
        { email: "nobody@example.test", password: PASSWORD },
        { email: known, password: `${PASSWORD}-wrong` },
        { email: unverified, password: `${PASSWORD}-wrong` },
      ].map(async (body) => {
        const response = await postAuth(app, "/sign-in/email", body);
        return { status: response.status, body: await response.json() };
      }),
    );
    expect(attempts[0]).toEqual({
      status: 401,
      body: { code: "INVALID_EMAIL_OR_PASSWORD", message: "Invalid email or password" },
    });
    expect(attempts[1]).toEqual(attempts[0]);
    expect(attempts[2]).toEqual(attempts[0]);
  });

  it("asking for another verification mail takes as long whether or not an unverified account has the address, however slow the mail server", async () => {
    // A mail server that takes 1.5 s to accept each message.
    const slow = await startSmtpSink({ onMail: () => sleep(1_500) });
    try {
      const app = authUnderTest(database.current.db, slow);
      const pending = "pending@example.test";
      await postAuth(app, "/sign-up/email", { email: pending, password: PASSWORD, name: "P" });
      const time = async (email: string) => {
        const start = performance.now();
        const response = await postAuth(app, "/send-verification-email", { email });
        expect(await response.json()).toEqual({ status: true });
        return performance.now() - start;
      };
      const unknown = await time("nobody-pending@example.test");
      const existing = await time(pending);
      // Better Auth pads this route to 500 ms; the mail is sent after the answer.
      expect(existing, `existing ${existing} ms, unknown ${unknown} ms`).toBeLessThan(1_000);
      expect(Math.abs(existing - unknown)).toBeLessThan(300);
      await slow.waitForMail({ to: pending, subject: "Confirm your email" }); // the sign-up's
      await slow.waitForMail({ to: pending, subject: "Confirm your email" }); // and the resend
    } finally {
      await slow.close();
    }
  });
});

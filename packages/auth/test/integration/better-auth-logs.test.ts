import { Writable } from "node:stream";
import { setTimeout as sleep } from "node:timers/promises";
import { useTestDatabase } from "@repo/db/testing/vitest";
import { createLogger, type LogLevel } from "@repo/logger";
import { createMailer } from "@repo/mail";
import { startSmtpSink } from "@repo/mail/testing";
import { sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { postAuth, signUpVerified } from "../../src/testing";
import { authUnderTest, useSmtpSink } from "../support/auth-under-test";

const database = useTestDatabase();
const sink = useSmtpSink();
const EMAIL = "ada.logs@example.test";
const PASSWORD = "correct-horse-battery-staple";

function authLoggingAt(level: LogLevel, mailer?: ReturnType<typeof createMailer>) {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split("\n").filter(Boolean));
      done();
    },
  });
  const logger = createLogger({ level, destination });
  const app = authUnderTest(database.current.db, sink.current, {
    logger,
    ...(mailer ? { mailer } : {}),
  });
  const post = (path: string, body: object) => postAuth(app, path, body);
  return { app, lines, post };
}

// Whatever reaches the console instead of the logger.
const printed: string[] = [];
beforeEach(() => {
  printed.length = 0;
  for (const method of ["log", "info", "warn", "error"] as const)
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      printed.push(
        args
          .map((arg) =>
            arg instanceof Error ? `${arg.message} ${String(arg.cause)}` : String(arg),
          )
          .join(" "),
      );
    });
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe("Better Auth's log, through the app's logger", () => {
  it("is JSON lines at LOG_LEVEL, and carries no password, email, token, mailed link or SQL parameter", async () => {
    const { app, lines, post } = authLoggingAt("debug");
    const { cookie } = await signUpVerified(app, { email: EMAIL, password: PASSWORD });
    const sessionToken = /session_token=([^;.]+)/.exec(cookie)?.[1];
    expect(sessionToken).toBeTruthy();
    const verificationToken = /token=([^&\s]+)/.exec(sink.current.mails.at(-1)?.text ?? "")?.[1];
    expect(verificationToken).toBeTruthy();

    // Paths that log: a second sign-up (info, quoting the email; answered as a new one), a wrong
    // password (warn), and a database error whose drizzle message ends with the bound values
    // (the new session's token).
    expect(
      (await post("/sign-up/email", { email: EMAIL, password: PASSWORD, name: "A" })).status,
    ).toBe(200);
    expect((await post("/sign-in/email", { email: EMAIL, password: `${PASSWORD}!` })).status).toBe(
      401,
    );
    await database.current.db.execute(sql`alter table "session" rename to "session_away"`);
    try {
      const failed = await post("/sign-in/email", { email: EMAIL, password: PASSWORD });
      expect(failed.status).toBe(500);
    } finally {
      await database.current.db.execute(sql`alter table "session_away" rename to "session"`);
    }

    expect(printed.join("\n")).not.toContain("params"); // nothing went around the logger
    const records = lines.map((line) => JSON.parse(line));
    expect(records.every((record) => ["better-auth", "mail"].includes(record.source))).toBe(true);
    expect(records).toContainEqual(
      expect.objectContaining({ source: "mail", kind: "verify-email", msg: "mail sent" }),
    );
    expect(records.every((record) => !Number.isNaN(Date.parse(record.time)))).toBe(true);
    const messages = records.map((record) => `${record.level} ${record.msg}`);
    expect(messages).toContain("info Sign-up attempt for existing email: [email]");
    expect(messages).toContain("warn Invalid password");
    const failure = records.find((record) => record.level === "error");
    expect(JSON.stringify(failure)).toMatch(/session/); // the failed SQL is there to find the cause
    const text = lines.join("\n");
    for (const secret of [
      PASSWORD,
      EMAIL,
      sessionToken ?? "?",
      verificationToken ?? "?",
      "$argon",
      "scrypt",
    ])
      expect(text).not.toContain(secret);
    expect(text).not.toMatch(/params: (?!\[redacted\])/);
  });

  it("writes nothing below LOG_LEVEL", async () => {
    const { lines, post } = authLoggingAt("error");
    expect(
      (await post("/sign-in/email", { email: EMAIL, password: "wrong-password-1" })).status,
    ).toBe(401);
    expect(
      (await post("/sign-up/email", { email: EMAIL, password: PASSWORD, name: "A" })).status,
    ).toBe(200);
    expect(lines).toEqual([]);
  });

  it("logs a mail the SMTP server refused, without the address or the link", async () => {
    const refusing = await startSmtpSink({ credentials: { user: "mailer", pass: "right" } });
    try {
      const mailer = createMailer({
        transport: "smtp",
        url: refusing.url.replace("right", "wrong"),
        from: "Todo <no-reply@example.test>",
      });
      const { lines, post } = authLoggingAt("info", mailer);
      const email = "refused.mail@example.test";
      const signUp = await post("/sign-up/email", { email, password: PASSWORD, name: "R" });
      expect(signUp.status).toBe(200); // answered before the mail is even tried
      for (let waited = 0; waited < 10_000; waited += 50) {
        if (lines.some((line) => line.includes("mail not sent"))) break;
        await sleep(50);
      }
      const failure = lines
        .map((line) => JSON.parse(line))
        .find((record) => record.msg === "mail not sent");
      expect(failure).toMatchObject({ level: "error", source: "mail", kind: "verify-email" });
      expect(JSON.stringify(failure)).toMatch(/Invalid login|535/); // the server's answer
      const text = lines.join("\n");
      for (const secret of [email, "verify-email?", "token=", "eyJ", "wrong"])
        expect(text).not.toContain(secret);
      expect(refusing.mails).toEqual([]);
    } finally {
      await refusing.close();
    }
  });
});

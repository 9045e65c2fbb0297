import { mkdtemp, readdir, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createMailer } from "../src/index";
import { verifyEmailMessage } from "../src/messages";
import { extractLink, outboxMailbox, startSmtpSink } from "../src/testing";

const FROM = "Todo <no-reply@example.test>";
const LINK = "http://localhost:3000/api/auth/verify-email?token=a.b.c&callbackURL=%2F";
const cleanup: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const step of cleanup) await step();
});

describe("the SMTP transport", () => {
  it("delivers to a real SMTP server, logging in with the URL's credentials", async () => {
    const sink = await startSmtpSink({ credentials: { user: "mailer", pass: "p@ss word" } });
    cleanup.push(sink.close);
    const mailer = createMailer({ transport: "smtp", url: sink.url, from: FROM });
    // A long link: nodemailer folds it (quoted-printable); the reader gets it back whole.
    const long = `${LINK}&padding=${"x".repeat(200)}`;
    await mailer.send(verifyEmailMessage("Ada@Example.test", long, 3600));
    const mail = await sink.waitForMail({ to: "ada@example.test", subject: "Confirm" });
    expect(mail.from).toBe('"Todo" <no-reply@example.test>');
    expect(extractLink(mail.text)).toBe(long);
    expect(mailer.description).toBe(`SMTP smtp://127.0.0.1:${sink.port}`); // no credentials
    await mailer.close();
  });

  it("fails the send when the server refuses the login", async () => {
    const sink = await startSmtpSink({ credentials: { user: "mailer", pass: "right" } });
    cleanup.push(sink.close);
    const url = sink.url.replace("right", "wrong");
    const mailer = createMailer({ transport: "smtp", url, from: FROM });
    await expect(mailer.send({ to: "a@example.test", subject: "s", text: "t" })).rejects.toThrow();
    expect(sink.mails).toEqual([]);
  });
});

describe("the outbox transport", () => {
  it("writes one file per message, readable by its owner only, that a person can read", async () => {
    const dir = path.join(await mkdtemp(path.join(tmpdir(), "outbox-test-")), "outbox");
    cleanup.push(() => rm(path.dirname(dir), { recursive: true, force: true }));
    const mailer = createMailer({ transport: "outbox", dir, from: FROM });
    await mailer.send(verifyEmailMessage("ada@example.test", LINK, 3600));
    await mailer.send(verifyEmailMessage("bob@example.test", LINK, 3600));
    const files = await readdir(dir);
    expect(files).toHaveLength(2);
    expect(
      files.every((file) => /^\d{4}-.+-(ada|bob)@example\.test-[0-9a-f]{6}\.eml$/.test(file)),
    ).toBe(true);
    const mode = (await stat(path.join(dir, files[0] ?? ""))).mode & 0o777;
    expect(mode).toBe(0o600);
    const mailbox = outboxMailbox(dir);
    const mail = await mailbox.waitForMail({ to: "bob@example.test" });
    expect(mail).toMatchObject({ from: FROM, subject: "Confirm your email address" });
    // The link is a line of its own, as written: a person copies it from the file.
    expect(mail.text.split("\n")).toContain(LINK);
    await expect(mailbox.waitForMail({ to: "bob@example.test", timeoutMs: 100 })).rejects.toThrow(
      /no mail to bob@example.test/,
    );
  });
});

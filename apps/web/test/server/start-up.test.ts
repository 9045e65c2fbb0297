import path from "node:path";
import { Writable } from "node:stream";
import { afterEach, describe, expect, it, vi } from "vitest";
import { readEnv } from "@/env";
import { startUp } from "@/start-up";

const SECRET = "s".repeat(40);
const base = { NODE_ENV: "production", BETTER_AUTH_SECRET: SECRET } as NodeJS.ProcessEnv;

function run(source: NodeJS.ProcessEnv) {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  const ok = startUp({ source, destination });
  return { ok, lines, records: lines.map((line) => JSON.parse(line)) };
}

describe("the web server's start-up", () => {
  it("logs what it runs with as one JSON line, without the secret or the database URL", () => {
    const { ok, lines, records } = run({
      ...base,
      DATABASE_URL: "postgres://app:db-password@db.example/app",
    });
    expect(ok).toBe(true);
    expect(records).toEqual([
      {
        level: "info",
        time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
        msg: "configuration read",
        logLevel: "info",
        node: process.version,
        authUrl: "http://localhost:3000",
        apiUrl: "http://localhost:3001",
        database: "DATABASE_URL",
        mail: `outbox ${path.resolve(import.meta.dirname, "../../../../.data/outbox")}`,
      },
    ]);
    expect(lines.join("")).not.toContain(SECRET);
    expect(lines.join("")).not.toContain("db-password");
  });

  it("honours LOG_LEVEL: at warn, the info line is not written", () => {
    expect(run({ ...base, LOG_LEVEL: "warn" })).toMatchObject({ ok: true, lines: [] });
  });

  it("refuses an unknown LOG_LEVEL with a fatal JSON line naming it", () => {
    const { ok, records } = run({ ...base, LOG_LEVEL: "loud" });
    expect(ok).toBe(false);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ level: "fatal", msg: "refusing to start" });
    expect(records[0].error).toMatch(/LOG_LEVEL/);
  });

  it("rotates JWT signing keys every 30 days with 7 days' grace unless told, in whole seconds", () => {
    expect(readEnv(base)).toMatchObject({
      AUTH_JWKS_ROTATION_INTERVAL_SECONDS: 2_592_000,
      AUTH_JWKS_GRACE_PERIOD_SECONDS: 604_800,
    });
    expect(
      readEnv({
        ...base,
        AUTH_JWKS_ROTATION_INTERVAL_SECONDS: "20",
        AUTH_JWKS_GRACE_PERIOD_SECONDS: "30",
      }),
    ).toMatchObject({
      AUTH_JWKS_ROTATION_INTERVAL_SECONDS: 20,
      AUTH_JWKS_GRACE_PERIOD_SECONDS: 30,
    });
    for (const bad of ["7d", "0", "1.5", "-3"]) {
      const { ok, records } = run({ ...base, AUTH_JWKS_GRACE_PERIOD_SECONDS: bad });
      expect(ok).toBe(false);
      expect(records[0].error).toMatch(/AUTH_JWKS_GRACE_PERIOD_SECONDS/);
    }
  });

  it("refuses a short BETTER_AUTH_SECRET without logging it", () => {
    const { ok, lines } = run({ ...base, BETTER_AUTH_SECRET: "short-secret-value" });
    expect(ok).toBe(false);
    expect(lines.join("")).toMatch(/BETTER_AUTH_SECRET/);
    expect(lines.join("")).not.toContain("short-secret-value");
  });

  describe("mail", () => {
    afterEach(() => {
      vi.unstubAllEnvs();
    });
    const production = { ...base, DATABASE_URL: "postgres://db.example/app" };

    it("in production, refuses to start without SMTP_URL, naming it", () => {
      vi.stubEnv("NODE_ENV", "production");
      const { ok, records } = run(production);
      expect(ok).toBe(false);
      expect(records[0]).toMatchObject({ level: "fatal", msg: "refusing to start" });
      expect(records[0].error).toMatch(/SMTP_URL is not set/);
      // An outbox folder is no way out: in production, mail must reach people.
      expect(run({ ...production, MAIL_OUTBOX_DIR: "/tmp/outbox" }).ok).toBe(false);
    });

    it("in production, sends through SMTP_URL, and logs where without the credentials", () => {
      vi.stubEnv("NODE_ENV", "production");
      const source = { ...production, SMTP_URL: "smtps://mailer:smtp-password@smtp.example:465" };
      expect(readEnv(source).mail).toEqual({
        transport: "smtp",
        url: "smtps://mailer:smtp-password@smtp.example:465",
        from: "Todo <no-reply@localhost>",
      });
      const { ok, lines, records } = run(source);
      expect(ok).toBe(true);
      expect(records[0].mail).toBe("SMTP smtps://smtp.example:465");
      expect(lines.join("")).not.toContain("smtp-password");
    });

    it("in development, writes into MAIL_OUTBOX_DIR (default .data/outbox), from MAIL_FROM", () => {
      expect(readEnv(base).mail).toMatchObject({
        transport: "outbox",
        dir: expect.stringMatching(/\/\.data\/outbox$/),
      });
      expect(
        readEnv({ ...base, MAIL_OUTBOX_DIR: "/tmp/mails", MAIL_FROM: "Ops <ops@example.com>" })
          .mail,
      ).toEqual({ transport: "outbox", dir: "/tmp/mails", from: "Ops <ops@example.com>" });
    });

    it.each([
      ["SMTP_URL", "http://smtp.example"],
      ["SMTP_URL", "not a url"],
      ["MAIL_FROM", "no address"],
      ["MAIL_FROM", "a@example.com\r\nBcc: victim@example.com"],
      ["AUTH_RATE_LIMIT_MAIL", "3"],
      ["AUTH_RATE_LIMIT_LINK", "ten/60"],
    ])("refuses %s=%j, naming it", (name, value) => {
      const { ok, records } = run({ ...base, [name]: value });
      expect(ok).toBe(false);
      expect(records[0].error).toMatch(new RegExp(name));
    });
  });
});

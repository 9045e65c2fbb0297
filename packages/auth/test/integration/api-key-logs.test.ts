import { Writable } from "node:stream";
import { setTimeout as sleep } from "node:timers/promises";
import { useTestDatabase } from "@repo/db/testing/vitest";
import { createLogger } from "@repo/logger";
import { sql } from "drizzle-orm";
import { afterEach, beforeEach, expect, it, vi } from "vitest";
import { signUpVerified } from "../../src/testing";
import {
  answerDevice,
  createdKey,
  createScopedKey,
  deviceCodeFor,
  hashOfKey,
  openDevicePage,
  pollDeviceToken,
} from "../support/api-keys";
import { authUnderTest, useSmtpSink } from "../support/auth-under-test";

const database = useTestDatabase();
const sink = useSmtpSink();

// Whatever reaches the console instead of the logger.
const printed: string[] = [];
beforeEach(() => {
  printed.length = 0;
  for (const method of ["log", "info", "warn", "error", "debug"] as const)
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      printed.push(args.map((arg) => String(arg)).join(" "));
    });
});
afterEach(() => {
  vi.restoreAllMocks();
});

/** Every statement against `table` that inserts a row fails (and drizzle's error quotes the values). */
async function refuseInserts<T>(table: "apikey" | "session", run: () => Promise<T>) {
  const { db } = database.current;
  await db.execute(sql.raw(`alter table "${table}" add constraint refuse check (false) not valid`));
  try {
    return await run();
  } finally {
    await db.execute(sql.raw(`alter table "${table}" drop constraint refuse`));
  }
}

it("Better Auth's log carries no API key, key hash, device code or session token across keys and device logins", async () => {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split("\n").filter(Boolean));
      done();
    },
  });
  const app = authUnderTest(database.current.db, sink.current, {
    logger: createLogger({ level: "debug", destination }),
    apiKeysPerUser: 3,
    deviceLogin: { codeSeconds: 600, intervalSeconds: 1 },
  });
  // Every session token Better Auth stores, the device grant's (deleted at once) included.
  await database.current.db.execute(sql`
    create table seen_session_token (token text not null);
    create function remember_session_token() returns trigger language plpgsql as $$
      begin insert into seen_session_token values (new.token); return new; end $$;
    create trigger remember_session_token after insert on "session"
      for each row execute function remember_session_token();
  `);
  const { cookie } = await signUpVerified(app, { email: "ada.keys@example.test" });

  // Keys from the web app: created, refused (a bad body, then the cap), listed, and a failed insert.
  const created = await createdKey(app, cookie);
  expect((await createScopedKey(app, cookie, { name: "", scopes: [] })).status).toBe(400);
  await createdKey(app, cookie);
  const failedInsert = await refuseInserts("apikey", () =>
    createScopedKey(app, cookie, { name: "ci", expiresInDays: 7, scopes: ["todos:write"] }),
  );
  expect(failedInsert.status).toBe(500);
  expect((await app.get("/api-key/list", cookie)).status).toBe(200);

  // A device login: pending, too fast, approved, granted, then the spent code again.
  const code = await deviceCodeFor(app, "todos:read");
  expect((await pollDeviceToken(app, code.device_code)).status).toBe(400);
  expect((await pollDeviceToken(app, code.device_code)).status).toBe(400);
  expect((await openDevicePage(app, cookie, code.user_code)).status).toBe(200);
  expect((await answerDevice(app, cookie, code.user_code, "approve")).status).toBe(200);
  await sleep(1_100);
  const granted = await pollDeviceToken(app, code.device_code);
  expect(granted.status).toBe(200);
  const { access_token: deviceKey } = (await granted.json()) as { access_token: string };
  await sleep(1_100);
  expect((await pollDeviceToken(app, code.device_code)).status).toBe(400);

  // One refused at the cap, one whose session cannot be stored.
  const capped = await deviceCodeFor(app);
  await openDevicePage(app, cookie, capped.user_code);
  await answerDevice(app, cookie, capped.user_code, "approve");
  expect((await pollDeviceToken(app, capped.device_code)).status).toBe(400);
  const unstored = await deviceCodeFor(app);
  await openDevicePage(app, cookie, unstored.user_code);
  await answerDevice(app, cookie, unstored.user_code, "approve");
  const failedSession = await refuseInserts("session", () =>
    pollDeviceToken(app, unstored.device_code),
  );
  expect(failedSession.status).toBe(500);

  const sessionTokens = (
    await database.current.db.execute<{ token: string }>(sql`select token from seen_session_token`)
  ).rows.map((row) => row.token);
  expect(sessionTokens.length).toBeGreaterThanOrEqual(3); // the browser's and two device grants'

  const records = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  expect(records.filter((record) => record.level === "error")).toHaveLength(2); // the two failures
  const text = lines.join("\n");
  expect(text).toMatch(/apikey/); // the failed SQL is there to find the cause
  for (const secret of [
    created.key,
    hashOfKey(created.key),
    deviceKey,
    hashOfKey(deviceKey),
    ...[code, capped, unstored].flatMap(({ device_code, user_code }) => [device_code, user_code]),
    ...sessionTokens,
  ])
    expect(text).not.toContain(secret);
  expect(text).not.toMatch(/todo_[A-Za-z]{8}/); // no key at all, even one never returned
  // The failed inserts' values (the unstored session's token, the unstored key's hash) are
  // known only to drizzle's error: none of its bound values may be in the log.
  expect(text).not.toMatch(/params: (?!\[redacted\])/);
  expect(printed.join("\n")).not.toMatch(/todo_|params/);
});

import { randomUUID } from "node:crypto";
import { user } from "@repo/db/schema";
import { useTestDatabase } from "@repo/db/testing/vitest";
import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { AUTH_BODY_MAX_BYTES, NAME_MAX_LENGTH } from "../../src/account-limits";
import { postAuth } from "../../src/testing";
import { authUnderTest, useSmtpSink } from "../support/auth-under-test";

const database = useTestDatabase();
const sink = useSmtpSink();

const signUp = (app: ReturnType<typeof authUnderTest>, name: string) =>
  postAuth(app, "/sign-up/email", {
    email: `${randomUUID()}@example.test`,
    password: "correct-horse-battery",
    name,
  });

it("refuses a name over 100 characters at sign-up (400 NAME_TOO_LONG) and stores nothing", async () => {
  const app = authUnderTest(database.current.db, sink.current);
  expect(NAME_MAX_LENGTH).toBe(100);
  const tooLong = await signUp(app, "é".repeat(NAME_MAX_LENGTH + 1));
  expect(tooLong.status).toBe(400);
  expect(await tooLong.json()).toMatchObject({ code: "NAME_TOO_LONG" });
  // Characters, not bytes: 100 two-byte characters are a name.
  expect((await signUp(app, "é".repeat(NAME_MAX_LENGTH))).status).toBe(200);
  const [stored] = await database.current.db
    .select({ longest: sql<number>`max(char_length(${user.name}))` })
    .from(user);
  expect(Number(stored?.longest)).toBe(NAME_MAX_LENGTH);
});

it("refuses an auth request body over 16 KiB with 413, before Better Auth reads it", async () => {
  const app = authUnderTest(database.current.db, sink.current);
  const response = await signUp(app, "a".repeat(AUTH_BODY_MAX_BYTES));
  expect(response.status).toBe(413);
  expect(await response.json()).toMatchObject({ code: "PAYLOAD_TOO_LARGE" });
  // A stream with no Content-Length is cut at the cap too.
  const endless = new ReadableStream<Uint8Array>({
    pull(controller) {
      controller.enqueue(new Uint8Array(64 * 1024).fill(32));
    },
  });
  const streamed = await app.handle(
    new Request(`${app.baseUrl}/api/auth/sign-up/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: app.baseUrl },
      body: endless,
      duplex: "half",
    } as RequestInit),
  );
  expect(streamed.status).toBe(413);
});

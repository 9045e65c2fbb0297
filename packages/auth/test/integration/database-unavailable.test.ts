import { NO_TRUSTED_PROXY } from "@repo/client-address";
import { createDatabase } from "@repo/db/client";
import { createLogger } from "@repo/logger";
import { collectLines } from "@repo/logger/testing";
import { createMailer } from "@repo/mail";
import { afterAll, expect, it } from "vitest";
import { createAuth, handleAuthRequest } from "../../src/server";
import { useSmtpSink } from "../support/auth-under-test";

// Nothing listens on port 1: every query fails to connect, as when the database is down.
const database = createDatabase({ url: "postgres://postgres@127.0.0.1:1/nowhere" });
afterAll(() => database.close());
const sink = useSmtpSink();

it("answers 503 with Retry-After when the database is unreachable, and logs one warning", async () => {
  const { destination, lines } = collectLines();
  const auth = createAuth({
    db: database.db,
    secret: "x".repeat(40),
    baseURL: "http://localhost:3000",
    mailer: createMailer({ transport: "smtp", url: sink.current.url, from: "t@example.test" }),
  });
  const handle = handleAuthRequest(auth, {
    logger: createLogger({ level: "info", destination }),
    trustedProxies: NO_TRUSTED_PROXY,
  });
  const response = await handle(
    new Request("http://localhost:3000/api/auth/sign-in/email", {
      method: "POST",
      headers: { "content-type": "application/json", origin: "http://localhost:3000" },
      body: JSON.stringify({ email: "ada@example.test", password: "correct-horse-battery" }),
    }),
  );
  expect(response.status).toBe(503);
  expect(response.headers.get("retry-after")).toBe("5");
  expect(await response.json()).toMatchObject({ code: "SERVICE_UNAVAILABLE" });
  const logged = lines.map((line) => JSON.parse(line));
  expect(logged.filter((line) => line.level === "warn")).toHaveLength(1);
  expect(JSON.stringify(logged)).not.toContain("correct-horse-battery");
});

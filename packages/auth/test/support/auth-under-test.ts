import { NO_TRUSTED_PROXY } from "@repo/client-address";
import type { Database } from "@repo/db/client";
import { createLogger, type Logger } from "@repo/logger";
import { collectLines } from "@repo/logger/testing";
import { createMailer } from "@repo/mail";
import { type SmtpSink, startSmtpSink } from "@repo/mail/testing";
import { afterAll, beforeAll } from "vitest";
import { type AuthOptions, createAuth, handleAuthRequest } from "../../src/server";
import type { AuthUnderTest } from "../../src/testing";

export const BASE_URL = "http://localhost:3000";
export const SECRET = "x".repeat(40);

/** A real SMTP server for this file's mails (started before its tests, stopped after). */
export function useSmtpSink(): { readonly current: SmtpSink } {
  let sink: SmtpSink | undefined;
  beforeAll(async () => {
    sink = await startSmtpSink();
  });
  afterAll(async () => {
    await sink?.close();
  });
  return {
    get current() {
      if (!sink) throw new Error("the SMTP sink is not started yet");
      return sink;
    },
  };
}

/**
 * Better Auth as the web app configures it, mailing through the real SMTP transport to `sink`,
 * behind handleAuthRequest (as the web app's route serves it).
 */
export function authUnderTest(
  db: Database,
  sink: SmtpSink,
  options: Partial<AuthOptions> & { logger?: Logger } = {},
) {
  const logger =
    options.logger ?? createLogger({ level: "warn", destination: collectLines().destination });
  const auth = createAuth({
    db,
    secret: SECRET,
    baseURL: BASE_URL,
    mailer: createMailer({
      transport: "smtp",
      url: sink.url,
      from: "Todo <no-reply@example.test>",
    }),
    ...options,
    logger,
  });
  const handle = handleAuthRequest(auth, { logger, trustedProxies: NO_TRUSTED_PROXY });
  const client: AuthUnderTest & {
    auth: typeof auth;
    get: (path: string, cookie?: string) => Promise<Response>;
  } = {
    auth,
    handle,
    baseUrl: BASE_URL,
    waitForMail: sink.waitForMail,
    get: (path, cookie) =>
      handle(new Request(`${BASE_URL}/api/auth${path}`, { headers: cookie ? { cookie } : {} })),
  };
  return client;
}

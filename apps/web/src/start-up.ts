import "server-only";
import { createLogger, type DestinationStream } from "@repo/logger";
import { describeMailerConfig } from "@repo/mail";
import { type Env, readEnv } from "./env";

export interface StartUpOptions {
  source?: NodeJS.ProcessEnv;
  /** Default: stdout. */
  destination?: DestinationStream;
}

/**
 * The web server's first log lines: reads and validates the configuration, and logs either what
 * it runs with (info: nothing secret, no database URL) or a fatal line naming every bad variable.
 * Returns false when the server must not start (the caller exits 1).
 */
export function startUp({ source = process.env, destination }: StartUpOptions = {}): boolean {
  let env: Env;
  try {
    env = readEnv(source);
  } catch (error) {
    // LOG_LEVEL itself may be what is wrong: a refusal is always logged.
    const message = error instanceof Error ? error.message : String(error);
    createLogger({ level: "info", destination }).fatal({ error: message }, "refusing to start");
    return false;
  }
  createLogger({ level: env.LOG_LEVEL, destination }).info(
    {
      logLevel: env.LOG_LEVEL,
      node: process.version,
      authUrl: env.BETTER_AUTH_URL,
      apiUrl: env.NEXT_PUBLIC_API_URL,
      database: env.DATABASE_URL ? "DATABASE_URL" : "embedded",
      // Where verification and reset mails go (in development, the folder to read them from).
      mail: describeMailerConfig(env.mail),
    },
    "configuration read",
  );
  return true;
}

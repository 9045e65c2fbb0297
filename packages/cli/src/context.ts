import { setTimeout as delay } from "node:timers/promises";
import { createTodoClient, type FetchLike, type TodoClient } from "@repo/api-client";
import { readCredentials, type StoredCredentials } from "./config/credentials";
import { configDir, type Env } from "./config/paths";
import { resolveSettings, type Settings } from "./config/settings";
import { CliError, EXIT } from "./exit-codes";
import { withRateLimitRetry } from "./http/rate-limit-retry";

/** What the CLI touches outside itself; `main` gets the real ones, tests their own. */
export interface Io {
  stdout(line: string): void;
  stderr(line: string): void;
  env: Env;
  /** Aborted on Ctrl-C. */
  signal: AbortSignal;
  /** Defaults to a real timer (aborted with `signal`). */
  sleep?: (ms: number) => Promise<void>;
}

export interface Context {
  io: Io;
  settings: Settings;
  configDir: string;
  stored: StoredCredentials | undefined;
  sleep: (ms: number) => Promise<void>;
  /** globalThis.fetch with Ctrl-C and the one 429 retry. */
  fetch: FetchLike;
  /** The API client with the resolved token (or `token`); a usage without one is exit 3. */
  client(token?: string): TodoClient;
}

export async function createContext(
  io: Io,
  flags: { apiUrl?: string | undefined; webUrl?: string | undefined },
): Promise<Context> {
  const dir = configDir(io.env);
  const stored = await readCredentials(dir);
  const settings = resolveSettings(flags, io.env, stored);
  const sleep = io.sleep ?? ((ms: number) => delay(ms, undefined, { signal: io.signal }));
  const fetch = withRateLimitRetry(
    (input, init) => globalThis.fetch(input, { ...init, signal: io.signal }),
    { sleep, notice: io.stderr },
  );
  return {
    io,
    settings,
    configDir: dir,
    stored,
    sleep,
    fetch,
    client(token = settings.token) {
      if (!token)
        throw new CliError(
          EXIT.unauthorized,
          "Not logged in: run `todo login` (or set TODO_TOKEN).",
        );
      return createTodoClient({ baseUrl: settings.apiUrl, getToken: () => token, fetch });
    },
  };
}

import { usageError } from "../exit-codes";
import type { StoredCredentials } from "./credentials";
import type { Env } from "./paths";

/** The development API (the client appends `/api/v1`) and web app. */
export const DEFAULT_API_URL = "http://localhost:3001";
export const DEFAULT_WEB_URL = "http://localhost:3000";

export interface Settings {
  apiUrl: string;
  webUrl: string;
  /** `TODO_TOKEN`, else the stored login's; undefined when neither exists. */
  token: string | undefined;
}

function httpUrl(value: string, what: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw usageError(`${what} must be an http(s) URL, not ${JSON.stringify(value)}`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    throw usageError(`${what} must be an http(s) URL, not ${JSON.stringify(value)}`);
  return value.replace(/\/+$/, "");
}

/** Flag, else environment, else the stored login, else the development default. */
export function resolveSettings(
  flags: { apiUrl?: string | undefined; webUrl?: string | undefined },
  env: Env,
  stored: StoredCredentials | undefined,
): Settings {
  return {
    apiUrl: httpUrl(
      flags.apiUrl ?? env.TODO_API_URL ?? stored?.apiUrl ?? DEFAULT_API_URL,
      "the API URL",
    ),
    webUrl: httpUrl(
      flags.webUrl ?? env.TODO_WEB_URL ?? stored?.webUrl ?? DEFAULT_WEB_URL,
      "the web URL",
    ),
    token: env.TODO_TOKEN || stored?.token,
  };
}

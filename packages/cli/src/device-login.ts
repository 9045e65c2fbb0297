// The device authorization grant (RFC 8628) against Better Auth's deviceAuthorization plugin.
import type { FetchLike } from "@repo/api-client";
import { API_SCOPES, DEVICE_CLIENT_ID } from "@repo/auth/api-key-policy";
import { z } from "zod";
import { CliError, EXIT } from "./exit-codes";

/** Where the web app serves the plugin's endpoints: `<base>/code` and `<base>/token`. */
export const DEVICE_AUTH_BASE_PATH = "/api/auth/device";
/** Every scope: a CLI reads and writes todos, projects and labels. */
export const REQUESTED_SCOPE = API_SCOPES.join(" ");
export const DEVICE_CODE_GRANT = "urn:ietf:params:oauth:grant-type:device_code";
/** RFC 8628 §3.5: a `slow_down` adds 5 s to the interval, for this and every later poll. */
export const SLOW_DOWN_SECONDS = 5;

const deviceCodeSchema = z.object({
  device_code: z.string().min(1),
  user_code: z.string().min(1),
  verification_uri: z.string(),
  verification_uri_complete: z.string().optional(),
  expires_in: z.number().positive(),
  // RFC 8628 §3.2: 5 s when the server names none.
  interval: z.number().nonnegative().default(5),
});
export type DeviceCode = z.infer<typeof deviceCodeSchema>;

const tokenSchema = z.object({ access_token: z.string().min(1), token_type: z.string() });
const oauthErrorSchema = z.object({ error: z.string(), error_description: z.string().optional() });

export interface DeviceLoginDeps {
  fetch: FetchLike;
  sleep: (ms: number) => Promise<void>;
  now?: () => number;
}

async function post(deps: DeviceLoginDeps, url: string, body: object) {
  try {
    return await deps.fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify(body),
    });
  } catch (error) {
    // Name the web app: the generic report would name the API.
    if (!(error instanceof TypeError)) throw error;
    const cause = (error.cause as { code?: string } | undefined)?.code ?? error.message;
    throw new CliError(
      EXIT.network,
      `Cannot reach the web app at ${new URL(url).origin}: ${cause}`,
    );
  }
}

async function readJson(response: Response, what: string): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    throw new CliError(EXIT.unexpected, `${what} answered ${response.status} without JSON.`);
  }
}

/** Step 1: a device code and the user code to type in the browser. */
export async function requestDeviceCode(
  deps: DeviceLoginDeps,
  webUrl: string,
): Promise<DeviceCode> {
  const response = await post(deps, `${webUrl}${DEVICE_AUTH_BASE_PATH}/code`, {
    client_id: DEVICE_CLIENT_ID,
    scope: REQUESTED_SCOPE,
  });
  const body = await readJson(response, "The device code endpoint");
  const parsed = deviceCodeSchema.safeParse(body);
  if (response.ok && parsed.success) return parsed.data;
  const error = oauthErrorSchema.safeParse(body);
  const why = error.success
    ? (error.data.error_description ?? error.data.error)
    : "unexpected body";
  throw new CliError(EXIT.unexpected, `Login could not start (${response.status}: ${why}).`);
}

/** `ABCDEFGH` as `ABCD-EFGH`, easier to read off; the server normalises what is typed. */
export const formatUserCode = (code: string) =>
  /^[A-Z0-9]{8}$/i.test(code) ? `${code.slice(0, 4)}-${code.slice(4)}` : code;

/**
 * Step 3: polls the token endpoint every `interval` seconds until the user approves (the access
 * token, an API key), denies, or the code expires (exit 11).
 */
export async function pollForToken(
  deps: DeviceLoginDeps,
  webUrl: string,
  code: DeviceCode,
): Promise<string> {
  const now = deps.now ?? Date.now;
  const deadline = now() + code.expires_in * 1000;
  let interval = code.interval;
  for (;;) {
    await deps.sleep(interval * 1000);
    if (now() >= deadline) throw expired();
    const response = await post(deps, `${webUrl}${DEVICE_AUTH_BASE_PATH}/token`, {
      grant_type: DEVICE_CODE_GRANT,
      device_code: code.device_code,
      client_id: DEVICE_CLIENT_ID,
    });
    const body = await readJson(response, "The token endpoint");
    const token = tokenSchema.safeParse(body);
    if (response.ok && token.success) return token.data.access_token;
    const error = oauthErrorSchema.safeParse(body);
    switch (error.success ? error.data.error : undefined) {
      case "authorization_pending":
        continue;
      case "slow_down":
        interval += SLOW_DOWN_SECONDS;
        continue;
      case "access_denied":
        throw accessDenied(error.data?.error_description);
      case "expired_token":
        throw expired();
      default:
        throw new CliError(
          EXIT.unexpected,
          `Login failed (${response.status}: ${error.data?.error_description ?? error.data?.error ?? "unexpected body"}).`,
        );
    }
  }
}

/**
 * The user denied the code (Better Auth says only "Access denied"), or the server refused an
 * approved one, saying why (an account holding the most keys it may).
 */
function accessDenied(description: string | undefined) {
  const reason = description && !/^access denied\.?$/i.test(description) ? description : undefined;
  return new CliError(
    EXIT.loginFailed,
    reason ? `Login was refused: ${reason}` : "Login was denied in the browser.",
  );
}

const expired = () =>
  new CliError(
    EXIT.loginFailed,
    "The code expired before it was approved: run `todo login` again.",
  );

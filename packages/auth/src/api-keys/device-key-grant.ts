import type { BetterAuthPlugin } from "better-auth";
import { APIError, createAuthMiddleware } from "better-auth/api";
import type { CreateApiKey } from "./created-key";
import { DAY_SECONDS, DEVICE_KEY_EXPIRY_DAYS } from "./key-lifetimes";
import { createWithinCap, tooManyKeys } from "./key-room";
import { API_SCOPES, parseScopeParameter } from "./scopes";

/**
 * Refuses a device authorization request whose scope names anything but the API's scopes
 * (RFC 8628 §3.1, `invalid_scope`); no scope asks for all of them.
 */
export function checkDeviceRequest(_clientId: string, scope: string | undefined) {
  const scopes = parseScopeParameter(scope);
  if (scopes === null || (scope !== undefined && scopes.length === 0))
    throw new APIError("BAD_REQUEST", {
      error: "invalid_scope",
      error_description: `scope must be one or more of: ${API_SCOPES.join(" ")}`,
    });
}

/**
 * The device login (RFC 8628, Better Auth's deviceAuthorization plugin) hands the CLI an API key
 * instead of a session: when `/device/token` succeeds, the session it created is deleted and a
 * key with the scopes the CLI asked for is the `access_token`. A CLI never holds a session, so it
 * never reaches the account's other endpoints (password, email, deletion).
 */
export const deviceKeyGrant = (createKey: CreateApiKey, keysPerUser: number) => ({
  matcher: (ctx: { path?: string }) => ctx.path === "/device/token",
  handler: createAuthMiddleware(async (ctx) => {
    const granted = ctx.context.returned;
    if (!isSessionGrant(granted)) return;
    const found = await ctx.context.internalAdapter.findSession(granted.access_token);
    await ctx.context.internalAdapter.deleteSession(granted.access_token);
    if (!found) throw serverError("The approved session is gone.");
    // A request without a scope was granted all of them (checkDeviceRequest).
    const scopes = granted.scope ? parseScopeParameter(granted.scope) : [...API_SCOPES];
    if (!scopes || scopes.length === 0) throw serverError("The approved scope is invalid.");
    const userId = found.user.id;
    const expiresInSeconds = DEVICE_KEY_EXPIRY_DAYS * DAY_SECONDS;
    const created = await createWithinCap(ctx.context.adapter, { userId, keysPerUser }, () =>
      createKey({
        userId,
        name: `CLI login ${new Date().toISOString().slice(0, 10)}`,
        expiresInSeconds,
        scopes,
      }),
    );
    // The CLI reads RFC 8628's token errors: the code is spent, so it stops and says why.
    if (!created)
      throw new APIError("BAD_REQUEST", {
        error: "access_denied",
        error_description: tooManyKeys(keysPerUser),
      });
    ctx.context.returned = {
      access_token: created.key,
      token_type: "Bearer",
      expires_in: expiresInSeconds,
      scope: scopes.join(" "),
    };
  }),
});

/**
 * RFC 8628 §3.4: the token request is form-encoded, which Better Auth's router refuses (415) on
 * every route that does not list it (/device/code does; /device/token does not): turned into JSON.
 */
export const acceptFormEncodedTokenRequest: NonNullable<BetterAuthPlugin["onRequest"]> = async (
  request,
  context,
) => {
  const tokenPath = `${new URL(context.baseURL).pathname}/device/token`;
  if (request.method !== "POST" || new URL(request.url).pathname !== tokenPath) return;
  const type = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (type !== "application/x-www-form-urlencoded") return;
  const form = new URLSearchParams(await request.text());
  const repeated = [...new Set(form.keys())].find((name) => form.getAll(name).length > 1);
  if (repeated)
    return {
      response: Response.json(
        { error: "invalid_request", error_description: `${repeated} must not be repeated` },
        { status: 400, headers: { "cache-control": "no-store" } },
      ),
    };
  const headers = new Headers(request.headers);
  headers.set("content-type", "application/json");
  headers.delete("content-length");
  const body = JSON.stringify(Object.fromEntries(form));
  return { request: new Request(request.url, { method: "POST", headers, body }) };
};

interface SessionGrant {
  access_token: string;
  token_type: string;
  scope?: string;
}

function isSessionGrant(value: unknown): value is SessionGrant {
  return (
    typeof value === "object" &&
    value !== null &&
    "access_token" in value &&
    typeof value.access_token === "string" &&
    "token_type" in value
  );
}

const serverError = (description: string) =>
  new APIError("INTERNAL_SERVER_ERROR", { error: "server_error", error_description: description });

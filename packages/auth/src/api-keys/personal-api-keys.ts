import { trimmedText } from "@repo/contracts/text";
import type { BetterAuthPlugin } from "better-auth";
import {
  APIError,
  createAuthEndpoint,
  createAuthMiddleware,
  sessionMiddleware,
} from "better-auth/api";
import { z } from "zod";
import {
  API_KEY_EXPIRY_DAYS,
  API_KEY_NAME_MAX_LENGTH,
  API_KEYS_PER_USER,
  DAY_SECONDS,
  DEVICE_KEY_EXPIRY_DAYS,
} from "./key-lifetimes";
import { API_SCOPES, type ApiScope, parseScopeParameter } from "./scopes";

/** A key as it is created: the only time its plaintext is seen. */
export interface CreatedApiKey {
  id: string;
  key: string;
  name: string | null;
  start: string | null;
  expiresAt: Date | null;
  createdAt: Date;
}

export interface NewApiKey {
  userId: string;
  name: string;
  expiresInSeconds: number;
  scopes: readonly ApiScope[];
}

/** Creates a key through Better Auth's api-key plugin (server side: the only side that may set scopes). */
export type CreateApiKey = (key: NewApiKey) => Promise<CreatedApiKey>;

/** The body of POST /api/auth/api-key/create-scoped. */
export const createScopedKeyBody = z.strictObject({
  // Storable text, as the API's names: U+0000 or a lone surrogate failed the insert (a 500).
  name: trimmedText(API_KEY_NAME_MAX_LENGTH, "What the key is for, as the list shows it."),
  // One literal of several: its error names the values ("expected one of 7|30|90|365"), where
  // a union of literals said only "Invalid input".
  expiresInDays: z.literal(API_KEY_EXPIRY_DAYS),
  scopes: z
    .array(z.enum(API_SCOPES))
    .min(1)
    .max(API_SCOPES.length)
    .refine((scopes) => new Set(scopes).size === scopes.length, "Each scope at most once."),
});

/**
 * What GET /api-key/list may be asked. The api-key plugin's own schema also takes
 * `organizationId` (there are no organizations here: it answered a 500 asking for the
 * organization plugin), `configId` (there is one configuration) and any `sortBy` (an unknown
 * column failed in the adapter: a 500).
 */
export const listKeysQuery = z.strictObject({
  limit: z.coerce.number().int().nonnegative().optional(),
  offset: z.coerce.number().int().nonnegative().optional(),
  sortBy: z.enum(["createdAt", "name", "expiresAt", "lastRequest"]).optional(),
  sortDirection: z.enum(["asc", "desc"]).optional(),
});

/** The device login's client (`todo login`); another client_id is refused (RFC 8628 invalid_client). */
export const DEVICE_CLIENT_ID = "todo-cli";

/**
 * Personal API keys with scopes, on top of Better Auth's api-key plugin, whose own create route
 * cannot set permissions from a browser (it calls them server-only):
 *
 * - `POST /api-key/create-scoped` creates a key for the signed-in user with the scopes asked
 *   for, at most API_KEYS_PER_USER per user.
 * - The device login (RFC 8628, Better Auth's deviceAuthorization plugin) hands the CLI an API
 *   key instead of a session: when `/device/token` succeeds, the session it created is deleted
 *   and a key with the scopes the CLI asked for is the `access_token`. A CLI never holds a
 *   session, so it never reaches the account's other endpoints (password, email, deletion).
 */
export function personalApiKeys({
  createKey,
  keysPerUser = API_KEYS_PER_USER,
}: {
  createKey: CreateApiKey;
  /** The most keys one user may hold at once. */
  keysPerUser?: number;
}) {
  return {
    id: "personal-api-keys",
    endpoints: {
      createScopedApiKey: createAuthEndpoint(
        "/api-key/create-scoped",
        {
          method: "POST",
          body: createScopedKeyBody,
          use: [sessionMiddleware],
          requireHeaders: true,
        },
        async (ctx) => {
          const userId = ctx.context.session.user.id;
          if (!(await hasRoomForKey(ctx.context.adapter, userId, keysPerUser)))
            throw new APIError("FORBIDDEN", {
              code: "TOO_MANY_API_KEYS",
              message: tooManyKeys(keysPerUser),
            });
          const { name, expiresInDays, scopes } = ctx.body;
          const created = await createKey({
            userId,
            name,
            expiresInSeconds: expiresInDays * DAY_SECONDS,
            scopes,
          });
          return ctx.json(created);
        },
      ),
    },
    // RFC 8628 §3.4: the token request is form-encoded, which Better Auth's router refuses (415)
    // on every route that does not list it (/device/code does; /device/token does not).
    onRequest: async (request, context) => {
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
    },
    hooks: {
      before: [
        {
          matcher: (ctx) => ctx.path === "/api-key/list",
          handler: createAuthMiddleware(async (ctx) => {
            const parsed = listKeysQuery.safeParse(ctx.query ?? {});
            if (!parsed.success)
              throw new APIError("BAD_REQUEST", {
                code: "VALIDATION_ERROR",
                message: parsed.error.issues
                  .map(
                    (issue) =>
                      `[query${issue.path.map((part) => `.${String(part)}`).join("")}] ${issue.message}`,
                  )
                  .join("; "),
              });
          }),
        },
      ],
      after: [
        {
          matcher: (ctx) => ctx.path === "/device/token",
          handler: createAuthMiddleware(async (ctx) => {
            const granted = ctx.context.returned;
            if (!isSessionGrant(granted)) return;
            const found = await ctx.context.internalAdapter.findSession(granted.access_token);
            await ctx.context.internalAdapter.deleteSession(granted.access_token);
            if (!found) throw serverError("The approved session is gone.");
            // A request without a scope was granted all of them (checkDeviceRequest).
            const scopes = granted.scope ? parseScopeParameter(granted.scope) : [...API_SCOPES];
            if (!scopes || scopes.length === 0) throw serverError("The approved scope is invalid.");
            // The CLI reads RFC 8628's token errors: the code is spent, so it stops and says why.
            if (!(await hasRoomForKey(ctx.context.adapter, found.user.id, keysPerUser)))
              throw new APIError("BAD_REQUEST", {
                error: "access_denied",
                error_description: tooManyKeys(keysPerUser),
              });
            const expiresInSeconds = DEVICE_KEY_EXPIRY_DAYS * DAY_SECONDS;
            const created = await createKey({
              userId: found.user.id,
              name: `CLI login ${new Date().toISOString().slice(0, 10)}`,
              expiresInSeconds,
              scopes,
            });
            ctx.context.returned = {
              access_token: created.key,
              token_type: "Bearer",
              expires_in: expiresInSeconds,
              scope: scopes.join(" "),
            };
          }),
        },
      ],
    },
  } satisfies BetterAuthPlugin;
}

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

interface CountingAdapter {
  count(query: {
    model: string;
    where: { field: string; value: string | Date; operator?: "gt" }[];
  }): Promise<number>;
}

/**
 * Whether the user holds fewer than `keysPerUser` keys that still work. Expired keys stay in the
 * table until Better Auth's lazy sweep (on its own create and list) and do not count.
 */
async function hasRoomForKey(adapter: CountingAdapter, userId: string, keysPerUser: number) {
  const held = await adapter.count({
    model: "apikey",
    where: [
      { field: "referenceId", value: userId },
      { field: "expiresAt", operator: "gt", value: new Date() },
    ],
  });
  return held < keysPerUser;
}

const tooManyKeys = (keysPerUser: number) =>
  `An account holds at most ${keysPerUser} API keys: revoke one first.`;

const serverError = (description: string) =>
  new APIError("INTERNAL_SERVER_ERROR", { error: "server_error", error_description: description });

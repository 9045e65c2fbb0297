import { trimmedText } from "@repo/contracts/text";
import { createAuthEndpoint, sessionMiddleware } from "better-auth/api";
import { z } from "zod";
import type { CreateApiKey } from "./created-key";
import { API_KEY_EXPIRY_DAYS, API_KEY_NAME_MAX_LENGTH, DAY_SECONDS } from "./key-lifetimes";
import { createWithinCap, tooManyKeysError } from "./key-room";
import { API_SCOPES } from "./scopes";

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
 * `POST /api-key/create-scoped`: a key for the signed-in user with the scopes asked for, at most
 * `keysPerUser` per user. The api-key plugin's own create route cannot set scopes from a browser
 * (it calls them server-only), so createAuth disables it.
 */
export const createScopedKeyEndpoint = (createKey: CreateApiKey, keysPerUser: number) =>
  createAuthEndpoint(
    "/api-key/create-scoped",
    { method: "POST", body: createScopedKeyBody, use: [sessionMiddleware], requireHeaders: true },
    async (ctx) => {
      const userId = ctx.context.session.user.id;
      const { name, expiresInDays, scopes } = ctx.body;
      const created = await createWithinCap(ctx.context.adapter, { userId, keysPerUser }, () =>
        createKey({ userId, name, expiresInSeconds: expiresInDays * DAY_SECONDS, scopes }),
      );
      if (!created) throw tooManyKeysError(keysPerUser);
      return ctx.json(created);
    },
  );

import { APIError, createAuthMiddleware } from "better-auth/api";
import { z } from "zod";

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

/** Refuses any other query of GET /api-key/list with a 400 naming the parameter. */
export const checkListKeysQuery = {
  matcher: (ctx: { path?: string }) => ctx.path === "/api-key/list",
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
};

import { APIError, createAuthMiddleware } from "better-auth/api";

// The routes that take a user's name (sign-up, and a signed-in user changing it).
const NAMING_PATHS = new Set(["/sign-up/email", "/update-user"]);

/**
 * Refuses a name longer than `maxLength` characters (400 NAME_TOO_LONG) before Better Auth
 * stores it: it has no limit of its own, and the name goes into every page header and every API
 * token (a 2 MB name was stored, and made tokens no server would take in a header).
 */
export function limitNameLength(maxLength: number) {
  return createAuthMiddleware(async (context) => {
    if (!NAMING_PATHS.has(context.path)) return;
    const name = (context.body as { name?: unknown } | undefined)?.name;
    if (typeof name === "string" && [...name].length > maxLength)
      throw new APIError("BAD_REQUEST", {
        code: "NAME_TOO_LONG",
        message: `Use a name of at most ${maxLength} characters.`,
      });
  });
}

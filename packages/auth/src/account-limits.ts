/**
 * How much an account request may carry. Pure constants: Better Auth's routes enforce them
 * (server.ts, handle-auth-request.ts) and the forms show them.
 */

/** A user's name, in characters: it is in every page's header and every API token. */
export const NAME_MAX_LENGTH = 100;

/** An auth request's body, in bytes: a sign-up is a few hundred; more is refused with 413. */
export const AUTH_BODY_MAX_BYTES = 16 * 1024;

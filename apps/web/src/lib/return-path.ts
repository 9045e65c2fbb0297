import { safeReturnPath } from "@repo/auth/return-path";

// Read here and by the reset mail, which carries `next` (packages/auth/src/account-mails.ts).
export { safeReturnPath };

/** The account pages that pass the return path on, as `?next=`. */
export type ReturnPathPage =
  | "/sign-in"
  | "/sign-up"
  | "/verified"
  | "/forgot-password"
  | "/reset-password";

/**
 * `page` carrying `next` (a page of this site, checked by safeReturnPath) on to where the user
 * comes back once signed in; `page` alone without one. /verified is where the confirmation
 * link lands: Better Auth mails it as the sign-up's (or the unconfirmed sign-in's) callbackURL.
 * /reset-password is the forgot-password form's redirectTo: the reset mail's link carries its
 * `next` (packages/auth/src/account-mails.ts).
 */
export const withReturnPath = (page: ReturnPathPage, next: string | null | undefined) =>
  next ? `${page}?next=${encodeURIComponent(next)}` : page;

/**
 * /sign-in that comes back to `path` (a signed-in page's path and query, "/device?user_code=…")
 * once the user has signed in; plain /sign-in when `path` is not a page of this site.
 */
export const signInThenReturnTo = (path: string) =>
  withReturnPath("/sign-in", safeReturnPath(path));

/** /sign-in that comes back to the page the browser shows: for a session that ended under it. */
export const signInThenReturnHere = () =>
  signInThenReturnTo(`${window.location.pathname}${window.location.search}`);

const BASE = "http://return-path.invalid";

/** A backslash counts as a slash in a browser's URL parser, which drops control characters. */
const misread = (char: string) => char === "\\" || char <= "\u001f" || char === "\u007f";

/**
 * `value` when it is a page of this site to come back to after signing in ("/device?user_code=…"),
 * else null. Only a path on this origin: never "//evil.example" or "/\evil.example" (which browsers
 * read as another host), an absolute URL, a control character, or an /api/ route.
 */
export function safeReturnPath(value: unknown): string | null {
  if (typeof value !== "string" || !value.startsWith("/")) return null;
  if (value.startsWith("//") || [...value].some(misread)) return null;
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return null;
  }
  if (url.origin !== BASE || url.pathname.startsWith("/api/")) return null;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** The account pages that pass the return path on, as `?next=`. */
export type ReturnPathPage = "/sign-in" | "/sign-up" | "/verified";

/**
 * `page` carrying `next` (a page of this site, checked by safeReturnPath) on to where the user
 * comes back once signed in; `page` alone without one. /verified is where the confirmation
 * link lands: Better Auth mails it as the sign-up's (or the unconfirmed sign-in's) callbackURL.
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

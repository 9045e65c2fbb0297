/**
 * The return path of the account pages ("/sign-in?next=…"): pure, for the web app's pages and
 * for the reset mail, which carries it (account-mails.ts).
 */
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

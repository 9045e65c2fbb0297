import "server-only";
import { describeError } from "@repo/logger";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getAuth } from "@/auth";
import { signInThenReturnTo } from "@/lib/return-path";
import { getLogger } from "@/logger";

/** The Better Auth session of this request, or null. Reading headers makes the page dynamic. */
export async function getSession() {
  // Headers first: during `next build` this is where prerendering stops, before Better Auth
  // (which needs the environment and the database) is created.
  const requestHeaders = await headers();
  try {
    return await getAuth().api.getSession({ headers: requestHeaders });
  } catch (error) {
    // Next prints a thrown error whole, cause and own properties included, and Better Auth's
    // error carries the drizzle error whose message and `params` hold the session token. The
    // log gets the summary; Next gets an error with nothing in it.
    getLogger().error({ error: describeError(error) }, "session lookup failed");
    throw new Error("The session could not be read.");
  }
}

/**
 * The session, or a redirect to /sign-in that comes back to `page` once signed in. `page` is
 * the asking page's path, with the query it needs to come back to the same thing
 * ("/device?user_code=…"): a server component is not told its own URL.
 */
export async function requireSession(page: string) {
  const session = await getSession();
  if (!session) redirect(signInThenReturnTo(page));
  return session;
}

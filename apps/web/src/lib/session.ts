import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getAuth } from "@/auth";

/** The Better Auth session of this request, or null. Reading headers makes the page dynamic. */
export async function getSession() {
  // Headers first: during `next build` this is where prerendering stops, before Better Auth
  // (which needs the environment and the database) is created.
  const requestHeaders = await headers();
  return getAuth().api.getSession({ headers: requestHeaders });
}

/** The session, or a redirect to /sign-in. */
export async function requireSession() {
  const session = await getSession();
  if (!session) redirect("/sign-in");
  return session;
}

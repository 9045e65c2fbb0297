"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { getAuth } from "@/auth";

/**
 * Signs out one of the user's other sessions, named by its id. The tokens of the user's
 * sessions stay on the server: the page lists ids, and this looks the token up among the
 * caller's own sessions (an id of anyone else's matches nothing).
 */
export async function signOutSession(formData: FormData): Promise<void> {
  const id = formData.get("sessionId");
  const requestHeaders = await headers();
  const auth = getAuth();
  const sessions = await auth.api.listSessions({ headers: requestHeaders });
  const session = sessions.find((candidate) => candidate.id === id);
  if (session)
    await auth.api.revokeSession({ body: { token: session.token }, headers: requestHeaders });
  revalidatePath("/account");
}

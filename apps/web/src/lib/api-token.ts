import { z } from "zod";
import { signInThenReturnHere } from "./return-path";
import { createTokenCache, readClaims, type TokenCache } from "./token-cache";

/** The session behind the page is gone (signed out, expired) or now belongs to someone else. */
export class SessionEndedError extends Error {
  override readonly name = "SessionEndedError";

  constructor(
    /**
     * Where to send the user: /sign-in (and back to this page) when signed out, /todos to
     * re-render for a new user.
     */
    readonly redirectTo: "/sign-in" | "/todos",
  ) {
    super(redirectTo === "/sign-in" ? "You are signed out" : "You signed in as someone else");
  }
}

const tokenResponse = z.object({ token: z.string().min(1) });

/** A JWT for the API from Better Auth's JWT plugin, paid for with this app's session cookie. */
async function fetchToken(userId: string): Promise<string> {
  const response = await fetch("/api/auth/token", {
    credentials: "same-origin",
    cache: "no-store",
  });
  if (response.status === 401) throw new SessionEndedError("/sign-in");
  if (!response.ok) throw new Error(`Could not get an API token (HTTP ${response.status})`);
  const { token } = tokenResponse.parse(await response.json());
  // Another tab may have signed in as someone else: this page must not act for them.
  if (readClaims(token)?.sub !== userId) throw new SessionEndedError("/todos");
  return token;
}

// One cache per page load, for the user the server rendered the page for.
let current: { userId: string; cache: TokenCache } | undefined;

/** The API token cache for `userId` (the page's user); a different user gets a fresh cache. */
export function apiTokens(userId: string): TokenCache {
  if (current?.userId !== userId) {
    current = { userId, cache: createTokenCache({ fetchToken: () => fetchToken(userId) }) };
  }
  return current.cache;
}

/** Forget every cached token (on sign-out). */
export function forgetApiTokens(): void {
  current = undefined;
}

/** If `error` says the session ended, leave the page for where the user belongs, and say so. */
export function leaveIfSessionEnded(error: unknown): boolean {
  if (!(error instanceof SessionEndedError)) return false;
  window.location.assign(
    error.redirectTo === "/sign-in" ? signInThenReturnHere() : error.redirectTo,
  );
  return true;
}

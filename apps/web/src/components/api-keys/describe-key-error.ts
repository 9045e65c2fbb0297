import { API_KEYS_PER_USER } from "@repo/auth/api-key-policy";
import { signInThenReturnHere } from "@/lib/return-path";

/** An error as Better Auth's client reports it: the HTTP status and the body's code, if any. */
export interface AuthClientError {
  status: number;
  code?: string | undefined;
  message?: string | undefined;
}

/** What to tell the user when `action` ("Couldn't create the key") failed; codes are stable, messages are not. */
export function describeKeyError(action: string, error: AuthClientError): string {
  if (error.code === "TOO_MANY_API_KEYS")
    return `${action}: an account holds at most ${API_KEYS_PER_USER} keys. Revoke one you no longer use first.`;
  if (error.status === 429) return `${action}. Too many attempts: wait a minute and try again.`;
  if (error.status === 400 || error.status === 422)
    return `${action}: check the name, the expiry and the scopes, and try again.`;
  if (error.status === 0) return `${action}. Check your connection and try again.`;
  if (error.status >= 500) return `${action}. The server had a problem; try again shortly.`;
  return `${action}.`;
}

/** The session ended (another tab signed out): sign in, and come back to this page. */
export function leaveIfSignedOut(error: AuthClientError): boolean {
  if (error.status !== 401) return false;
  window.location.assign(signInThenReturnHere());
  return true;
}

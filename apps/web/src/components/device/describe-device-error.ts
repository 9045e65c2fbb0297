/** Why the device request cannot go on (the page says what to do next). */
export type DeviceFailure =
  | "unknown"
  | "expired"
  | "processed"
  | "other-account"
  | "busy"
  | "other";

/** An error from Better Auth's device routes: RFC 8628's `error` in the body, the status. */
export function readDeviceError(error: { status: number; error?: unknown }): DeviceFailure {
  if (error.status === 429) return "busy";
  if (error.error === "expired_token") return "expired";
  if (error.error === "access_denied" || error.status === 403) return "other-account";
  if (error.error === "invalid_request") return "unknown";
  return "other";
}

export const FAILURE_TEXT: Record<DeviceFailure, string> = {
  unknown: "That code isn't valid. Check it against the one in your terminal and try again.",
  expired: "That code has expired. Run the sign-in again in your terminal to get a new one.",
  processed:
    "That code was already approved or denied. Start again in your terminal for a new one.",
  "other-account":
    "That code is being approved from another account. Sign in as the right user, or start again in your terminal.",
  busy: "Too many attempts. Wait a minute and try again.",
  other: "Something went wrong. Try again.",
};

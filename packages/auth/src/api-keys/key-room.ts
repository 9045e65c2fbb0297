import { APIError } from "better-auth/api";

interface CountingAdapter {
  count(query: {
    model: string;
    where: { field: string; value: string | Date; operator?: "gt" }[];
  }): Promise<number>;
}

/**
 * Whether the user holds fewer than `keysPerUser` keys that still work. Expired keys stay in the
 * table until Better Auth's lazy sweep (on its own create and list) and do not count.
 */
export async function hasRoomForKey(adapter: CountingAdapter, userId: string, keysPerUser: number) {
  const held = await adapter.count({
    model: "apikey",
    where: [
      { field: "referenceId", value: userId },
      { field: "expiresAt", operator: "gt", value: new Date() },
    ],
  });
  return held < keysPerUser;
}

export const tooManyKeys = (keysPerUser: number) =>
  `An account holds at most ${keysPerUser} API keys: revoke one first.`;

/** The 403 create-scoped answers when the user holds `keysPerUser` keys already. */
export const tooManyKeysError = (keysPerUser: number) =>
  new APIError("FORBIDDEN", { code: "TOO_MANY_API_KEYS", message: tooManyKeys(keysPerUser) });

import { APIError } from "better-auth/api";
import type { CreatedApiKey } from "./created-key";

interface KeyTable {
  count(query: {
    model: string;
    where: { field: string; value: string | Date; operator?: "gt" }[];
  }): Promise<number>;
  delete(query: { model: string; where: { field: string; value: string }[] }): Promise<void>;
}

/**
 * The keys of `userId` that still work. Expired keys stay in the table until Better Auth's lazy
 * sweep (on its own create and list) and do not count.
 */
const workingKeys = (table: KeyTable, userId: string) =>
  table.count({
    model: "apikey",
    where: [
      { field: "referenceId", value: userId },
      { field: "expiresAt", operator: "gt", value: new Date() },
    ],
  });

/**
 * Creates a key with `create` unless `userId` holds `keysPerUser` working keys already
 * (undefined then). The count before is the cheap refusal; the count after catches creations that
 * raced past it: a key that took the user over the cap is deleted again and refused. Each creation
 * counts after its own insert, so of two racing ones the later count sees both: the cap holds,
 * and under a race both may be refused, never both kept.
 */
export async function createWithinCap(
  table: KeyTable,
  { userId, keysPerUser }: { userId: string; keysPerUser: number },
  create: () => Promise<CreatedApiKey>,
): Promise<CreatedApiKey | undefined> {
  if ((await workingKeys(table, userId)) >= keysPerUser) return undefined;
  const created = await create();
  if ((await workingKeys(table, userId)) <= keysPerUser) return created;
  await table.delete({ model: "apikey", where: [{ field: "id", value: created.id }] });
  return undefined;
}

export const tooManyKeys = (keysPerUser: number) =>
  `An account holds at most ${keysPerUser} API keys: revoke one first.`;

/** The 403 create-scoped answers when the user holds `keysPerUser` keys already. */
export const tooManyKeysError = (keysPerUser: number) =>
  new APIError("FORBIDDEN", { code: "TOO_MANY_API_KEYS", message: tooManyKeys(keysPerUser) });

import type { Database } from "@repo/db/client";
import { sqlState } from "@repo/db/errors";
import { ApiError } from "../http/problem";
import { userGone } from "../me/account-gone";
import type { OwnedTable } from "./owned-table";
import { explainMissing } from "./queries/explain-missing";

export { userGone };

const UNIQUE_VIOLATION = "23505";
const FOREIGN_KEY_VIOLATION = "23503";

/**
 * The error for a row of `table` the caller could not read or write, in the contract's order:
 * unknown → 404, another user's → 403, soft-deleted → 404, then a missed `If-Match` → 412.
 * A read or write by a user who no longer exists is a 401 (me/account-gone.ts).
 */
export async function missingError(
  db: Database,
  { table, noun }: { table: OwnedTable; noun: string },
  userId: string,
  id: string,
  { write }: { write: boolean },
): Promise<ApiError> {
  const missing = await explainMissing(db, table, userId, id);
  if (!missing.userExists) return userGone();
  if (missing.othersRow) return new ApiError("forbidden", `This ${noun} belongs to another user.`);
  if (write && missing.ownLive)
    return new ApiError(
      "precondition-failed",
      `If-Match does not match the ${noun}'s current ETag.`,
    );
  return new ApiError("not-found", `No such ${noun}.`);
}

/**
 * `write`, with a duplicate name (the unique index on the owner's lower(name), the only unique
 * constraint a client's values can hit) answered as 409 `name-taken`.
 */
export async function withUniqueName<T>(noun: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (sqlState(error) !== UNIQUE_VIOLATION) throw error;
    throw new ApiError(
      "name-taken",
      `You already have a ${noun} with this name (names are compared ignoring case).`,
    );
  }
}

/** A create's insert refused by its owner's foreign key: the token outlived its user. */
export const ownerGoneOr = (error: unknown) =>
  sqlState(error) === FOREIGN_KEY_VIOLATION ? userGone() : error;

import type { Database } from "@repo/db/client";
import { unauthorized } from "../http/authenticate";
import { userExists } from "./queries/user-exists";

export { userExistsSql } from "./queries/user-exists";

/**
 * The 401 for a verified token whose user no longer exists (the account was deleted; tokens
 * outlive it until their `exp`). Every authenticated route answers it, reads included.
 */
export const userGone = () => unauthorized("The token's user no longer exists.", true, "user_gone");

/**
 * The one rule for a deleted account's tokens, for every resource. A write learns it from the
 * foreign key (an insert) or from explaining its miss; a read that found nothing calls this
 * before answering: an empty list page, or an item route about to answer 404 (or fold
 * `userExistsSql` into the query that explains the miss, as explain-missing-todo.ts does).
 * Never call it when the read found something: the fast path costs no extra query.
 *
 *     if (page.length === 0) await ensureUserExists(deps.db, user.userId);
 */
export async function ensureUserExists(db: Database, userId: string): Promise<void> {
  if (!(await userExists(db, userId))) throw userGone();
}

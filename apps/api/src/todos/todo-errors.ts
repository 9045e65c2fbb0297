import type { Database } from "@repo/db/client";
import { ApiError } from "../http/problem";
import { userGone } from "../me/account-gone";
import { explainMissingTodo } from "./queries/explain-missing-todo";

export const todoLimitReached = (limit: number) =>
  new ApiError(
    "todo-limit-reached",
    `You have ${limit} live todos, the most allowed; delete one before adding another.`,
  );

export const todoNotFound = () => new ApiError("not-found", "No such todo.");

export { userGone };

/**
 * The error for a todo the caller could not read or write, in the contract's order:
 * unknown → 404, another user's → 403, soft-deleted → 404, then a missed `If-Match` → 412.
 * A read or write by a user who no longer exists is a 401 (account-gone.ts).
 */
export async function missingTodoError(
  db: Database,
  userId: string,
  id: string,
  { write }: { write: boolean },
): Promise<ApiError> {
  const missing = await explainMissingTodo(db, userId, id);
  if (!missing.userExists) return userGone();
  if (missing.othersTodo) return new ApiError("forbidden", "This todo belongs to another user.");
  if (write && missing.ownLive)
    return new ApiError("precondition-failed", "If-Match does not match the todo's current ETag.");
  return todoNotFound();
}

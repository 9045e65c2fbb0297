import type { Database } from "@repo/db/client";
import { unauthorized } from "../http/authenticate";
import { ApiError } from "../http/problem";
import { explainMissingTodo } from "./queries/explain-missing-todo";

export const todoLimitReached = (limit: number) =>
  new ApiError(
    "todo-limit-reached",
    `You have ${limit} live todos, the most allowed; delete one before adding another.`,
  );

export const todoNotFound = () => new ApiError("not-found", "No such todo.");

export const userGone = () => unauthorized("The token's user no longer exists.", true, "user_gone");

/**
 * The error for a todo the caller could not read or write, in the contract's order:
 * unknown → 404, another user's → 403, soft-deleted → 404, then a missed `If-Match` → 412.
 * A write by a user who no longer exists is a 401; a read by one simply finds nothing.
 */
export async function missingTodoError(
  db: Database,
  userId: string,
  id: string,
  { write }: { write: boolean },
): Promise<ApiError> {
  const missing = await explainMissingTodo(db, userId, id);
  if (write && !missing.userExists) return userGone();
  if (missing.othersTodo) return new ApiError("forbidden", "This todo belongs to another user.");
  if (write && missing.ownLive)
    return new ApiError("precondition-failed", "If-Match does not match the todo's current ETag.");
  return todoNotFound();
}

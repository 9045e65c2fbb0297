import type { Database } from "@repo/db/client";
import { ApiError } from "../http/problem";
import { ensureUserExists } from "../me/account-gone";
import type { TodoRecord } from "./queries/columns";
import { lockReferences, type References } from "./queries/lock-references";
import { replaceTodoLabels } from "./queries/replace-todo-labels";

/** A reference that is not the caller's: the same 422 whether it is unknown, another user's or deleted. */
export function missingReferences(paths: ("projectId" | "labelIds")[]): ApiError {
  const errors = paths.map((path) => ({ path, message: "does not exist" }));
  const detail =
    paths.length === 1 ? `${paths[0]} does not exist` : `${paths.join(" and ")} do not exist`;
  return new ApiError("validation-error", detail, { errors });
}

/**
 * Runs a todo write that sets `refs`: in one transaction, locks the project and labels it names
 * (422 if any is not the caller's; 401 if the caller's account is gone), runs `write`, then makes `refs.labelIds` (when given) the
 * todo's labels. A write that names no reference and keeps the labels is `write` alone.
 */
export async function writeWithReferences(
  db: Database,
  userId: string,
  refs: References,
  write: (db: Database) => Promise<TodoRecord | undefined>,
): Promise<TodoRecord | undefined> {
  const { projectId, labelIds } = refs;
  if (!projectId && labelIds === undefined) return write(db);
  return db.transaction(async (tx) => {
    const missing = await lockReferences(tx, userId, refs);
    if (missing.length > 0) {
      // A deleted account owns nothing: that is a 401, as for any other write of it.
      await ensureUserExists(tx, userId);
      throw missingReferences(missing);
    }
    const row = await write(tx);
    if (!row || labelIds === undefined) return row;
    await replaceTodoLabels(tx, userId, row.id, labelIds);
    return { ...row, labelIds: [...labelIds] };
  });
}

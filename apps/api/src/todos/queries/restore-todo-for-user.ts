import type { Database } from "@repo/db/client";
import { type TodoRow, todos } from "@repo/db/schema";
import { restoreForUser } from "../../resources/queries/restore-for-user";

/** Brings back the owner's soft-deleted todo, as a change (new version). Undefined when none. */
export const restoreTodoForUser = (db: Database, userId: string, id: string) =>
  restoreForUser<TodoRow>(db, todos, userId, id);

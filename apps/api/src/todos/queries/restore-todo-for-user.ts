import type { Database } from "@repo/db/client";
import { todos } from "@repo/db/schema";
import { restoreForUser } from "../../resources/queries/restore-for-user";
import { type TodoRecord, todoColumns } from "./columns";

/** Brings back the owner's soft-deleted todo, as a change (new version). Undefined when none. */
export const restoreTodoForUser = (db: Database, userId: string, id: string) =>
  restoreForUser<TodoRecord>(db, todos, userId, id, todoColumns);

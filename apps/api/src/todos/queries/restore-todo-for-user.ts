import type { Database } from "@repo/db/client";
import { todos } from "@repo/db/schema";
import { and, eq, isNotNull, sql } from "drizzle-orm";
import { type TodoRecord, todoColumns } from "./columns";

/** Brings back the owner's soft-deleted todo, as a change (new version). Undefined when none. */
export async function restoreTodoForUser(
  db: Database,
  userId: string,
  id: string,
): Promise<TodoRecord | undefined> {
  const [row] = await db
    .update(todos)
    .set({ deletedAt: null, updatedAt: sql`now()`, version: sql`${todos.version} + 1` })
    .where(and(eq(todos.id, id), eq(todos.userId, userId), isNotNull(todos.deletedAt)))
    .returning(todoColumns);
  return row;
}

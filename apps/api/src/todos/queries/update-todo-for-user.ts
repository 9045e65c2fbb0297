import type { Database } from "@repo/db/client";
import { type TodoRow, todos } from "@repo/db/schema";
import { sql } from "drizzle-orm";
import { ownLiveTodo } from "./columns";

export type TodoChanges = Partial<Pick<TodoRow, "title" | "description" | "completed">>;

/**
 * Applies `changes` to the owner's live todo and bumps its version in the same statement, so
 * concurrent writers can never both see the same version. Undefined when no such todo.
 */
export async function updateTodoForUser(
  db: Database,
  userId: string,
  id: string,
  changes: TodoChanges,
): Promise<TodoRow | undefined> {
  const [row] = await db
    .update(todos)
    .set({ ...changes, version: sql`${todos.version} + 1`, updatedAt: sql`now()` })
    .where(ownLiveTodo(userId, id))
    .returning();
  return row;
}

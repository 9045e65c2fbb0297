import type { Database } from "@repo/db/client";
import { todos } from "@repo/db/schema";
import { sql } from "drizzle-orm";
import { ownLiveTodo } from "./columns";

/** Marks the owner's live todo deleted (it leaves lists and reads as 404). False when no such todo. */
export async function softDeleteTodoForUser(
  db: Database,
  userId: string,
  id: string,
): Promise<boolean> {
  const rows = await db
    .update(todos)
    .set({ deletedAt: sql`now()`, updatedAt: sql`now()`, version: sql`${todos.version} + 1` })
    .where(ownLiveTodo(userId, id))
    .returning({ id: todos.id });
  return rows.length > 0;
}

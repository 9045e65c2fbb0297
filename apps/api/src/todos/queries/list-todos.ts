import type { Database } from "@repo/db/client";
import { type TodoRow, todos } from "@repo/db/schema";
import { and, desc, eq, isNull } from "drizzle-orm";

/** The owner's live todos, newest first (ties by id): the query `todos_user_live_created_idx` serves. */
export async function listTodos(
  db: Database,
  { userId, limit }: { userId: string; limit: number },
): Promise<TodoRow[]> {
  return db
    .select()
    .from(todos)
    .where(and(eq(todos.userId, userId), isNull(todos.deletedAt)))
    .orderBy(desc(todos.createdAt), desc(todos.id))
    .limit(limit);
}

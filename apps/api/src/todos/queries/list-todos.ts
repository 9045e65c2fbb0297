import type { Database } from "@repo/db/client";
import { type TodoRow, todos } from "@repo/db/schema";
import { and, desc, eq, isNull } from "drizzle-orm";

export interface ListTodosOptions {
  userId: string;
  limit: number;
}

/** The owner's live todos, newest first (ties by id): the query `todos_user_live_created_idx` serves. */
export function listTodosQuery(db: Database, { userId, limit }: ListTodosOptions) {
  return db
    .select()
    .from(todos)
    .where(and(eq(todos.userId, userId), isNull(todos.deletedAt)))
    .orderBy(desc(todos.createdAt), desc(todos.id))
    .limit(limit);
}

export async function listTodos(db: Database, options: ListTodosOptions): Promise<TodoRow[]> {
  return listTodosQuery(db, options);
}

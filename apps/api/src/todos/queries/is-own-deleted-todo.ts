import type { Database } from "@repo/db/client";
import { todos } from "@repo/db/schema";
import { and, eq, isNotNull } from "drizzle-orm";

/** Whether `id` is the owner's soft-deleted todo (one a restore would bring back). */
export async function isOwnDeletedTodo(db: Database, userId: string, id: string): Promise<boolean> {
  const [row] = await db
    .select({ id: todos.id })
    .from(todos)
    .where(and(eq(todos.id, id), eq(todos.userId, userId), isNotNull(todos.deletedAt)));
  return row !== undefined;
}

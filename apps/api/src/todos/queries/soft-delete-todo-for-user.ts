import type { Database } from "@repo/db/client";
import { todos } from "@repo/db/schema";
import { and, sql } from "drizzle-orm";
import { ownLiveTodo } from "./columns";
import { type ExpectedVersions, versionMatches } from "./update-todo-for-user";

/**
 * Marks the owner's live todo deleted (it leaves lists and reads as 404; restore undoes it).
 * False when no such todo, or the expected version did not match.
 */
export async function softDeleteTodoForUser(
  db: Database,
  userId: string,
  id: string,
  expected?: ExpectedVersions,
): Promise<boolean> {
  const rows = await db
    .update(todos)
    .set({ deletedAt: sql`now()`, updatedAt: sql`now()`, version: sql`${todos.version} + 1` })
    .where(and(ownLiveTodo(userId, id), versionMatches(expected)))
    .returning({ id: todos.id });
  return rows.length > 0;
}

import type { Database } from "@repo/db/client";
import { todos, user } from "@repo/db/schema";
import { eq, sql } from "drizzle-orm";

export interface MissingTodo {
  /** The todo exists (live or deleted) and belongs to someone else. */
  othersTodo: boolean;
  /** The token's user still exists (tokens outlive deleted accounts). */
  userExists: boolean;
}

/**
 * Why the caller's live todo `id` was not found. Reads only whether the owner is the caller,
 * never another user's data.
 */
export async function explainMissingTodo(
  db: Database,
  userId: string,
  id: string,
): Promise<MissingTodo> {
  const [found] = await db
    .select({
      ownerId: sql<
        string | null
      >`(${db.select({ u: todos.userId }).from(todos).where(eq(todos.id, id))})`,
      userExists: sql<boolean>`exists (${db.select({ one: sql`1` }).from(user).where(eq(user.id, userId))})`,
    })
    .from(sql`(select 1) as probe`);
  return {
    othersTodo: Boolean(found?.ownerId && found.ownerId !== userId),
    userExists: Boolean(found?.userExists),
  };
}

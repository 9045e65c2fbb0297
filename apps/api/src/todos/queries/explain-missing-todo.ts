import type { Database } from "@repo/db/client";
import { todos } from "@repo/db/schema";
import { and, eq, isNull, sql } from "drizzle-orm";
import { userExistsSql } from "../../me/account-gone";

export interface MissingTodo {
  /** The todo exists (live or deleted) and belongs to someone else. */
  othersTodo: boolean;
  /** The caller's live todo exists: a conditional write missed it on its version. */
  ownLive: boolean;
  /** The token's user still exists (tokens outlive deleted accounts). */
  userExists: boolean;
}

/**
 * Why a write or read of the caller's live todo `id` found nothing. Reads only whether the
 * owner is the caller and whether the todo is live, never another user's data.
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
      ownLive: sql<boolean>`exists (${db
        .select({ one: sql`1` })
        .from(todos)
        .where(and(eq(todos.id, id), eq(todos.userId, userId), isNull(todos.deletedAt)))})`,
      userExists: userExistsSql(db, userId),
    })
    .from(sql`(select 1) as probe`);
  return {
    othersTodo: Boolean(found?.ownerId && found.ownerId !== userId),
    ownLive: Boolean(found?.ownLive),
    userExists: Boolean(found?.userExists),
  };
}

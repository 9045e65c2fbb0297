import type { Database } from "@repo/db/client";
import { idempotencyKeys, todos } from "@repo/db/schema";
import { lt, sql } from "drizzle-orm";
import { IDEMPOTENCY_KEY_TTL_HOURS } from "../idempotency/run-once";

/** Soft-deleted todos can be restored for this long; then the purge removes them for good. */
export const RESTORE_WINDOW_DAYS = 30;

/**
 * Deletes todos soft-deleted more than 30 days ago and idempotency keys past their 24 hours.
 * Safe to run at any time and from several places at once (plain set-based deletes).
 */
export async function purgeExpired(
  db: Database,
): Promise<{ todos: number; idempotencyKeys: number }> {
  const purgedTodos = await db
    .delete(todos)
    .where(lt(todos.deletedAt, sql`now() - make_interval(days => ${RESTORE_WINDOW_DAYS})`))
    .returning({ id: todos.id });
  const purgedKeys = await db
    .delete(idempotencyKeys)
    .where(
      lt(
        idempotencyKeys.createdAt,
        sql`now() - make_interval(hours => ${IDEMPOTENCY_KEY_TTL_HOURS})`,
      ),
    )
    .returning({ key: idempotencyKeys.key });
  return { todos: purgedTodos.length, idempotencyKeys: purgedKeys.length };
}

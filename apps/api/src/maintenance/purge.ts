import type { Database } from "@repo/db/client";
import { idempotencyKeys, projects, todos } from "@repo/db/schema";
import { lt, sql } from "drizzle-orm";
import { IDEMPOTENCY_KEY_TTL_HOURS } from "../idempotency/run-once";

/** Soft-deleted todos and projects can be restored for this long; then the purge removes them for good. */
export const RESTORE_WINDOW_DAYS = 30;

/**
 * Deletes todos and projects soft-deleted more than 30 days ago, and idempotency keys past their
 * 24 hours. A deleted project has no todos left (its delete detached them).
 * Safe to run at any time and from several places at once (plain set-based deletes).
 */
export async function purgeExpired(
  db: Database,
): Promise<{ todos: number; projects: number; idempotencyKeys: number }> {
  const restorable = sql`now() - make_interval(days => ${RESTORE_WINDOW_DAYS})`;
  const purgedTodos = await db
    .delete(todos)
    .where(lt(todos.deletedAt, restorable))
    .returning({ id: todos.id });
  const purgedProjects = await db
    .delete(projects)
    .where(lt(projects.deletedAt, restorable))
    .returning({ id: projects.id });
  const purgedKeys = await db
    .delete(idempotencyKeys)
    .where(
      lt(
        idempotencyKeys.createdAt,
        sql`now() - make_interval(hours => ${IDEMPOTENCY_KEY_TTL_HOURS})`,
      ),
    )
    .returning({ key: idempotencyKeys.key });
  return {
    todos: purgedTodos.length,
    projects: purgedProjects.length,
    idempotencyKeys: purgedKeys.length,
  };
}

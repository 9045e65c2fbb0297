import type { Database } from "@repo/db/client";
import { todoCounts, todos } from "@repo/db/schema";
import { and, eq, sql } from "drizzle-orm";
import { ownLiveTodo } from "./columns";
import type { ExpectedVersions } from "./update-todo-for-user";

/**
 * Marks the owner's live todo deleted (it leaves lists and reads as 404; restore undoes it), and
 * the owner's live count one lower, in one statement: the count moves only if the todo did.
 * False when no such todo, or the expected version did not match.
 */
export async function softDeleteTodoForUser(
  db: Database,
  userId: string,
  id: string,
  expected?: ExpectedVersions,
): Promise<boolean> {
  const removed = db.$with("removed").as(
    db
      .update(todos)
      .set({ deletedAt: sql`now()`, updatedAt: sql`now()`, version: sql`${todos.version} + 1` })
      .where(
        and(
          ownLiveTodo(userId, id),
          Array.isArray(expected)
            ? sql`${todos.version} = any(${sql.param(expected)}::int[])`
            : undefined,
        ),
      )
      .returning({ id: todos.id }),
  );
  const released = db.$with("released").as(
    db
      .update(todoCounts)
      .set({ live: sql`${todoCounts.live} - 1` })
      .where(and(eq(todoCounts.userId, userId), sql`exists (select 1 from ${removed})`))
      .returning({ userId: todoCounts.userId }),
  );
  const rows = await db.with(removed, released).select({ id: removed.id }).from(removed);
  return rows.length > 0;
}

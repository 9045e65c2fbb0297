import type { Database } from "@repo/db/client";
import { todos } from "@repo/db/schema";
import { and, eq, isNull, sql } from "drizzle-orm";

// The first key of pg_advisory_xact_lock(int, int): this lock's namespace, apart from the
// Idempotency-Key locks (one bigint key) and anything else that takes advisory locks.
const LIVE_TODOS_LOCK = 0x746f646f; // "todo"

/**
 * Whether the owner may have one more live todo under `limit`. Must run in a transaction: it
 * takes the owner's lock until that transaction ends, so the insert or restore that follows is
 * counted by every other one of the owner's (concurrent creates cannot all see room for one).
 * Counts no further than `limit` rows, along the owner's live-todo index.
 */
export async function hasRoomForLiveTodo(
  tx: Database,
  userId: string,
  limit: number,
): Promise<boolean> {
  await tx.execute(sql`select pg_advisory_xact_lock(${LIVE_TODOS_LOCK}, hashtext(${userId}))`);
  const live = tx
    .select({ one: sql`1` })
    .from(todos)
    .where(and(eq(todos.userId, userId), isNull(todos.deletedAt)))
    .limit(limit)
    .as("live");
  const [row] = await tx.select({ count: sql<number>`count(*)::int` }).from(live);
  return (row?.count ?? 0) < limit;
}

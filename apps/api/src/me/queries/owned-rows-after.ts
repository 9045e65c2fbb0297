import type { Database } from "@repo/db/client";
import type { labels, projects, todos } from "@repo/db/schema";
import { and, asc, eq, gt } from "drizzle-orm";

/** The tables whose rows a user owns outright, each with a unique index on (user_id, id). */
export type OwnedTable = typeof todos | typeof projects | typeof labels;

/**
 * The next `size` of the owner's rows of `table` after the id `after`, in id order, deleted ones
 * included: a keyset page of the table's (user_id, id) unique index, never OFFSET.
 */
export function ownedRowsAfter<T extends OwnedTable>(
  db: Database,
  table: T,
  userId: string,
  after: string | undefined,
  size: number,
): Promise<T["$inferSelect"][]> {
  // One table's columns stand for the union's: every owned table has `id` and `user_id`.
  const owned = table as typeof todos;
  return db
    .select()
    .from(owned)
    .where(and(eq(owned.userId, userId), after === undefined ? undefined : gt(owned.id, after)))
    .orderBy(asc(owned.id))
    .limit(size);
}

import type { Database } from "@repo/db/client";
import type { LiveCountTable } from "@repo/db/schema";
import { type Placeholder, type SQL, sql } from "drizzle-orm";

// Each user's live rows of a kind are counted in a row of `counts` (todo_counts,
// project_counts, label_counts), moved in the same statement or transaction as the rows. Where
// rows have unique names (projects, labels), every writer that moves the count takes the count
// row first, before any row of the kind: a create waits on a delete or restore of the same name
// (the unique index), so a delete or restore that locked its row first and the count row after
// could wait on that create while it holds the count row (a deadlock).

/**
 * One more live row for the owner, if the owner has fewer than `limit`: the owner's count goes
 * up by one and the statement returns a row (`one`); at the limit, nothing changes and it
 * returns none. ON CONFLICT DO UPDATE locks the owner's count row and checks the limit on its
 * latest version, so concurrent statements of one owner are counted one after another (until
 * their transactions end) and can never pass the limit together. The constant 1 goes as a
 * parameter too: a query span records the SQL text only when it holds no literal (tracing.ts).
 */
export const liveSlot = (
  counts: LiveCountTable,
  userId: string | Placeholder,
  limit: number | Placeholder,
): SQL => sql`insert into ${counts} ("user_id", "live") values (${userId}, ${1})
  on conflict ("user_id") do update set "live" = ${counts.live} + ${1}
  where ${counts.live} < ${limit}
  returning "user_id"`;

/** liveSlot as a statement of its own; true when the owner was under `limit`. */
export async function takeLiveSlot(
  db: Database,
  counts: LiveCountTable,
  userId: string,
  limit: number,
): Promise<boolean> {
  const result = await db.execute(liveSlot(counts, userId, limit));
  return result.rows.length > 0;
}

/**
 * Locks the owner's count row until the transaction ends: the first statement of a delete or
 * restore. An owner with no count row has no rows the API counted (none, or only rows written
 * outside it), and nothing to lock.
 */
export async function lockLiveCount(
  db: Database,
  counts: LiveCountTable,
  userId: string,
): Promise<void> {
  await db.execute(sql`select 1 from ${counts} where ${counts.userId} = ${userId} for update`);
}

/** One live row fewer for the owner (a delete, in the transaction that locked the count). */
export async function releaseLiveSlot(
  db: Database,
  counts: LiveCountTable,
  userId: string,
): Promise<void> {
  await db.execute(
    sql`update ${counts} set "live" = ${counts.live} - ${1} where ${counts.userId} = ${userId}`,
  );
}

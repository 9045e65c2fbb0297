import type { Database } from "@repo/db/client";
import { eq, sql } from "drizzle-orm";
import { userExistsSql } from "../../me/account-gone";
import { type OwnedTable, ownLive } from "../owned-table";

export interface MissingRow {
  /** The row exists (live or deleted) and belongs to someone else. */
  othersRow: boolean;
  /** The caller's live row exists: a conditional write missed it on its version. */
  ownLive: boolean;
  /** The token's user still exists (tokens outlive deleted accounts). */
  userExists: boolean;
}

/**
 * Why a write or read of the caller's live row `id` of `table` found nothing. Reads only whether
 * the owner is the caller and whether the row is live, never another user's data.
 */
export async function explainMissing(
  db: Database,
  table: OwnedTable,
  userId: string,
  id: string,
): Promise<MissingRow> {
  const [found] = await db
    .select({
      ownerId: sql<
        string | null
      >`(${db.select({ u: table.userId }).from(table).where(eq(table.id, id))})`,
      ownLive: sql<boolean>`exists (${db
        .select({ one: sql`1` })
        .from(table)
        .where(ownLive(table, userId, id))})`,
      userExists: userExistsSql(db, userId),
    })
    .from(sql`(select 1) as probe`);
  return {
    othersRow: Boolean(found?.ownerId && found.ownerId !== userId),
    ownLive: Boolean(found?.ownLive),
    userExists: Boolean(found?.userExists),
  };
}

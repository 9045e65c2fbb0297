import type { Database } from "@repo/db/client";
import type { LiveCountTable } from "@repo/db/schema";
import { getTableName } from "drizzle-orm";
import { takeLiveSlot } from "../../resources/queries/live-count";
import type { NamedInput, NamedRow, NamedTable } from "../named-resource";

/**
 * The owner's new row of `table`, counted in `counts` in the same transaction: the owner's
 * count row first (locked until the end, see live-count.ts), then the insert. Undefined when
 * the owner already has `limit` live rows. A duplicate name fails on the unique index of the
 * owner's lower(name) (see withUniqueName) and takes the count back with the transaction.
 */
export async function createNamed<Row extends NamedRow>(
  db: Database,
  { table, counts }: { table: NamedTable; counts: LiveCountTable },
  userId: string,
  input: NamedInput,
  limit: number,
): Promise<Row | undefined> {
  return db.transaction(async (tx) => {
    if (!(await takeLiveSlot(tx, counts, userId, limit))) return undefined;
    const [row] = await tx
      .insert(table)
      .values({ ...input, userId })
      .returning();
    if (!row) throw new Error(`insert into ${getTableName(table)} returned no row`);
    return row as Row;
  });
}

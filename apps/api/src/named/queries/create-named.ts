import type { Database } from "@repo/db/client";
import { getTableName } from "drizzle-orm";
import type { NamedInput, NamedRow, NamedTable } from "../named-resource";

/**
 * The owner's new row of `table` (a duplicate name fails on the unique index of the owner's
 * lower(name): see withUniqueName).
 */
export async function createNamed<Row extends NamedRow>(
  db: Database,
  table: NamedTable,
  userId: string,
  input: NamedInput,
): Promise<Row> {
  const [row] = await db
    .insert(table)
    .values({ ...input, userId })
    .returning();
  if (!row) throw new Error(`insert into ${getTableName(table)} returned no row`);
  return row as Row;
}

import type { Database } from "@repo/db/client";
import { ownLive } from "../../resources/owned-table";
import type { NamedRow, NamedTable } from "../named-resource";

/** The owner's live row of `table` with this id. */
export async function getNamedForUser<Row extends NamedRow>(
  db: Database,
  table: NamedTable,
  userId: string,
  id: string,
): Promise<Row | undefined> {
  const [row] = await db
    .select()
    .from(table)
    .where(ownLive(table, userId, id));
  return row as Row | undefined;
}

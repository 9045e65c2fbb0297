import type { Database } from "@repo/db/client";
import { and, sql } from "drizzle-orm";
import type { ExpectedVersions } from "../../http/entity-tags";
import { ownLive, versionIn } from "../../resources/owned-table";
import type { NamedInput, NamedRow, NamedTable } from "../named-resource";

/**
 * Applies `changes` to the owner's live row and bumps its version, checking the expected
 * version in the same statement: of concurrent writers holding the same version, exactly one
 * succeeds. Undefined when no such row, or the version did not match.
 */
export async function updateNamedForUser<Row extends NamedRow>(
  db: Database,
  table: NamedTable,
  userId: string,
  id: string,
  changes: Partial<NamedInput>,
  expected: ExpectedVersions,
): Promise<Row | undefined> {
  const [row] = await db
    .update(table)
    .set({ ...changes, version: sql`${table.version} + 1`, updatedAt: sql`now()` })
    .where(and(ownLive(table, userId, id), versionIn(table, expected)))
    .returning();
  return row as Row | undefined;
}

import type { Database } from "@repo/db/client";
import type { ProjectRow, projects, TodoRow, todos } from "@repo/db/schema";
import { and, eq, isNotNull, sql } from "drizzle-orm";
import type { SelectedFieldsFlat } from "drizzle-orm/pg-core";

/** The tables whose rows are soft-deleted, and so restored. */
export type SoftDeletedTable = typeof todos | typeof projects;

/**
 * Brings back the owner's soft-deleted row of `table`, as a change (new version). Undefined when
 * none.
 */
export async function restoreForUser<Row extends TodoRow | ProjectRow>(
  db: Database,
  table: SoftDeletedTable,
  userId: string,
  id: string,
  /** What to answer, when more than the row (a todo's labelIds). */
  columns?: SelectedFieldsFlat,
): Promise<Row | undefined> {
  const restore = db
    .update(table)
    .set({ deletedAt: null, updatedAt: sql`now()`, version: sql`${table.version} + 1` })
    .where(and(eq(table.id, id), eq(table.userId, userId), isNotNull(table.deletedAt)));
  const [row] = await (columns ? restore.returning(columns) : restore.returning());
  return row as Row | undefined;
}

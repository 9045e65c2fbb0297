import { and, eq, isNull, type SQL, sql } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { ExpectedVersions } from "../http/entity-tags";

/** A table of rows a user owns: todos, projects, labels. */
export type OwnedTable = PgTable & {
  id: PgColumn;
  userId: PgColumn;
  version: PgColumn;
  /** Only on tables whose rows are soft-deleted. */
  deletedAt?: PgColumn;
};

/** The owner's row with this id, and a live one where rows are soft-deleted. */
export const ownLive = (table: OwnedTable, userId: string, id: string): SQL | undefined =>
  and(
    eq(table.id, id),
    eq(table.userId, userId),
    table.deletedAt ? isNull(table.deletedAt) : undefined,
  );

/** The condition on `version` an If-Match sets (none for no header or `*`). */
export const versionIn = (table: OwnedTable, expected: ExpectedVersions): SQL | undefined =>
  Array.isArray(expected) ? sql`${table.version} = any(${sql.param(expected)}::int[])` : undefined;

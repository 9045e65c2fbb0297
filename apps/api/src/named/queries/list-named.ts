import type { Database } from "@repo/db/client";
import { projects } from "@repo/db/schema";
import { and, asc, desc, eq, getTableColumns, isNull, type SQL, sql } from "drizzle-orm";
import type { NamedRow, NamedSort, NamedTable } from "../named-resource";

export interface ListNamedOptions {
  userId: string;
  limit: number;
  sort: NamedSort;
  /** Projects only: only archived (true) or only active (false) ones. */
  archived?: boolean | undefined;
  /** Continue after this position: the sort column's value (lower(name) or createdAt) and id. */
  after?: { value: string; id: string } | undefined;
}

/** A listed row, with the key the `name` sort orders by, as PostgreSQL computes it. */
export type ListedRow<Row extends NamedRow> = Row & { nameKey: string };

/**
 * One page of the owner's live rows of `table`. By `name`: lower(name), which is unique per owner
 * among live rows, so it orders alone (a range scan of the unique index, no Sort node) and the
 * cursor's value is the key itself, as PostgreSQL lowered it. By creation: (createdAt, id), a
 * range scan of the created index, forwards or backwards.
 */
export async function listNamed<Row extends NamedRow>(
  db: Database,
  table: NamedTable,
  options: ListNamedOptions,
): Promise<ListedRow<Row>[]> {
  const nameKey = sql<string>`lower(${table.name})`;
  const where: (SQL | undefined)[] = [eq(table.userId, options.userId)];
  if (table === projects) {
    where.push(isNull(projects.deletedAt));
    if (options.archived !== undefined) where.push(eq(projects.archived, options.archived));
  }
  const { after } = options;
  let order: SQL[];
  if (options.sort === "name") {
    if (after) where.push(sql`${nameKey} > ${after.value}`);
    order = [asc(nameKey)];
  } else {
    const descending = options.sort === "-createdAt";
    if (after) {
      const position = sql`(${after.value}::timestamptz, ${after.id}::uuid)`;
      const row = sql`(${table.createdAt}, ${table.id})`;
      where.push(descending ? sql`${row} < ${position}` : sql`${row} > ${position}`);
    }
    const direction = descending ? desc : asc;
    order = [direction(table.createdAt), direction(table.id)];
  }
  const rows = await db
    .select({ ...getTableColumns(table), nameKey })
    .from(table)
    .where(and(...where))
    .orderBy(...order)
    .limit(options.limit);
  return rows as ListedRow<Row>[];
}

import type { Database } from "@repo/db/client";
import { labels, projects, todos } from "@repo/db/schema";
import { and, asc, eq, gt } from "drizzle-orm";
import type { OwnedTable } from "../../resources/owned-table";
import { todoColumns } from "../../todos/queries/columns";

/**
 * The owner's rows of `table` after the id `after`, in id order, deleted ones included: a keyset
 * page of the table's (user_id, id) unique index, never OFFSET.
 */
const ownedAfter = (table: OwnedTable, userId: string, after: string | undefined) =>
  and(eq(table.userId, userId), after === undefined ? undefined : gt(table.id, after));

/** The next `size` of the owner's todos (with their labelIds, as every todo read). */
export const todoBatch = (db: Database, userId: string, after: string | undefined, size: number) =>
  db
    .select(todoColumns)
    .from(todos)
    .where(ownedAfter(todos, userId, after))
    .orderBy(asc(todos.id))
    .limit(size);

/** The next `size` of the owner's projects. */
export const projectBatch = (
  db: Database,
  userId: string,
  after: string | undefined,
  size: number,
) =>
  db
    .select()
    .from(projects)
    .where(ownedAfter(projects, userId, after))
    .orderBy(asc(projects.id))
    .limit(size);

/** The next `size` of the owner's labels. */
export const labelBatch = (db: Database, userId: string, after: string | undefined, size: number) =>
  db
    .select()
    .from(labels)
    .where(ownedAfter(labels, userId, after))
    .orderBy(asc(labels.id))
    .limit(size);

import type { TodoSort } from "@repo/contracts/todo";
import type { Database } from "@repo/db/client";
import { type TodoRow, todos } from "@repo/db/schema";
import { and, asc, desc, eq, ilike, isNull, type SQL, sql } from "drizzle-orm";
import type { CursorPosition } from "../cursor";

export interface ListTodosOptions {
  userId: string;
  limit: number;
  sort?: TodoSort;
  completed?: boolean | undefined;
  /** Case-insensitive substring of the title; `%`, `_` and `\` match themselves. */
  q?: string | undefined;
  /** Continue after this position (keyset pagination, never OFFSET). */
  after?: CursorPosition | undefined;
}

const SORTS = {
  "-createdAt": { column: todos.createdAt, descending: true },
  createdAt: { column: todos.createdAt, descending: false },
  "-updatedAt": { column: todos.updatedAt, descending: true },
  updatedAt: { column: todos.updatedAt, descending: false },
} as const;

export const sortColumnOf = (sort: TodoSort) =>
  sort.endsWith("createdAt") ? ("createdAt" as const) : ("updatedAt" as const);

const likeEscape = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The owner's live todos in `sort` order, ties broken by id. Every sort is a range scan of
 * `todos_user_live_created_idx` or `todos_user_live_updated_idx` (forwards or backwards),
 * so no Sort node; the row comparison continues exactly after the previous page.
 */
export function listTodosQuery(db: Database, options: ListTodosOptions) {
  const { column, descending } = SORTS[options.sort ?? "-createdAt"];
  const filters: (SQL | undefined)[] = [eq(todos.userId, options.userId), isNull(todos.deletedAt)];
  if (options.completed !== undefined) filters.push(eq(todos.completed, options.completed));
  if (options.q !== undefined) filters.push(ilike(todos.title, `%${likeEscape(options.q)}%`));
  if (options.after) {
    const position = sql`(${options.after.at}::timestamptz, ${options.after.id}::uuid)`;
    filters.push(
      descending
        ? sql`(${column}, ${todos.id}) < ${position}`
        : sql`(${column}, ${todos.id}) > ${position}`,
    );
  }
  const direction = descending ? desc : asc;
  return db
    .select()
    .from(todos)
    .where(and(...filters))
    .orderBy(direction(column), direction(todos.id))
    .limit(options.limit);
}

export async function listTodos(db: Database, options: ListTodosOptions): Promise<TodoRow[]> {
  return listTodosQuery(db, options);
}

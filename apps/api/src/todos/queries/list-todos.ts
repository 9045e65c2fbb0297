import type { TodoSort } from "@repo/contracts/todo";
import type { Database } from "@repo/db/client";
import { type TodoRow, todos } from "@repo/db/schema";
import {
  and,
  asc,
  type Column,
  desc,
  eq,
  ilike,
  isNull,
  type Placeholder,
  type SQL,
  sql,
} from "drizzle-orm";
import { preparedPerDatabase } from "../../db/prepared";

/** A value, or a placeholder for it in a prepared statement. */
type Param<T> = T | Placeholder;

export interface ListTodosOptions {
  userId: Param<string>;
  limit: Param<number>;
  sort?: TodoSort;
  completed?: Param<boolean> | undefined;
  /** Case-insensitive substring of the title; `%`, `_` and `\` match themselves. */
  q?: string | undefined;
  /** Continue after this position (keyset pagination, never OFFSET). */
  after?: { at: Param<string>; id: Param<string> } | undefined;
}

const SORTS = {
  "-createdAt": { key: "createdAt", descending: true },
  createdAt: { key: "createdAt", descending: false },
  "-updatedAt": { key: "updatedAt", descending: true },
  updatedAt: { key: "updatedAt", descending: false },
} as const;

export const sortColumnOf = (sort: TodoSort) => SORTS[sort].key;

/** How many of the owner's rows, in list order, a search reads before it turns to the trigram index. */
export const SEARCH_WINDOW = 1000;

const likeEscape = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

// A q with three letters or digits in a row always gives pg_trgm a trigram to look up. Shorter
// ones (or other scripts, which depend on the database's locale) may give none, and then the
// trigram index cannot narrow anything down.
const hasTrigram = (q: string) => /[a-z0-9]{3}/i.test(q);

/** The owner's live todos after the cursor, in the options' sort. */
function scope(options: ListTodosOptions) {
  const { key, descending } = SORTS[options.sort ?? "-createdAt"];
  const column = todos[key];
  const where: SQL[] = [eq(todos.userId, options.userId), isNull(todos.deletedAt)];
  if (options.after) {
    const position = sql`(${options.after.at}::timestamptz, ${options.after.id}::uuid)`;
    where.push(
      descending
        ? sql`(${column}, ${todos.id}) < ${position}`
        : sql`(${column}, ${todos.id}) > ${position}`,
    );
  }
  return { key, direction: descending ? desc : asc, where };
}

/** The `completed` and `q` filters, on `todos` or on a subquery of it. */
function filters(columns: { completed: Column; title: Column }, options: ListTodosOptions): SQL[] {
  const where: SQL[] = [];
  if (options.completed !== undefined) where.push(eq(columns.completed, options.completed));
  if (options.q !== undefined) where.push(ilike(columns.title, `%${likeEscape(options.q)}%`));
  return where;
}

/**
 * The page in one statement, the planner choosing the plan. Without `q`, every sort is a range
 * scan of `todos_user_live_created_idx` or `todos_user_live_updated_idx` (forwards or backwards),
 * so no Sort node; the row comparison continues exactly after the previous page.
 */
export function listTodosQuery(db: Database, options: ListTodosOptions) {
  const { key, direction, where } = scope(options);
  return db
    .select()
    .from(todos)
    .where(and(...where, ...filters(todos, options)))
    .orderBy(direction(todos[key]), direction(todos.id))
    .limit(options.limit);
}

/**
 * Search, first step: the page among the next SEARCH_WINDOW live rows of the list, a bounded walk
 * of the same index as the unfiltered list (`completed` is applied after the walk, so it cannot
 * make the walk longer).
 */
export function searchWindowQuery(db: Database, options: ListTodosOptions & { q: string }) {
  const { key, direction, where } = scope(options);
  const head = db
    .select()
    .from(todos)
    .where(and(...where))
    .orderBy(direction(todos[key]), direction(todos.id))
    .limit(SEARCH_WINDOW)
    .as("head");
  return db
    .select()
    .from(head)
    .where(and(...filters(head, options)))
    .orderBy(direction(head[key]), direction(head.id))
    .limit(options.limit);
}

/**
 * Search, second step: every match of the owner through `todos_user_live_title_trgm_idx`, then
 * sorted. OFFSET 0 fences the subquery: merged into the outer ORDER BY … LIMIT, the planner would
 * judge q by all users' titles ("milk" is common) and walk the owner's whole list for a q that is
 * common elsewhere but rare in this owner's todos.
 */
export function searchIndexQuery(db: Database, options: ListTodosOptions & { q: string }) {
  const { key, direction, where } = scope(options);
  const matches = db
    .select()
    .from(todos)
    .where(and(...where, ...filters(todos, options)))
    // drizzle drops `.offset(0)`; it prints an SQL chunk as it is (its type only admits numbers).
    .offset(sql`0` as unknown as number)
    .as("matches");
  return db
    .select()
    .from(matches)
    .orderBy(direction(matches[key]), direction(matches.id))
    .limit(options.limit);
}

/** What a caller lists by: values only. */
export type ListOptions = ListTodosOptions & {
  userId: string;
  limit: number;
  completed?: boolean | undefined;
  after?: { at: string; id: string } | undefined;
};

type PlainShape = `${TodoSort}|${"c" | "-"}|${"a" | "-"}`;

const shapeOf = (o: ListOptions): PlainShape =>
  `${o.sort ?? "-createdAt"}|${o.completed === undefined ? "-" : "c"}|${o.after ? "a" : "-"}`;

const valuesOf = (o: ListOptions) => ({
  userId: o.userId,
  limit: o.limit,
  completed: o.completed,
  at: o.after?.at,
  afterId: o.after?.id,
});

// The list without q, by far the most common request: one prepared statement per sort and
// filter shape (16 in all), built from the same query as every other list.
const plainList = preparedPerDatabase((db, shape: PlainShape) => {
  const [sort, completed, after] = shape.split("|") as [TodoSort, string, string];
  const p = (name: string) => sql.placeholder(name);
  const name = `todos_list_${sort.replace("-", "desc_")}_${completed === "c" ? "c" : "all"}_${after === "a" ? "after" : "first"}`;
  return listTodosQuery(db, {
    userId: p("userId"),
    limit: p("limit"),
    sort,
    completed: completed === "c" ? p("completed") : undefined,
    after: after === "a" ? { at: p("at"), id: p("afterId") } : undefined,
  }).prepare(name);
});

/**
 * One page of the owner's live todos. A search whose matches are common finds its page in the
 * first SEARCH_WINDOW rows of the list (step one); one whose matches are rare reads them through
 * the trigram index (step two), so it never walks the owner's whole list for nothing, whatever
 * the planner guesses from q. A q with no trigram is one statement, as the plain list.
 */
export async function listTodos(db: Database, options: ListOptions): Promise<TodoRow[]> {
  const { q } = options;
  if (q === undefined) return plainList(db, shapeOf(options)).execute(valuesOf(options));
  if (!hasTrigram(q)) return listTodosQuery(db, options);
  const page = await searchWindowQuery(db, { ...options, q });
  return page.length === options.limit ? page : searchIndexQuery(db, { ...options, q });
}

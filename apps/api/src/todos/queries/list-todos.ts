import type { TodoSort } from "@repo/contracts/todo";
import type { Database } from "@repo/db/client";
import { todoLabels, todos } from "@repo/db/schema";
import {
  and,
  asc,
  type Column,
  desc,
  eq,
  getTableColumns,
  gt,
  gte,
  ilike,
  isNull,
  lt,
  type Placeholder,
  type SQL,
  sql,
} from "drizzle-orm";
import { preparedPerDatabase } from "../../db/prepared";
import { labelIdsOf, type TodoRecord, todoColumns } from "./columns";

/** A value, or a placeholder for it in a prepared statement. */
type Param<T> = T | Placeholder;

/** The filters of a list, each optional. */
export interface TodoFilters {
  completed?: Param<boolean> | undefined;
  /** A project's id, or null for the todos in no project. */
  projectId?: Param<string> | null | undefined;
  /** Todos carrying every one of these labels (distinct ids). */
  labelIds?: Param<string[]> | undefined;
  dueAfter?: Param<Date> | undefined;
  dueBefore?: Param<Date> | undefined;
  /** true: open and past due; false: every other todo. Part of the statement's text, not a parameter. */
  overdue?: boolean | undefined;
  /** The stored value, 1–4. */
  priority?: Param<number> | undefined;
  /** Case-insensitive substring of the title; `%`, `_` and `\` match themselves. */
  q?: string | undefined;
}

export interface ListTodosOptions extends TodoFilters {
  userId: Param<string>;
  limit: Param<number>;
  sort?: TodoSort;
  /**
   * Continue after this position (keyset pagination, never OFFSET). `at: null` (the dueAt sort
   * only) is a position among the undated todos, which come last.
   */
  after?: { at: Param<string | number> | null; id: Param<string> } | undefined;
  /** The dueAt sort: only the undated todos, the list's tail (after `after.id`, if given). */
  undated?: boolean | undefined;
}

/** Each sort: its column, its direction, and the type a cursor's value is compared as. */
const SORTS = {
  "-createdAt": { key: "createdAt", descending: true, type: "timestamptz" },
  createdAt: { key: "createdAt", descending: false, type: "timestamptz" },
  "-updatedAt": { key: "updatedAt", descending: true, type: "timestamptz" },
  updatedAt: { key: "updatedAt", descending: false, type: "timestamptz" },
  // Ascending puts nulls last, as todos_user_live_due_idx holds them: undated todos come last.
  dueAt: { key: "dueAt", descending: false, type: "timestamptz" },
  // bigint: any integer a cursor may hold compares without overflow (priority is a smallint).
  priority: { key: "priority", descending: false, type: "bigint" },
  "-priority": { key: "priority", descending: true, type: "bigint" },
} as const;

/** The row's value in the sort's column, as a cursor holds it (a timestamp as RFC 3339). */
export function sortValueOf(row: TodoRecord, sort: TodoSort): string | number | null {
  const value = row[SORTS[sort].key];
  return value instanceof Date ? value.toISOString() : value;
}

/** How many of the owner's rows, in list order, a search reads before it turns to the trigram index. */
export const SEARCH_WINDOW = 1000;

const likeEscape = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

// A q with three letters or digits in a row always gives pg_trgm a trigram to look up. Shorter
// ones (or other scripts, which depend on the database's locale) may give none, and then the
// trigram index cannot narrow anything down.
const hasTrigram = (q: string) => /[a-z0-9]{3}/i.test(q);

/** The owner's live todos after the cursor, in the options' sort. */
function scope(options: ListTodosOptions) {
  const { key, descending, type } = SORTS[options.sort ?? "-createdAt"];
  const column = todos[key];
  const where: SQL[] = [eq(todos.userId, options.userId), isNull(todos.deletedAt)];
  const { after } = options;
  if (options.undated || after?.at === null) {
    // The undated tail of the dueAt sort, by id: a range of todos_user_live_due_idx.
    where.push(isNull(column));
    if (after) where.push(gt(todos.id, after.id));
  } else if (after) {
    // A row comparison is false for a null dueAt: the undated tail is read on its own (listTodos).
    const position = sql`(${after.at}::${sql.raw(type)}, ${after.id}::uuid)`;
    where.push(
      descending
        ? sql`(${column}, ${todos.id}) < ${position}`
        : sql`(${column}, ${todos.id}) > ${position}`,
    );
  }
  return { key, direction: descending ? desc : asc, where };
}

type FilterColumns = Record<
  "id" | "completed" | "title" | "projectId" | "dueAt" | "priority",
  Column
>;

/** The filters, on `todos` or on a subquery of it. */
function filters(columns: FilterColumns, options: TodoFilters): SQL[] {
  const where: SQL[] = [];
  if (options.completed !== undefined) where.push(eq(columns.completed, options.completed));
  if (options.projectId === null) where.push(isNull(columns.projectId));
  else if (options.projectId !== undefined) where.push(eq(columns.projectId, options.projectId));
  if (options.labelIds !== undefined) {
    // All of them: as many of the todo's links among them as there are, one probe of
    // todo_labels' primary key (todo_id, label_id) per todo. Links only ever join a todo and a
    // label of one owner (foreign keys), so another user's label matches nothing. The comparison
    // is inside the subquery on purpose: the planner then guesses half the todos match (a
    // boolean subquery), not 0.5% (an equality on one), and keeps walking the sort's index in
    // order, stopping at the page's end, rather than fetching every todo of the owner to sort.
    const { labelIds } = options;
    const ids = sql`${Array.isArray(labelIds) ? sql.param(labelIds) : labelIds}::uuid[]`;
    where.push(
      sql`(select count(*) = cardinality(${ids}) from ${todoLabels} as link where link.todo_id = ${columns.id} and link.label_id = any(${ids}))`,
    );
  }
  if (options.dueAfter !== undefined) where.push(gte(columns.dueAt, options.dueAfter));
  if (options.dueBefore !== undefined) where.push(lt(columns.dueAt, options.dueBefore));
  const overdue = sql`(not ${columns.completed} and ${columns.dueAt} < now())`;
  if (options.overdue === true) where.push(overdue);
  // Not overdue: completed, undated, or not yet due.
  if (options.overdue === false)
    where.push(
      sql`(${columns.completed} or ${columns.dueAt} is null or ${columns.dueAt} >= now())`,
    );
  if (options.priority !== undefined) where.push(eq(columns.priority, options.priority));
  if (options.q !== undefined) where.push(ilike(columns.title, `%${likeEscape(options.q)}%`));
  return where;
}

/**
 * The page in one statement, the planner choosing the plan. Without `q`, each sort is a range
 * scan of its index (created, updated, due or priority; forwards or backwards), the filters
 * applied on the way, so no Sort node; the row comparison continues exactly after the previous page.
 */
export function listTodosQuery(db: Database, options: ListTodosOptions) {
  const { key, direction, where } = scope(options);
  return db
    .select(todoColumns)
    .from(todos)
    .where(and(...where, ...filters(todos, options)))
    .orderBy(direction(todos[key]), direction(todos.id))
    .limit(options.limit);
}

const TODO_COLUMN_NAMES = Object.keys(getTableColumns(todos)) as (keyof typeof todos._.columns)[];

/** A subquery's todo columns and the todo's labelIds: what the list answers. */
function recordOf<S extends Record<keyof typeof todos._.columns, Column>>(source: S) {
  const fields = Object.fromEntries(TODO_COLUMN_NAMES.map((name) => [name, source[name]]));
  return {
    ...fields,
    labelIds: labelIdsOf(source.id).as("label_ids"),
  } as unknown as typeof todoColumns;
}

/**
 * Search, first step: the page among the next SEARCH_WINDOW live rows of the list, a bounded walk
 * of the same index as the unfiltered list (the filters are applied after the walk, so they
 * cannot make the walk longer).
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
    .select(recordOf(head))
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
    .select(recordOf(matches))
    .from(matches)
    .orderBy(direction(matches[key]), direction(matches.id))
    .limit(options.limit);
}

/** What a caller lists by: values only. */
export type ListOptions = Omit<ListTodosOptions, "undated"> & {
  userId: string;
  limit: number;
  completed?: boolean | undefined;
  projectId?: string | null | undefined;
  labelIds?: string[] | undefined;
  dueAfter?: Date | undefined;
  dueBefore?: Date | undefined;
  priority?: number | undefined;
  after?: { at: string | number | null; id: string } | undefined;
};

/**
 * A list's shape: the sort, which filters it has (one letter each), and where it starts. Every
 * value is a parameter, so one prepared statement serves each shape.
 */
type Shape = string;

const AFTER_KINDS = { first: "f", after: "a", undatedFirst: "u", undatedAfter: "n" } as const;

function shapeOf(o: ListOptions & { undated?: boolean }): Shape {
  const flags = [
    o.completed !== undefined ? "c" : "",
    o.projectId === null ? "P" : o.projectId !== undefined ? "p" : "",
    o.labelIds !== undefined ? "l" : "",
    o.dueAfter !== undefined ? "g" : "",
    o.dueBefore !== undefined ? "b" : "",
    o.overdue === true ? "o" : o.overdue === false ? "O" : "",
    o.priority !== undefined ? "r" : "",
  ].join("");
  const undated = o.undated || o.after?.at === null;
  const after = undated
    ? o.after
      ? AFTER_KINDS.undatedAfter
      : AFTER_KINDS.undatedFirst
    : o.after
      ? AFTER_KINDS.after
      : AFTER_KINDS.first;
  return `${o.sort ?? "-createdAt"}|${flags}|${after}`;
}

const valuesOf = (o: ListOptions) => ({
  userId: o.userId,
  limit: o.limit,
  completed: o.completed,
  projectId: o.projectId,
  labelIds: o.labelIds,
  dueAfter: o.dueAfter,
  dueBefore: o.dueBefore,
  priority: o.priority,
  at: o.after?.at,
  afterId: o.after?.id,
});

// The list without q, by far the most common request: one prepared statement per sort, filter
// shape and start (built when first used), from the same query as every other list.
const plainList = preparedPerDatabase((db, shape: Shape) => {
  const [sort, flags = "", after] = shape.split("|") as [TodoSort, string, string];
  const p = (name: string) => sql.placeholder(name);
  const has = (flag: string) => flags.includes(flag);
  const name = `todos_list_${sort.replace("-", "desc_")}_${flags || "all"}_${after}`;
  return listTodosQuery(db, {
    userId: p("userId"),
    limit: p("limit"),
    sort,
    completed: has("c") ? p("completed") : undefined,
    projectId: has("P") ? null : has("p") ? p("projectId") : undefined,
    labelIds: has("l") ? p("labelIds") : undefined,
    dueAfter: has("g") ? p("dueAfter") : undefined,
    dueBefore: has("b") ? p("dueBefore") : undefined,
    overdue: has("o") ? true : has("O") ? false : undefined,
    priority: has("r") ? p("priority") : undefined,
    undated: after === AFTER_KINDS.undatedFirst || after === AFTER_KINDS.undatedAfter,
    after:
      after === AFTER_KINDS.after
        ? { at: p("at"), id: p("afterId") }
        : after === AFTER_KINDS.undatedAfter
          ? { at: null, id: p("afterId") }
          : undefined,
  }).prepare(name);
});

/** One statement's worth of the list: prepared without q, the search's two steps with it. */
async function listPart(
  db: Database,
  options: ListOptions & { undated?: boolean },
): Promise<TodoRecord[]> {
  const { q } = options;
  if (q === undefined) return plainList(db, shapeOf(options)).execute(valuesOf(options));
  if (!hasTrigram(q)) return listTodosQuery(db, options);
  const page = await searchWindowQuery(db, { ...options, q });
  return page.length === options.limit ? page : searchIndexQuery(db, { ...options, q });
}

/**
 * One page of the owner's live todos. A search whose matches are common finds its page in the
 * first SEARCH_WINDOW rows of the list (step one); one whose matches are rare reads them through
 * the trigram index (step two), so it never walks the owner's whole list for nothing, whatever
 * the planner guesses from q. A q with no trigram is one statement, as the plain list.
 *
 * The dueAt sort after a dated position reads the dated todos after it, and, when they run out
 * before the page is full, the undated ones from the start: each part a range of
 * todos_user_live_due_idx, so the walk crosses from dated to undated exactly once.
 */
export async function listTodos(db: Database, options: ListOptions): Promise<TodoRecord[]> {
  const page = await listPart(db, options);
  const dated = options.sort === "dueAt" && options.after && options.after.at !== null;
  if (!dated || page.length >= options.limit) return page;
  const tail = await listPart(db, {
    ...options,
    after: undefined,
    undated: true,
    limit: options.limit - page.length,
  });
  return [...page, ...tail];
}

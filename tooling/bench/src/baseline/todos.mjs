import { createHash, randomFillSync } from "node:crypto";

// The SQL the API sends for each request the bench makes, byte for byte as drizzle renders it
// (captured from the Node host with log_statement = 'all'), with the API's statement names: the
// named ones are parsed and planned once per connection, as the API's (src/db/prepared.ts), and
// the search's are unnamed, as the API's. Each statement names the API file it mirrors;
// test/integration/baseline-parity.test.ts fails when the two part.

// The todos table's columns (packages/db/src/schema/todos.ts), in its order.
const TODO_COLUMNS = `"id", "user_id", "title", "description", "completed", "completed_at", "due_at", "priority", "project_id", "created_at", "updated_at", "deleted_at", "version"`;

/** queries/columns.ts labelIdsOf: the ids of the labels of the todo read from `source`. */
const labelIdsOf = (/** @type {string} */ source) =>
  `array(select link.label_id::text from "todo_labels" as link where link.todo_id = "${source}"."id") as "label_ids"`;

/** queries/columns.ts todoColumns: what every todo read selects and every write returns. */
const RECORD = `${TODO_COLUMNS}, ${labelIdsOf("todos")}`;

/** The default sort (`-createdAt`, ties by id) on `source`. */
const newestFirst = (/** @type {string} */ source) =>
  `"${source}"."created_at" desc, "${source}"."id" desc`;

/** queries/list-todos.ts SEARCH_WINDOW. */
const SEARCH_WINDOW = 1000;

/** The API's stored priority (1–4) by name: @repo/contracts PRIORITIES. */
const PRIORITIES = ["low", "normal", "high", "urgent"];

/**
 * A statement as pg takes it; without a name, unnamed (parsed on every run).
 * @typedef {{ name?: string; text: string; values: unknown[] }} Statement
 */

/**
 * @typedef {object} TodoRow
 * @property {string} id
 * @property {string} user_id
 * @property {string} title
 * @property {string | null} description
 * @property {boolean} completed
 * @property {Date | null} completed_at
 * @property {Date | null} due_at
 * @property {number} priority
 * @property {string | null} project_id
 * @property {Date} created_at
 * @property {Date} updated_at
 * @property {number} version
 * @property {string[]} label_ids
 */

/**
 * What a list reads by: the owner, the rows wanted (the page and one more), an optional `q` and
 * the cursor's position.
 * @typedef {{ userId: string; limit: number; q?: string | undefined; after?: { at: string; id: string } | undefined }} ListOptions
 */

/** Numbers parameters in the order they appear in the text, as drizzle does. */
function parameters() {
  /** @type {unknown[]} */
  const values = [];
  const $ = (/** @type {unknown} */ value) => {
    values.push(value);
    return `$${values.length}`;
  };
  return { values, $ };
}

/**
 * list-todos.ts scope(): the owner's live todos, after the cursor's position.
 * @param {(value: unknown) => string} $
 * @param {ListOptions} options
 */
function scope($, { userId, after }) {
  const where = [`"todos"."user_id" = ${$(userId)}`, `"todos"."deleted_at" is null`];
  if (after)
    where.push(
      `("todos"."created_at", "todos"."id") < (${$(after.at)}::timestamptz, ${$(after.id)}::uuid)`,
    );
  return where;
}

/** list-todos.ts filters() for `q`: `%`, `_` and `\` match themselves. */
const titleLike = (/** @type {string} */ q) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** list-todos.ts hasTrigram: a q pg_trgm can look up. */
const hasTrigram = (/** @type {string} */ q) => /[a-z0-9]{3}/i.test(q);

/**
 * list-todos.ts listTodosQuery: the list in one statement. Without q it is the API's prepared
 * plainList statement (todos_list_<sort>_<filters>_<start>); with a q that has no trigram, unnamed.
 * @param {ListOptions} options
 * @returns {Statement}
 */
export function listStatement(options) {
  const { values, $ } = parameters();
  const where = scope($, options);
  if (options.q !== undefined) where.push(`"todos"."title" ilike ${$(titleLike(options.q))}`);
  const text = `select ${RECORD} from "todos" where (${where.join(" and ")}) order by ${newestFirst("todos")} limit ${$(options.limit)}`;
  if (options.q !== undefined) return { text, values };
  return { name: `todos_list_desc_createdAt_all_${options.after ? "a" : "f"}`, text, values };
}

/**
 * list-todos.ts searchWindowQuery: the page among the next SEARCH_WINDOW rows of the list.
 * @param {ListOptions & { q: string }} options
 * @returns {Statement}
 */
export function searchWindowStatement(options) {
  const { values, $ } = parameters();
  const where = scope($, options);
  const head = `select ${TODO_COLUMNS} from "todos" where (${where.join(" and ")}) order by ${newestFirst("todos")} limit ${$(SEARCH_WINDOW)}`;
  return {
    text: `select ${TODO_COLUMNS}, ${labelIdsOf("head")} from (${head}) "head" where "head"."title" ilike ${$(titleLike(options.q))} order by ${newestFirst("head")} limit ${$(options.limit)}`,
    values,
  };
}

/**
 * list-todos.ts searchIndexQuery: every match through the trigram index, then sorted.
 * @param {ListOptions & { q: string }} options
 * @returns {Statement}
 */
export function searchIndexStatement(options) {
  const { values, $ } = parameters();
  const where = [...scope($, options), `"todos"."title" ilike ${$(titleLike(options.q))}`];
  const matches = `select ${TODO_COLUMNS} from "todos" where (${where.join(" and ")}) offset 0`;
  return {
    text: `select ${TODO_COLUMNS}, ${labelIdsOf("matches")} from (${matches}) "matches" order by ${newestFirst("matches")} limit ${$(options.limit)}`,
    values,
  };
}

/**
 * The rows of a page (`options.limit` is the page and one more), as list-todos.ts listPart reads
 * them: the prepared list without q; with a q, the search's window and, when the window does not
 * fill the page, the trigram index; a q with no trigram in one statement.
 * @param {import("./app.mjs").Queryable} db
 * @param {ListOptions} options
 * @returns {Promise<TodoRow[]>}
 */
export async function listRows(db, options) {
  const { q } = options;
  if (q === undefined || !hasTrigram(q)) return (await db.query(listStatement(options))).rows;
  const window = await db.query(searchWindowStatement({ ...options, q }));
  if (window.rows.length === options.limit) return window.rows;
  return (await db.query(searchIndexStatement({ ...options, q }))).rows;
}

/**
 * me/queries/user-exists.ts: asked when a list page is empty (pagination/page.ts).
 * @param {string} userId
 * @returns {Statement}
 */
export const userExistsStatement = (userId) => ({
  name: "user_exists",
  text: `select 1 from "user" where "user"."id" = $1`,
  values: [userId],
});

/**
 * get-todo-for-user.ts
 * @param {string} userId
 * @param {string} id
 * @returns {Statement}
 */
export const getStatement = (userId, id) => ({
  name: "todos_get_for_user",
  text: `select ${RECORD} from "todos" where ("todos"."id" = $1 and "todos"."user_id" = $2 and "todos"."deleted_at" is null)`,
  values: [id, userId],
});

/**
 * create-todo.ts with live-todo-slot.ts: the owner's live count goes up (if under `limit`) and
 * the row goes in, or neither (no row: the API's 409). No due date, the default priority
 * (normal, 2), no project: what a body of title, description and completed creates. The id is
 * a UUIDv7 made by the process, as the API's.
 * @param {string} userId
 * @param {{ title: string; description: string | null; completed: boolean }} input
 * @param {number} limit TODO_LIMIT_PER_USER
 * @returns {Statement}
 */
export const createStatement = (userId, input, limit) => ({
  name: "todos_create_within_limit",
  text: `with "slot" as (insert into "todo_counts" ("user_id", "live") values ($1, $2)
  on conflict ("user_id") do update set "live" = "todo_counts"."live" + $3
  where "todo_counts"."live" < $4
  returning "user_id") insert into "todos" (${TODO_COLUMNS}) select $5::uuid, $6::text, $7::varchar, $8::text, $9::boolean, case when $10::boolean then now() end, $11::timestamptz, $12::smallint, $13::uuid, now(), now(), null, $14::int from "slot" returning ${RECORD}`,
  values: [
    userId,
    1,
    1,
    limit,
    uuidv7(),
    userId,
    input.title,
    input.description,
    input.completed,
    input.completed,
    null,
    2,
    null,
    1,
  ],
});

/** The fields a create or patch may set here, in the table's column order (drizzle sets them so). */
export const WRITABLE = ["title", "description", "completed"];

/**
 * update-todo-for-user.ts without If-Match: the fields sent, completedAt following completed,
 * updated_at = now(), version + 1. One prepared statement per set of fields, as the API's.
 * @param {string} userId
 * @param {string} id
 * @param {Record<string, unknown>} changes only keys of WRITABLE
 * @returns {Statement}
 */
export function patchStatement(userId, id, changes) {
  const fields = WRITABLE.filter((field) => changes[field] !== undefined);
  const { values, $ } = parameters();
  const sets = fields.map((field) => `"${field}" = ${$(changes[field])}`);
  if (fields.includes("completed"))
    sets.push(
      `"completed_at" = case when ${$(changes.completed)}::boolean then coalesce("todos"."completed_at", now()) end`,
    );
  const where = `"todos"."id" = ${$(id)} and "todos"."user_id" = ${$(userId)} and "todos"."deleted_at" is null`;
  return {
    name: `todos_update_${fields.join("_")}_any`,
    text: `update "todos" set ${sets.join(", ")}, "updated_at" = now(), "version" = "todos"."version" + 1 where (${where}) returning ${RECORD}`,
    values,
  };
}

/**
 * The API's JSON of a todo (todos/serialize.ts, resources/serialize.ts), in its key order.
 * @param {TodoRow} row
 */
export const toTodo = (row) => ({
  id: row.id,
  userId: row.user_id,
  title: row.title,
  description: row.description,
  completed: row.completed,
  completedAt: row.completed_at?.toISOString() ?? null,
  dueAt: row.due_at?.toISOString() ?? null,
  priority: PRIORITIES[row.priority - 1],
  projectId: row.project_id,
  labelIds: [...row.label_ids].sort(),
  createdAt: row.created_at.toISOString(),
  updatedAt: row.updated_at.toISOString(),
  version: row.version,
});

const pool = Buffer.alloc(16 * 256);
let poolOffset = pool.length;

/** A UUIDv7 (RFC 9562): 48 bits of Unix milliseconds, version 7, variant 10, random bits. */
export function uuidv7() {
  if (poolOffset === pool.length) {
    randomFillSync(pool);
    poolOffset = 0;
  }
  const bytes = pool.subarray(poolOffset, poolOffset + 16);
  poolOffset += 16;
  bytes.writeUIntBE(Date.now(), 0, 6);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x70;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

// The API's cursor (apps/api/src/pagination/cursor.ts, scope from src/todos/list-scope.ts
// todoCursorScope) for the default sort with no filter but q: the same bytes and checksum, so a
// cursor from either host continues the list on the other. The scope's members after q:
// projectId ("absent"), labelIds, dueAfter, dueBefore, overdue, priority.
/** @param {string} userId @param {string | undefined} q @param {string} at @param {string} id */
const checksum = (userId, q, at, id) =>
  createHash("sha256")
    .update(
      JSON.stringify([
        userId,
        "-createdAt",
        null,
        q ?? null,
        "absent",
        null,
        null,
        null,
        null,
        null,
      ]),
    )
    .update(JSON.stringify([at, id]))
    .digest("base64url")
    .slice(0, 22);

/** @param {string} userId @param {string | undefined} q @param {TodoRow} last */
export function encodeCursor(userId, q, last) {
  const at = last.created_at.toISOString();
  return cursorOf(userId, q, at, last.id);
}

/** @param {string} userId @param {string | undefined} q @param {string} at @param {string} id */
const cursorOf = (userId, q, at, id) =>
  Buffer.from(JSON.stringify({ p: [at, id], c: checksum(userId, q, at, id) })).toString(
    "base64url",
  );

const ISO_MS = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The position, or undefined for a cursor that is not valid for this list: as cursor.ts
 * decodeCursor, a real timestamp and a UUID, and exactly the bytes encodeCursor makes.
 * @param {string} userId @param {string | undefined} q @param {string} cursor
 */
export function decodeCursor(userId, q, cursor) {
  try {
    const { p } = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (!Array.isArray(p) || p.length !== 2) return undefined;
    const [at, id] = p;
    if (typeof at !== "string" || !ISO_MS.test(at) || typeof id !== "string" || !UUID.test(id))
      return undefined;
    const date = new Date(at);
    if (Number.isNaN(date.getTime()) || date.toISOString() !== at) return undefined;
    return cursorOf(userId, q, at, id) === cursor ? { at, id } : undefined;
  } catch {
    return undefined;
  }
}

import { createHash, randomFillSync } from "node:crypto";

// The SQL the API sends (apps/api/src/todos/queries/*, as drizzle renders it), as named
// prepared statements, parsed and planned once per connection, as the API prepares its get,
// create and update (queries/prepared.ts). The default list, with one shape, is prepared here
// too: this server is the ceiling of the stack.
const COLUMNS = `"id", "user_id", "title", "description", "completed", "created_at", "updated_at", "deleted_at", "version"`;
const OWN_LIVE = `"todos"."id" = $1 and "todos"."user_id" = $2 and "todos"."deleted_at" is null`;

/** @typedef {{ name: string; text: string; values: unknown[] }} Statement */

/**
 * @typedef {object} TodoRow
 * @property {string} id
 * @property {string} user_id
 * @property {string} title
 * @property {string | null} description
 * @property {boolean} completed
 * @property {Date} created_at
 * @property {Date} updated_at
 * @property {number} version
 */

/**
 * The default list (`-createdAt`, ties by id), optionally filtered by `q` and continued after
 * a cursor position: list-todos.ts.
 * @param {{ userId: string; limit: number; q?: string | undefined; after?: { at: string; id: string } | undefined }} options
 * @returns {Statement}
 */
export function listStatement({ userId, limit, q, after }) {
  /** @type {unknown[]} */
  const values = [userId];
  const filters = [`"todos"."user_id" = $1`, `"todos"."deleted_at" is null`];
  if (q !== undefined) {
    values.push(`%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    filters.push(`"todos"."title" ilike $${values.length}`);
  }
  if (after) {
    values.push(after.at, after.id);
    filters.push(
      `("todos"."created_at", "todos"."id") < ($${values.length - 1}::timestamptz, $${values.length}::uuid)`,
    );
  }
  values.push(limit);
  return {
    name: `bench-list${q === undefined ? "" : "-q"}${after ? "-after" : ""}`,
    text: `select ${COLUMNS} from "todos" where (${filters.join(" and ")}) order by "todos"."created_at" desc, "todos"."id" desc limit $${values.length}`,
    values,
  };
}

/** get-todo-for-user.ts @param {string} userId @param {string} id @returns {Statement} */
export const getStatement = (userId, id) => ({
  name: "bench-get",
  text: `select ${COLUMNS} from "todos" where (${OWN_LIVE})`,
  values: [id, userId],
});

/**
 * create-todo.ts: the id is a UUIDv7 made by the process, as drizzle's $defaultFn does.
 * @param {string} userId
 * @param {{ title: string; description: string | null; completed: boolean }} input
 * @returns {Statement}
 */
export const createStatement = (userId, input) => ({
  name: "bench-create",
  text: `insert into "todos" (${COLUMNS}) values ($1, $2, $3, $4, $5, default, default, default, default) returning ${COLUMNS}`,
  values: [uuidv7(), userId, input.title, input.description, input.completed],
});

const PATCHABLE = ["title", "description", "completed"];

/**
 * update-todo-for-user.ts without If-Match: the fields sent, version + 1, updated_at = now().
 * @param {string} userId
 * @param {string} id
 * @param {Record<string, unknown>} changes only keys of PATCHABLE
 * @returns {Statement}
 */
export function patchStatement(userId, id, changes) {
  const fields = PATCHABLE.filter((field) => field in changes);
  const sets = fields.map((field, i) => `"${field}" = $${i + 3}`);
  return {
    name: `bench-patch-${fields.join("-")}`,
    text: `update "todos" set ${sets.join(", ")}, "version" = "todos"."version" + 1, "updated_at" = now() where (${OWN_LIVE}) returning ${COLUMNS}`,
    values: [id, userId, ...fields.map((field) => changes[field])],
  };
}

/** The API's JSON of a todo (serialize.ts). @param {TodoRow} row */
export const toTodo = (row) => ({
  id: row.id,
  userId: row.user_id,
  title: row.title,
  description: row.description,
  completed: row.completed,
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

// The API's cursor (apps/api/src/pagination/cursor.ts, scope from src/todos/list-scope.ts) for
// the default sort with no filter but q: the same bytes and checksum, so a cursor from either
// host continues the list on the other. The scope's members after q: projectId ("absent"),
// labelIds, dueAfter, dueBefore, overdue, priority.
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
  const payload = JSON.stringify({ p: [at, last.id], c: checksum(userId, q, at, last.id) });
  return Buffer.from(payload).toString("base64url");
}

/**
 * The position, or undefined for a cursor that is not valid for this list.
 * @param {string} userId @param {string | undefined} q @param {string} cursor
 */
export function decodeCursor(userId, q, cursor) {
  try {
    const { p, c } = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    const [at, id] = p;
    if (typeof at !== "string" || typeof id !== "string") return undefined;
    return c === checksum(userId, q, at, id) ? { at, id } : undefined;
  } catch {
    return undefined;
  }
}

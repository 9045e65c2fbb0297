import { randomUUID } from "node:crypto";
import http from "node:http";
import {
  createStatement,
  decodeCursor,
  encodeCursor,
  getStatement,
  listRows,
  patchStatement,
  toTodo,
  userExistsStatement,
  WRITABLE,
} from "./todos.mjs";

const MAX_BODY_BYTES = 64 * 1024;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ITEM_PATH = /^\/api\/v1\/todos\/([^/]+)$/;

/**
 * What runs the SQL: a pg Pool, or anything that answers its `query` as one does. Rows are
 * `any`, as pg types them: each statement's caller knows its columns.
 * @typedef {{ query(statement: string | import("./todos.mjs").Statement): Promise<{ rows: any[] }> }} Queryable
 */

/**
 * @typedef {object} BaselineDeps
 * @property {Queryable} db
 * @property {(token: string) => Promise<string>} verify The token check (auth.mjs): the user id, or a rejection.
 * @property {(userId: string) => Promise<boolean>} limit Whether the user is within the rate limit.
 * @property {(line: string) => void} log Takes each request's JSON log line.
 * @property {number} todoLimit The most live todos a user may have (the API's TODO_LIMIT_PER_USER).
 */

/** A request's answer. @typedef {{ status: number; body?: unknown; headers?: Record<string, string> }} Reply */

class HttpError extends Error {
  /** @param {number} status @param {string} message */
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

/**
 * The baseline's request handler, for node:http (server.mjs wires it to the environment): the
 * database, the token check, the limiter and the log come in, so it can also run in-process on
 * a database of its own, with every statement it sends in sight.
 *
 * @param {BaselineDeps} deps
 * @returns {(req: http.IncomingMessage, res: http.ServerResponse) => Promise<void>}
 */
export const createBaseline = (deps) => async (req, res) => {
  const started = performance.now();
  const requestId = randomUUID();
  const url = new URL(req.url ?? "/", "http://baseline");
  /** @type {{ route: string; userId?: string }} */
  const seen = { route: url.pathname };
  /** @type {Reply} */
  let reply;
  try {
    reply = await route(deps, req, url, seen);
  } catch (error) {
    const status = error instanceof HttpError ? error.status : 500;
    reply = { status, body: { status, title: error instanceof Error ? error.message : "error" } };
  }
  const body = reply.body === undefined ? "" : JSON.stringify(reply.body);
  res.writeHead(reply.status, {
    "Content-Type": "application/json",
    "Content-Length": Buffer.byteLength(body),
    "X-Request-Id": requestId,
    ...reply.headers,
  });
  res.end(body);
  deps.log(
    `${JSON.stringify({
      level: "info",
      time: new Date().toISOString(),
      requestId,
      method: req.method,
      route: seen.route,
      status: reply.status,
      durationMs: Math.round((performance.now() - started) * 100) / 100,
      userId: seen.userId,
    })}\n`,
  );
};

/**
 * @param {BaselineDeps} deps
 * @param {http.IncomingMessage} req
 * @param {URL} url
 * @param {{ route: string; userId?: string }} seen
 * @returns {Promise<Reply>}
 */
async function route({ db, verify, limit, todoLimit }, req, url, seen) {
  const path = url.pathname;
  if (path === "/api/health/ready" && req.method === "GET") {
    await db.query("select 1");
    return { status: 200, body: { status: "ok", checks: { database: "ok" } } };
  }
  const item = ITEM_PATH.exec(path);
  if (path !== "/api/v1/todos" && !item) throw new HttpError(404, "No such route.");
  seen.route = item ? "/api/v1/todos/{id}" : "/api/v1/todos";

  const userId = await authenticate(verify, req);
  seen.userId = userId;
  if (!(await limit(userId))) throw new HttpError(429, "Too many requests.");

  if (!item) {
    if (req.method === "GET") return list(db, userId, url.searchParams);
    if (req.method === "POST") return create(db, userId, await readJson(req), todoLimit);
    throw new HttpError(405, "Method not allowed.");
  }
  const id = decodeURIComponent(item[1] ?? "");
  if (!UUID.test(id)) throw new HttpError(404, "No such todo.");
  if (req.method === "GET") return one(await db.query(getStatement(userId, id)));
  if (req.method === "PATCH")
    return one(await db.query(patchStatement(userId, id, patchOf(await readJson(req)))));
  throw new HttpError(405, "Method not allowed.");
}

/** @param {BaselineDeps["verify"]} verify @param {http.IncomingMessage} req */
async function authenticate(verify, req) {
  const header = req.headers.authorization ?? "";
  if (!header.startsWith("Bearer ")) throw new HttpError(401, "A bearer token is required.");
  try {
    return await verify(header.slice("Bearer ".length).trim());
  } catch {
    throw new HttpError(401, "The bearer token is invalid or expired.");
  }
}

/** @param {Queryable} db @param {string} userId @param {URLSearchParams} query @returns {Promise<Reply>} */
async function list(db, userId, query) {
  const limit = Number(query.get("limit") ?? 20);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100)
    throw new HttpError(422, "limit must be 1 to 100");
  const q = query.get("q") ?? undefined;
  const cursor = query.get("cursor");
  const after = cursor === null ? undefined : decodeCursor(userId, q, cursor);
  if (cursor !== null && !after) throw new HttpError(422, "cursor is not valid for this list");

  const rows = await listRows(db, { userId, limit: limit + 1, q, after });
  const page = rows.slice(0, limit);
  // An empty page of a deleted account is a 401 (pagination/page.ts, me/account-gone.ts).
  if (page.length === 0 && (await db.query(userExistsStatement(userId))).rows.length === 0)
    throw new HttpError(401, "The token's user no longer exists.");
  const last = page.at(-1);
  const nextCursor = rows.length > limit && last ? encodeCursor(userId, q, last) : null;
  /** @type {Record<string, string>} */
  const headers = {};
  if (nextCursor) {
    const next = new URLSearchParams(query);
    next.set("cursor", nextCursor);
    if (query.has("limit")) next.set("limit", String(limit));
    headers.Link = `</api/v1/todos?${next}>; rel="next"`;
  }
  return { status: 200, body: { data: page.map(toTodo), nextCursor }, headers };
}

/**
 * @param {Queryable} db @param {string} userId @param {Record<string, unknown>} body
 * @param {number} todoLimit
 * @returns {Promise<Reply>}
 */
async function create(db, userId, body, todoLimit) {
  if (Object.keys(body).some((key) => !WRITABLE.includes(key)))
    throw new HttpError(422, `the baseline creates from ${WRITABLE.join(", ")} only`);
  const { title, description = null, completed = false } = body;
  if (typeof title !== "string" || title.trim() === "" || [...title].length > 255)
    throw new HttpError(422, "title must be 1 to 255 characters");
  if (description !== null && typeof description !== "string")
    throw new HttpError(422, "description must be a string or null");
  if (typeof completed !== "boolean") throw new HttpError(422, "completed must be a boolean");
  const { rows } = await db.query(
    createStatement(userId, { title, description, completed }, todoLimit),
  );
  const row = rows[0];
  if (!row) throw new HttpError(409, `You already have ${todoLimit} live todos.`);
  return {
    status: 201,
    body: toTodo(row),
    headers: { Location: `/api/v1/todos/${row.id}`, ETag: `"${row.version}"` },
  };
}

/** @param {Record<string, unknown>} body */
function patchOf(body) {
  const keys = Object.keys(body);
  if (keys.length === 0 || keys.some((key) => !WRITABLE.includes(key)))
    throw new HttpError(422, `send at least one of ${WRITABLE.join(", ")}, nothing else`);
  if ("completed" in body && typeof body.completed !== "boolean")
    throw new HttpError(422, "completed must be a boolean");
  if ("title" in body && typeof body.title !== "string")
    throw new HttpError(422, "title must be a string");
  return body;
}

/** @param {{ rows: any[] }} result @returns {Reply} */
function one({ rows }) {
  const row = rows[0];
  if (!row) throw new HttpError(404, "No such todo.");
  return { status: 200, body: toTodo(row), headers: { ETag: `"${row.version}"` } };
}

/** @param {http.IncomingMessage} req @returns {Promise<Record<string, unknown>>} */
async function readJson(req) {
  if (!req.headers["content-type"]?.startsWith("application/json"))
    throw new HttpError(415, "The body must be application/json.");
  /** @type {Buffer[]} */
  const chunks = [];
  let size = 0;
  for await (const chunk of req) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, "The body is too large.");
    chunks.push(chunk);
  }
  let value;
  try {
    value = JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    throw new HttpError(400, "The body is not valid JSON.");
  }
  if (typeof value !== "object" || value === null || Array.isArray(value))
    throw new HttpError(400, "The body must be a JSON object.");
  return value;
}

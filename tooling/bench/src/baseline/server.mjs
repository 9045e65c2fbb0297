// The baseline of `pnpm bench`: the least a Node server can do to answer the four benchmarked
// operations the way the API does, so the API's numbers have a ceiling to be read against.
//
// Plain JavaScript on purpose: `node server.mjs` runs it as written. Run through tsx, the
// process would carry a module loader and an esbuild child (~30 MB), which the hosts it is
// compared with do not.
//
// It does the same work per request as the API: verifies the same token (same algorithm,
// issuer, audience, keys fetched or imported once, verified tokens remembered as the API
// remembers them), counts the request in Redis in one round trip (an EVALSHA of INCR + PEXPIRE:
// a fixed window, where the API's @upstash/ratelimit runs a sliding window, also one EVALSHA),
// runs the same SQL on a pg Pool of the API's size (10), and writes one JSON log line per
// request to stdout, as the API's pino logger does. A limiter and a log line are kept, not
// skipped, because both are work every API request pays for (a network round trip and a
// write); without them the ratio would charge them to the framework.
//
// What it skips: input validation beyond the types it needs (zod in the API), the problem+json
// bodies of errors (the bench sends none), CORS, the security and rate-limit headers, ETag
// preconditions (If-Match / If-None-Match), Idempotency-Key, and explaining a 404 (the API runs
// a second query for that; the bench never asks for a missing todo). Nothing is cached beyond
// what the API caches (the JWKS and verified tokens): no rows, no responses.
import { randomUUID } from "node:crypto";
import http from "node:http";
import pg from "pg";
import { createTokenCheck } from "./auth.mjs";
import { connectRedis } from "./redis.mjs";
import {
  createStatement,
  decodeCursor,
  encodeCursor,
  getStatement,
  listStatement,
  patchStatement,
  toTodo,
} from "./todos.mjs";

const env = process.env;
const MAX_BODY_BYTES = 64 * 1024;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ITEM_PATH = /^\/api\/v1\/todos\/([^/]+)$/;

const db = new pg.Pool({
  connectionString: env.DATABASE_URL,
  max: 10,
  connectionTimeoutMillis: 5_000,
});
db.on("error", () => {});
const verify = await createTokenCheck(env);
const limit = await createLimiter(env.REDIS_URL, env.RATE_LIMIT_USER ?? "120/60");

/** A request's answer. @typedef {{ status: number; body?: unknown; headers?: Record<string, string> }} Reply */

class HttpError extends Error {
  /** @param {number} status @param {string} message */
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

const server = http.createServer(async (req, res) => {
  const started = performance.now();
  const requestId = randomUUID();
  const url = new URL(req.url ?? "/", "http://baseline");
  /** @type {{ route: string; userId?: string }} */
  const seen = { route: url.pathname };
  /** @type {Reply} */
  let reply;
  try {
    reply = await route(req, url, seen);
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
  process.stdout.write(
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
});

/**
 * @param {http.IncomingMessage} req
 * @param {URL} url
 * @param {{ route: string; userId?: string }} seen
 * @returns {Promise<Reply>}
 */
async function route(req, url, seen) {
  const path = url.pathname;
  if (path === "/api/health/ready" && req.method === "GET") {
    await db.query("select 1");
    return { status: 200, body: { status: "ok", checks: { database: "ok" } } };
  }
  const item = ITEM_PATH.exec(path);
  if (path !== "/api/v1/todos" && !item) throw new HttpError(404, "No such route.");
  seen.route = item ? "/api/v1/todos/{id}" : "/api/v1/todos";

  const userId = await authenticate(req);
  seen.userId = userId;
  if (!(await limit(userId))) throw new HttpError(429, "Too many requests.");

  if (!item) {
    if (req.method === "GET") return list(userId, url.searchParams);
    if (req.method === "POST") return create(userId, await readJson(req));
    throw new HttpError(405, "Method not allowed.");
  }
  const id = decodeURIComponent(item[1] ?? "");
  if (!UUID.test(id)) throw new HttpError(404, "No such todo.");
  if (req.method === "GET") return one(await db.query(getStatement(userId, id)));
  if (req.method === "PATCH")
    return one(await db.query(patchStatement(userId, id, patchOf(await readJson(req)))));
  throw new HttpError(405, "Method not allowed.");
}

/** @param {http.IncomingMessage} req */
async function authenticate(req) {
  const header = req.headers.authorization ?? "";
  if (!header.startsWith("Bearer ")) throw new HttpError(401, "A bearer token is required.");
  try {
    return await verify(header.slice("Bearer ".length).trim());
  } catch {
    throw new HttpError(401, "The bearer token is invalid or expired.");
  }
}

/** @param {string} userId @param {URLSearchParams} query @returns {Promise<Reply>} */
async function list(userId, query) {
  const limit = Number(query.get("limit") ?? 20);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100)
    throw new HttpError(422, "limit must be 1 to 100");
  const q = query.get("q") ?? undefined;
  const cursor = query.get("cursor");
  const after = cursor === null ? undefined : decodeCursor(userId, q, cursor);
  if (cursor !== null && !after) throw new HttpError(422, "cursor is not valid for this list");

  const { rows } = await db.query(listStatement({ userId, limit: limit + 1, q, after }));
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const nextCursor = rows.length > limit && last ? encodeCursor(userId, q, last) : null;
  /** @type {Record<string, string>} */
  const headers = {};
  if (nextCursor) {
    const next = new URLSearchParams(query);
    next.set("cursor", nextCursor);
    headers.Link = `</api/v1/todos?${next}>; rel="next"`;
  }
  return { status: 200, body: { data: page.map(toTodo), nextCursor }, headers };
}

/** @param {string} userId @param {Record<string, unknown>} body @returns {Promise<Reply>} */
async function create(userId, body) {
  const { title, description = null, completed = false } = body;
  if (typeof title !== "string" || title.trim() === "" || [...title].length > 255)
    throw new HttpError(422, "title must be 1 to 255 characters");
  if (description !== null && typeof description !== "string")
    throw new HttpError(422, "description must be a string or null");
  if (typeof completed !== "boolean") throw new HttpError(422, "completed must be a boolean");
  const { rows } = await db.query(createStatement(userId, { title, description, completed }));
  const row = rows[0];
  return {
    status: 201,
    body: toTodo(row),
    headers: { Location: `/api/v1/todos/${row.id}`, ETag: `"${row.version}"` },
  };
}

/** @param {Record<string, unknown>} body */
function patchOf(body) {
  const keys = Object.keys(body);
  if (keys.length === 0 || keys.some((key) => !["title", "description", "completed"].includes(key)))
    throw new HttpError(422, "send at least one of title, description, completed");
  if ("completed" in body && typeof body.completed !== "boolean")
    throw new HttpError(422, "completed must be a boolean");
  if ("title" in body && typeof body.title !== "string")
    throw new HttpError(422, "title must be a string");
  return body;
}

/** @param {pg.QueryResult} result @returns {Reply} */
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

/**
 * A fixed-window count per user in Redis, one EVALSHA per request; fails open like the API.
 * Without REDIS_URL (a smoke run on a machine without Redis) nothing is counted.
 * @param {string | undefined} redisUrl
 * @param {string} rate requests/seconds
 * @returns {Promise<(userId: string) => Promise<boolean>>}
 */
async function createLimiter(redisUrl, rate) {
  if (!redisUrl) return async () => true;
  const [requests = 120, seconds = 60] = rate.split("/").map(Number);
  const windowMs = seconds * 1000;
  const redis = await connectRedis(redisUrl);
  const script = `local n = redis.call('INCR', KEYS[1]) if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end return n`;
  const sha = String(await redis.command("SCRIPT", "LOAD", script));
  return async (userId) => {
    const window = Math.floor(Date.now() / windowMs);
    try {
      const count = await redis.command(
        "EVALSHA",
        sha,
        "1",
        `bench:rl:user:${userId}:${window}`,
        String(windowMs),
      );
      return Number(count) <= requests;
    } catch {
      return true;
    }
  };
}

server.keepAliveTimeout = 5_000;
server.listen(Number(env.PORT ?? 3002), "127.0.0.1");

const shutdown = () => {
  server.close(() => void db.end().finally(() => process.exit(0)));
  server.closeIdleConnections();
};
process.once("SIGTERM", shutdown);
process.once("SIGINT", shutdown);

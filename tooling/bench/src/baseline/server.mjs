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
// sends the same statements as the API on a pg Pool of the API's size (10): the same text and
// names (todos.mjs; test/integration/baseline-parity.test.ts compares them with what the API
// sends, and the JSON it answers), so a create takes its place in the owner's live count and a
// read fetches every column and the labels, and writes one JSON log line per request to stdout,
// as the API's pino logger does. A limiter and a log line are kept, not skipped, because both
// are work every API request pays for (a network round trip and a write); without them the
// ratio would charge them to the framework.
//
// What it skips: input validation beyond the types it needs (zod in the API), the fields the
// bench never sends (due dates, priorities, projects and labels on writes: the API checks and
// locks those in a transaction), the filters and sorts other than q, the problem+json bodies
// of errors (the bench sends none), CORS, the security and rate-limit headers, ETag
// preconditions (If-Match / If-None-Match), Idempotency-Key, and explaining a 404 (the API runs
// a second query for that; the bench never asks for a missing todo). Nothing is cached beyond
// what the API caches (the JWKS and verified tokens): no rows, no responses.
import http from "node:http";
import pg from "pg";
import { createBaseline } from "./app.mjs";
import { createTokenCheck } from "./auth.mjs";
import { connectRedis } from "./redis.mjs";

const env = process.env;
const db = new pg.Pool({
  connectionString: env.DATABASE_URL,
  max: 10,
  connectionTimeoutMillis: 5_000,
});
db.on("error", () => {});
const verify = await createTokenCheck(env);
const limit = await createLimiter(env.REDIS_URL, env.RATE_LIMIT_USER ?? "120/60");
const log = (/** @type {string} */ line) => void process.stdout.write(line);
// The API's default cap (apps/api/src/env.ts DEFAULT_TODO_LIMIT_PER_USER) unless set for both.
const todoLimit = Number(env.TODO_LIMIT_PER_USER ?? 10_000);
const server = http.createServer(createBaseline({ db, verify, limit, log, todoLimit }));

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

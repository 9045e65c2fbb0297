import { setTimeout as delay } from "node:timers/promises";
import { sha1, withoutKeyLockingFlag } from "@repo/redis-scripts/lua-shebang";
import { Redis as IoRedis } from "ioredis";

/** The part of @upstash/redis's client that @upstash/ratelimit's single-region algorithms use. */
export interface ScriptClient {
  eval(script: string, keys: string[], args: unknown[]): Promise<unknown>;
  evalsha(sha: string, keys: string[], args: unknown[]): Promise<unknown>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface ScriptClientOptions {
  url: string;
  /** A command Redis has not answered within this fails (a hung connection, not a dropped one). */
  commandTimeoutMs: number;
}

/**
 * A plain Redis (REDIS_URL) dressed as the two methods @upstash/ratelimit calls: `evalsha`, and
 * `eval` after a NOSCRIPT (dist/index.mjs, `safeEval`; `limit()` and `getRemaining()` of the
 * sliding window call nothing else, and `addTelemetry` is optional).
 *
 * Client: ioredis 5, Redis Inc.'s maintained Node client: it reconnects on its own, has a
 * per-command timeout and an offline queue that can be turned off (what failing open needs),
 * and takes EVAL/EVALSHA with plain key and argument lists.
 *
 * The library's scripts carry a shebang flag stock Redis 7.0 rejects (see lua-shebang.ts), so
 * they are run without it. That changes their SHA: the library asks for the SHA of its original
 * text, so `eval` remembers which SHA the rewritten script has and `evalsha` translates. An
 * unknown SHA goes to Redis as is, whose NOSCRIPT sends the library to `eval`.
 */
export function createScriptClient({ url, commandTimeoutMs }: ScriptClientOptions): ScriptClient {
  const redis = new IoRedis(url, {
    commandTimeout: commandTimeoutMs,
    connectTimeout: 1_000,
    // While Redis is away a check fails at once (and is allowed) instead of waiting in a queue:
    // queued or in-flight checks would otherwise be sent when Redis returns, counting requests
    // that were served long before.
    enableOfflineQueue: false,
    autoResendUnfulfilledCommands: false,
    // Reconnect at least every second, so limiting resumes soon after Redis is back.
    retryStrategy: (attempt) => Math.min(attempt * 100, 1_000),
  });
  // ioredis reconnects by itself; meanwhile checks fail, and createStoreHealth logs that.
  redis.on("error", () => {});
  // Without the offline queue, checks made while the first connection is being set up wait
  // for it (at most one timeout) rather than fail; once it is up or has failed, nothing waits.
  let starting: Promise<void> | undefined = new Promise<void>((resolve) => {
    redis.once("ready", resolve);
    redis.once("error", resolve);
  }).then(() => {
    starting = undefined;
  });
  const connected = async () => {
    if (starting)
      await Promise.race([starting, delay(commandTimeoutMs, undefined, { ref: false })]);
  };
  const rewritten = new Map<string, string>();
  const argv = (args: unknown[]) => args.map((arg) => String(arg ?? ""));

  return {
    async eval(script, keys, args) {
      const runnable = withoutKeyLockingFlag(script);
      rewritten.set(sha1(script), sha1(runnable));
      await connected();
      // EVAL also caches the script in Redis, so the next EVALSHA finds it.
      return redis.eval(runnable, keys.length, ...keys, ...argv(args));
    },
    async evalsha(sha, keys, args) {
      await connected();
      return redis.evalsha(rewritten.get(sha) ?? sha, keys.length, ...keys, ...argv(args));
    },
    async ping() {
      await connected();
      await redis.ping();
    },
    async close() {
      // quit() waits for Redis to answer; when it is down, just drop the connection.
      if (redis.status === "ready") await redis.quit();
      else redis.disconnect();
    },
  };
}

import { once } from "node:events";
import { createServer, type Server, type Socket } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { startUpstashBridge, type UpstashBridge } from "@repo/upstash-bridge";
import { type RedisServer, startRedisServer } from "@repo/upstash-bridge/redis-server";
import { afterEach, describe, expect, it } from "vitest";
import {
  type ClosableRateLimiter,
  createRateLimiter,
  type RateLimitStore,
} from "../../../src/rate-limit/create-rate-limiter";
import type { PolicyName } from "../../../src/rate-limit/types";
import { captureLogs } from "../../support/capture-logs";
import { awayFromWindowEdge, logged, policies, uniquePrefix } from "./support";

const TOKEN = "test-bridge-token";
const UNAVAILABLE = "Rate-limit store unavailable";
const RESUMED = "limiting resumed";

// What each test started, stopped afterwards whatever happened.
const cleanup: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

async function setup(kind: "redis" | "upstash", store?: RateLimitStore) {
  let redis: RedisServer | undefined;
  if (!store) {
    redis = await startRedisServer();
    cleanup.push(() => (redis as RedisServer).stop());
    if (kind === "redis") store = { kind, url: redis.url };
    else {
      const bridge: UpstashBridge = await startUpstashBridge({ redisUrl: redis.url, token: TOKEN });
      cleanup.push(() => bridge.close());
      store = { kind, url: bridge.url, token: TOKEN };
    }
  }
  const logs = captureLogs();
  const limiter: ClosableRateLimiter = createRateLimiter({
    policies: policies("2/60"),
    store,
    logger: logs.logger,
    prefix: uniquePrefix(),
    timeoutMs: 500,
  });
  cleanup.push(() => limiter.close());
  const timed = async (policy: PolicyName, key: string) => {
    const started = performance.now();
    const result = await limiter.check(policy, key);
    return { ...result, ms: performance.now() - started };
  };
  return { redis, limiter, logs, timed };
}

/** A TCP server that accepts connections and never answers: a store that hangs. */
async function silentServer(): Promise<string> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on("error", () => {});
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  cleanup.push(async () => {
    for (const socket of sockets) socket.destroy();
    server.close();
  });
  return `127.0.0.1:${(server.address() as { port: number }).port}`;
}

describe.each(["redis", "upstash"] as const)("a %s store that goes away", (kind) => {
  it("serves every request (fail open) within 1 s, warns once, and limits again when it is back", async () => {
    await awayFromWindowEdge(60);
    const { redis, logs, timed } = await setup(kind);
    if (!redis) throw new Error("no redis");
    expect((await timed("user", "alice")).remaining).toBe(1);
    expect((await timed("user", "alice")).remaining).toBe(0);
    expect((await timed("user", "alice")).allowed).toBe(false);

    await redis.kill();
    for (let i = 0; i < 5; i++) {
      const result = await timed("user", "alice");
      expect(result).toMatchObject({ allowed: true, remaining: 2, resetSeconds: 60 });
      expect(result.ms).toBeLessThan(1_000);
    }
    const warnings = logged(logs.lines, "warn", UNAVAILABLE);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ store: kind });

    // Back, empty (it persists nothing): counting starts over once it answers.
    await redis.restart();
    let first = await timed("user", "alice");
    for (let waited = 0; first.remaining === 2 && waited < 5_000; waited += 100) {
      await sleep(100);
      first = await timed("user", "alice");
    }
    expect(first).toMatchObject({ allowed: true, remaining: 1 });
    expect(await timed("user", "alice")).toMatchObject({ allowed: true, remaining: 0 });
    expect(await timed("user", "alice")).toMatchObject({ allowed: false, remaining: 0 });
    expect(logged(logs.lines, "info", RESUMED)).toHaveLength(1);
    expect(logged(logs.lines, "warn", UNAVAILABLE)).toHaveLength(1);
  });
});

describe("a store that never answers", () => {
  it.each([
    ["redis", (address: string): RateLimitStore => ({ kind: "redis", url: `redis://${address}` })],
    [
      "upstash",
      (address: string): RateLimitStore => ({
        kind: "upstash",
        url: `http://${address}`,
        token: TOKEN,
      }),
    ],
  ])("%s: the check is allowed after the 500 ms timeout", async (_, store) => {
    const { logs, timed } = await setup("redis", store(await silentServer()));
    const result = await timed("ip", "203.0.113.9");
    expect(result).toMatchObject({ allowed: true, remaining: 30, resetSeconds: 60 });
    expect(result.ms).toBeGreaterThanOrEqual(450);
    expect(result.ms).toBeLessThan(1_000);
    expect(logged(logs.lines, "warn", UNAVAILABLE)).toHaveLength(1);
  });
});

import { startUpstashBridge, type UpstashBridge } from "@repo/upstash-bridge";
import { type RedisServer, startRedisServer } from "@repo/upstash-bridge/redis-server";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../../src/env";
import {
  type ClosableRateLimiter,
  createRateLimiter,
} from "../../../src/rate-limit/create-rate-limiter";
import { captureLogs } from "../../support/capture-logs";
import { awayFromWindowEdge, logged, uniquePrefix } from "./support";

const TOKEN = "test-bridge-token";
const MEMORY_WARNING = "rate limits are kept in this process only";
let redis: RedisServer;
let bridge: UpstashBridge;
const open: ClosableRateLimiter[] = [];

beforeAll(async () => {
  redis = await startRedisServer();
  bridge = await startUpstashBridge({ redisUrl: redis.url, token: TOKEN });
});
afterEach(async () => {
  await Promise.all(open.splice(0).map((limiter) => limiter.close()));
});
afterAll(async () => {
  await bridge?.close();
  await redis?.stop();
});

/** Two limiters built from the same environment, as two API instances would be. */
function twoInstances(env: Record<string, string>) {
  const { rateLimit } = loadConfig({ RATE_LIMIT_USER: "2/60", ...env });
  const { lines, logger } = captureLogs();
  const prefix = uniquePrefix();
  const [a, b] = [0, 1].map(() => createRateLimiter({ ...rateLimit, logger, prefix })) as [
    ClosableRateLimiter,
    ClosableRateLimiter,
  ];
  open.push(a, b);
  return { kind: rateLimit.store.kind, a, b, lines };
}

describe("createRateLimiter picks the store from the configuration", () => {
  it.each([
    ["REDIS_URL", () => ({ REDIS_URL: redis.url }), "redis"],
    [
      "UPSTASH_REDIS_REST_URL and _TOKEN",
      () => ({ UPSTASH_REDIS_REST_URL: bridge.url, UPSTASH_REDIS_REST_TOKEN: TOKEN }),
      "upstash",
    ],
    [
      "both (Upstash wins)",
      () => ({
        REDIS_URL: "redis://127.0.0.1:1",
        UPSTASH_REDIS_REST_URL: bridge.url,
        UPSTASH_REDIS_REST_TOKEN: TOKEN,
      }),
      "upstash",
    ],
  ])("%s: instances share one count, with no warning", async (_, env, kind) => {
    await awayFromWindowEdge(60);
    const { kind: picked, a, b, lines } = twoInstances(env());
    expect(picked).toBe(kind);
    const allowed = [];
    for (const limiter of [a, b, a, b]) allowed.push((await limiter.check("user", "u1")).allowed);
    expect(allowed).toEqual([true, true, false, false]);
    expect(logged(lines, "warn", "")).toEqual([]);
  });

  it("neither: each instance counts on its own, and the warning is logged once per instance", async () => {
    await awayFromWindowEdge(60);
    const { kind, a, b, lines } = twoInstances({});
    expect(kind).toBe("memory");
    const allowed = [];
    for (const limiter of [a, b, a, b]) allowed.push((await limiter.check("user", "u1")).allowed);
    expect(allowed).toEqual([true, true, true, true]);
    expect((await a.check("user", "u1")).allowed).toBe(false);
    // Two limiters built, five checks made: one warning each, at construction.
    expect(logged(lines, "warn", MEMORY_WARNING)).toHaveLength(2);
    expect(logged(lines, "warn", "")).toHaveLength(2);
  });

  it("the in-memory limiter warns exactly once however many checks it makes", async () => {
    const { lines, logger } = captureLogs();
    const limiter = createRateLimiter({ ...loadConfig({}).rateLimit, logger });
    open.push(limiter);
    for (let i = 0; i < 10; i++) await limiter.check("ip", "203.0.113.9");
    expect(logged(lines, "warn", MEMORY_WARNING)).toHaveLength(1);
  });
});

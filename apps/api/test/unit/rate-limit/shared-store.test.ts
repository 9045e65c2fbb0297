import { startUpstashBridge, type UpstashBridge } from "@repo/upstash-bridge";
import { Redis as IoRedis } from "ioredis";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { rateLimitHeaders } from "../../../src/http/rate-limit-headers";
import {
  type ClosableRateLimiter,
  createRateLimiter,
  type RateLimitStore,
} from "../../../src/rate-limit/create-rate-limiter";
import { captureLogs } from "../../support/capture-logs";
import { awayFromWindowEdge, configuredRedis, logged, policies, uniquePrefix } from "./support";

// @upstash/ratelimit's real Lua scripts on a real Redis 7, reached both ways the API can be
// configured: REDIS_URL (ioredis adapter) and Upstash REST (@upstash/redis → the bridge).
let redis: Awaited<ReturnType<typeof configuredRedis>>;
let bridge: UpstashBridge;
const TOKEN = "test-bridge-token";

beforeAll(async () => {
  redis = await configuredRedis();
  bridge = await startUpstashBridge({ redisUrl: redis.url, token: TOKEN });
});
afterAll(async () => {
  await bridge?.close();
  await redis?.stop();
});

const stores: [string, () => RateLimitStore][] = [
  ["REDIS_URL", () => ({ kind: "redis", url: redis.url })],
  ["Upstash REST", () => ({ kind: "upstash", url: bridge.url, token: TOKEN })],
];

describe.each(stores)("the sliding-window limiter over %s", (_, store) => {
  const open: ClosableRateLimiter[] = [];
  const logs = captureLogs();
  const limiter = (rate: string, prefix = uniquePrefix()) => {
    const created = createRateLimiter({
      policies: policies(rate, rate),
      store: store(),
      logger: logs.logger,
      prefix,
    });
    open.push(created);
    return created;
  };
  afterEach(async () => {
    await Promise.all(open.splice(0).map((l) => l.close()));
    // Every check here reached the store: nothing was let through unchecked.
    expect(logged(logs.lines, "warn", "")).toEqual([]);
  });

  it("allows 3 requests of a 3/60 policy and refuses the 4th with r=0 and t in 1..60", async () => {
    await awayFromWindowEdge(60);
    const rl = limiter("3/60");
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await rl.check("user", "alice"));

    expect(results.map((r) => [r.allowed, r.remaining])).toEqual([
      [true, 2],
      [true, 1],
      [true, 0],
      [false, 0],
    ]);
    for (const { resetSeconds, policy } of results) {
      expect(Number.isInteger(resetSeconds)).toBe(true);
      expect(resetSeconds).toBeGreaterThanOrEqual(1);
      expect(resetSeconds).toBeLessThanOrEqual(60);
      expect(policy).toEqual({ name: "user", requests: 3, windowSeconds: 60 });
    }
    const refused = results[3];
    if (!refused) throw new Error("no fourth result");
    expect(rateLimitHeaders(refused)).toEqual({
      "RateLimit-Policy": '"user";q=3;w=60',
      RateLimit: `"user";r=0;t=${refused.resetSeconds}`,
    });
  });

  it("counts each key and each policy on its own", async () => {
    await awayFromWindowEdge(60);
    const rl = limiter("1/60");
    expect((await rl.check("user", "alice")).allowed).toBe(true);
    expect((await rl.check("user", "alice")).allowed).toBe(false);
    expect((await rl.check("user", "bob")).allowed).toBe(true);
    // The same string as an IP is another counter.
    expect((await rl.check("ip", "alice")).allowed).toBe(true);
  });

  it("shares one count between limiters built on the same store and prefix", async () => {
    await awayFromWindowEdge(60);
    const prefix = uniquePrefix();
    const [a, b] = [limiter("3/60", prefix), limiter("3/60", prefix)];
    const allowed = [];
    for (const rl of [a, b, a, b, a]) allowed.push((await rl.check("user", "alice")).allowed);
    expect(allowed).toEqual([true, true, true, false, false]);
  });

  it("keeps working after Redis forgets its scripts (NOSCRIPT, then EVAL again)", async () => {
    await awayFromWindowEdge(60);
    const rl = limiter("2/60");
    expect((await rl.check("user", "alice")).remaining).toBe(1);
    const admin = new IoRedis(redis.url);
    await admin.script("FLUSH");
    await admin.quit();
    expect((await rl.check("user", "alice")).remaining).toBe(0);
    expect((await rl.check("user", "alice")).allowed).toBe(false);
  });

  it("keeps its keys under the prefix, one set per policy, expiring", async () => {
    await awayFromWindowEdge(60);
    const prefix = uniquePrefix();
    const rl = limiter("5/60", prefix);
    await rl.check("user", "alice");
    await rl.check("ip", "203.0.113.9");
    const admin = new IoRedis(redis.url);
    const keys = (await admin.keys(`${prefix}:*`)).sort();
    const ttls = await Promise.all(keys.map((key) => admin.pttl(key)));
    await admin.quit();
    const window = Math.floor(Date.now() / 60_000);
    expect(keys).toEqual([`${prefix}:ip:203.0.113.9:${window}`, `${prefix}:user:alice:${window}`]);
    for (const ttl of ttls) expect(ttl).toBeGreaterThan(60_000);
  });
});

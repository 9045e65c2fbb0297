import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { NO_TRUSTED_PROXY, parseTrustedProxies, type TrustedProxies } from "@repo/client-address";
import { useTestDatabase } from "@repo/db/testing/vitest";
import { createLogger } from "@repo/logger";
import { collectLines } from "@repo/logger/testing";
import { createMailer } from "@repo/mail";
import { startRedisServer } from "@repo/upstash-bridge/redis-server";
import { afterAll, describe, expect, it } from "vitest";
import { redisRateLimitStorage } from "../../src/redis-rate-limit-storage";
import { CLIENT_ADDRESS_HEADER, createAuth, handleAuthRequest } from "../../src/server";
import { useSmtpSink } from "../support/auth-under-test";

const database = useTestDatabase();
const sink = useSmtpSink();
const BASE_URL = "http://localhost:3000";
const LIMIT = { max: 3, window: 60 };

/** One web instance: Better Auth on the shared database, behind handleAuthRequest. */
function handler({
  trustedProxies = NO_TRUSTED_PROXY,
  storage,
}: {
  trustedProxies?: TrustedProxies;
  storage?: ReturnType<typeof redisRateLimitStorage>;
} = {}) {
  const logger = createLogger({ level: "warn", destination: collectLines().destination });
  const auth = createAuth({
    db: database.current.db,
    secret: "x".repeat(40),
    baseURL: BASE_URL,
    logger,
    mailer: createMailer({ transport: "smtp", url: sink.current.url, from: "t@example.test" }),
    signInLimit: LIMIT,
    mailLimit: { max: 2, window: 60 },
    linkLimit: { max: 2, window: 60 },
    rateLimitEnabled: true,
    ...(storage ? { rateLimitStorage: storage } : {}),
  });
  return handleAuthRequest(auth, { logger, trustedProxies });
}

/** A failed sign-in (no such user) on one instance, with these headers; resolves with the status. */
function instance({
  trustedProxies = NO_TRUSTED_PROXY,
  storage,
}: {
  trustedProxies?: TrustedProxies;
  storage?: ReturnType<typeof redisRateLimitStorage>;
} = {}) {
  const handle = handler({ trustedProxies, ...(storage ? { storage } : {}) });
  /** A failed sign-in (no such user) with these headers; resolves with the status. */
  return async (headers: Record<string, string> = {}) => {
    const response = await handle(
      new Request(`${BASE_URL}/api/auth/sign-in/email`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: BASE_URL, ...headers },
        body: JSON.stringify({
          email: `${randomUUID()}@example.test`,
          password: "wrong-password-1",
        }),
      }),
    );
    await response.arrayBuffer();
    return response.status;
  };
}

describe("Better Auth's limits on the paths that send or use a mailed link", () => {
  const post = (path: string, body: object) => () =>
    new Request(`${BASE_URL}/api/auth${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: BASE_URL },
      body: JSON.stringify(body),
    });
  const get = (path: string) => () => new Request(`${BASE_URL}/api/auth${path}`);
  const email = () => ({ email: `${randomUUID()}@example.test` });

  it.each([
    ["POST /send-verification-email (mailLimit)", post("/send-verification-email", email()), 200],
    ["POST /request-password-reset (mailLimit)", post("/request-password-reset", email()), 200],
    ["GET /verify-email (linkLimit)", get("/verify-email?token=forged"), 401],
    [
      "POST /reset-password (linkLimit)",
      post("/reset-password", { token: "forged", newPassword: "a-new-long-password" }),
      400,
    ],
    ["GET /reset-password/{token} (linkLimit)", get("/reset-password/forged?callbackURL=/"), 302],
  ] as const)("%s: counted across instances in the database", async (_name, request, status) => {
    const [a, b] = [handler(), handler()];
    const statuses = [];
    for (const instance of [a, b, a]) {
      const response = await instance(request());
      await response.arrayBuffer();
      statuses.push(response.status);
    }
    expect(statuses).toEqual([status, status, 429]);
  });
});

const attempts = async (signIn: () => Promise<number>, count: number) => {
  const statuses: number[] = [];
  for (let i = 0; i < count; i++) statuses.push(await signIn());
  return statuses;
};

describe("Better Auth's sign-in limit", () => {
  it("is shared by every instance through the database, and ignores a client's own address headers", async () => {
    const a = instance();
    const b = instance();
    // No peer (no server of ours in this process) and no trusted proxy: one shared address,
    // whatever the client claims.
    const forged = () => ({
      "x-forwarded-for": `198.51.100.${Math.floor(Math.random() * 250)}`,
      [CLIENT_ADDRESS_HEADER]: `203.0.113.${Math.floor(Math.random() * 250)}`,
    });
    expect(await attempts(() => a(forged()), 2)).toEqual([401, 401]);
    expect(await attempts(() => b(forged()), 2)).toEqual([401, 429]);
    expect(await a(forged())).toBe(429);
  });

  it("counts per address the trusted proxy names, IPv6 per /64", async () => {
    const signIn = instance({ trustedProxies: parseTrustedProxies("1") });
    const from = (client: string) => () => signIn({ "x-forwarded-for": client });
    expect(await attempts(from("192.0.2.10"), 4)).toEqual([401, 401, 401, 429]);
    expect(await from("192.0.2.11")()).toBe(401);
    expect(await attempts(from("2001:db8:5:6::1"), 3)).toEqual([401, 401, 401]);
    expect(await from("2001:db8:5:6::2")()).toBe(429);
    expect(await from("2001:db8:5:7::1")()).toBe(401);
  });
});

describe("Better Auth's counters in Redis", () => {
  const servers: Awaited<ReturnType<typeof startRedisServer>>[] = [];
  afterAll(async () => {
    await Promise.all(servers.map((server) => server.stop()));
  });

  it("are shared by every instance, and fail open with one warning while Redis is away", async () => {
    const redis = await startRedisServer();
    servers.push(redis);
    const { destination, lines } = collectLines();
    const logger = createLogger({ level: "info", destination });
    const prefix = `test:ba:${randomUUID()}`;
    const storages = [0, 1].map(() => redisRateLimitStorage({ url: redis.url, logger, prefix }));
    const [a, b] = storages.map((storage) => instance({ storage })) as [
      ReturnType<typeof instance>,
      ReturnType<typeof instance>,
    ];
    expect(await attempts(a, 2)).toEqual([401, 401]);
    expect(await attempts(b, 2)).toEqual([401, 429]);

    await redis.stop();
    // Allowed (401: wrong password), not refused and not a 500, while Redis is down.
    expect(await attempts(a, 5)).toEqual([401, 401, 401, 401, 401]);
    const warnings = lines.filter((line) => line.includes('"level":"warn"'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain("Rate-limit store unavailable");
    for (const storage of storages) await storage.close();
  });

  it("refuse with the time left in the window", async () => {
    const redis = await startRedisServer();
    servers.push(redis);
    const storage = redisRateLimitStorage({
      url: redis.url,
      logger: createLogger({ level: "warn", destination: collectLines().destination }),
      prefix: `test:ba:${randomUUID()}`,
    });
    const rule = { max: 1, window: 2 };
    expect(await storage.consume("k", rule)).toEqual({ allowed: true, retryAfter: null });
    const refused = await storage.consume("k", rule);
    expect(refused.allowed).toBe(false);
    expect(refused.retryAfter).toBeGreaterThanOrEqual(1);
    expect(refused.retryAfter).toBeLessThanOrEqual(2);
    await sleep(2_100);
    expect(await storage.consume("k", rule)).toEqual({ allowed: true, retryAfter: null });
    await storage.close();
  });
});

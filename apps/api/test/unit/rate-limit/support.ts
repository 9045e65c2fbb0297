import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { startRedisServer } from "@repo/upstash-bridge/redis-server";
import type { Policies } from "../../../src/rate-limit/types";

/**
 * The Redis the suite is configured with (REDIS_URL: CI's server), else a `redis-server` of
 * the test's own. Tests use key prefixes of their own, so they can share one server.
 */
export async function configuredRedis(): Promise<{ url: string; stop(): Promise<void> }> {
  const url = process.env.REDIS_URL;
  if (url) return { url, stop: async () => {} };
  return startRedisServer();
}

/** A key prefix of the test's own, so tests sharing a Redis never count each other's requests. */
export const uniquePrefix = () => `test:rl:${randomUUID()}`;

export const policies = (user: string, ip = "30/60"): Policies => {
  const parse = (rate: string) => rate.split("/").map(Number) as [number, number];
  const [userRequests, userWindow] = parse(user);
  const [ipRequests, ipWindow] = parse(ip);
  return {
    user: { name: "user", requests: userRequests, windowSeconds: userWindow },
    ip: { name: "ip", requests: ipRequests, windowSeconds: ipWindow },
  };
};

/**
 * Waits out the last 2 s of a fixed window. The sliding window weighs the previous window's
 * count down as soon as a new one starts, so a test that counts exactly must not straddle
 * the boundary.
 */
export async function awayFromWindowEdge(windowSeconds: number) {
  const windowMs = windowSeconds * 1000;
  const left = windowMs - (Date.now() % windowMs);
  if (left < 2_000) await sleep(left + 20);
}

/** JSON log lines at a level whose message contains `text`. */
export const logged = (lines: string[], level: string, text: string) =>
  lines
    .map((line) => JSON.parse(line) as { level: string; msg?: string; [key: string]: unknown })
    .filter((line) => line.level === level && line.msg?.includes(text));

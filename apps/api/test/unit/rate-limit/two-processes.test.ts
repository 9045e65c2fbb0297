import { type ChildProcess, fork } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, expect, it } from "vitest";
import { awayFromWindowEdge, configuredRedis, uniquePrefix } from "./support";

// Two API instances are two OS processes with nothing in common but REDIS_URL.
const SCRIPT = fileURLToPath(new URL("./limiter-process.ts", import.meta.url));
const LIMIT = 5;
let redis: Awaited<ReturnType<typeof configuredRedis>>;
const children: ChildProcess[] = [];

async function startInstance(prefix: string): Promise<string> {
  const child = fork(SCRIPT, {
    execArgv: ["--import", "tsx"],
    env: {
      ...process.env,
      REDIS_URL: redis.url,
      RATE_LIMIT_USER: `${LIMIT}/60`,
      RATE_LIMIT_PREFIX: prefix,
    },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  children.push(child);
  const [message] = (await Promise.race([
    once(child, "message"),
    once(child, "exit").then(([code]) => {
      throw new Error(`limiter process exited with ${code}`);
    }),
  ])) as [{ port: number }];
  return `http://127.0.0.1:${message.port}`;
}

beforeAll(async () => {
  redis = await configuredRedis();
});
afterAll(async () => {
  await Promise.all(
    children.map(async (child) => {
      if (child.exitCode !== null) return;
      const exited = once(child, "exit");
      child.disconnect();
      await exited;
    }),
  );
  await redis?.stop();
});

it("two API processes on one REDIS_URL allow exactly N requests between them", async () => {
  const prefix = uniquePrefix();
  const instances = await Promise.all([startInstance(prefix), startInstance(prefix)]);
  await awayFromWindowEdge(60);

  // 3N requests at once, alternating between the instances.
  const results = await Promise.all(
    Array.from({ length: 3 * LIMIT }, async (_, i) => {
      const response = await fetch(`${instances[i % 2]}/check?policy=user&key=alice`);
      return (await response.json()) as { allowed: boolean; remaining: number; pid: number };
    }),
  );

  const allowed = results.filter((r) => r.allowed);
  expect(allowed).toHaveLength(LIMIT);
  // Each remaining count from 0 to N-1 was handed out once, whichever process asked.
  expect(allowed.map((r) => r.remaining).sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4]);
  // Both processes answered (the requests did not all land on one).
  expect(new Set(results.map((r) => r.pid)).size).toBe(2);
});

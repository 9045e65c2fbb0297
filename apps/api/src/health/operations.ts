import { sql } from "drizzle-orm";
import type { ApiDeps } from "../deps";
import { defineOperation } from "../http/operation";
import { json } from "../http/respond";
import { serviceUnavailable } from "../http/to-problem-response";

const READY_TIMEOUT_MS = 2_000;

// GET /api/health — liveness: the process answers; no dependency is touched
export const liveOperation = defineOperation({
  method: "GET",
  path: "/api/health",
  auth: "public",
  operationId: "getHealth",
  tag: "meta",
  summary: "Liveness",
  description: "The process answers; no dependency is touched.",
  response: { status: 200, description: "The process answers." },
  problems: [],
  handler: async () => json({ status: "ok" }),
});

async function answers(check: () => Promise<unknown>): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("timeout")), READY_TIMEOUT_MS);
  });
  try {
    await Promise.race([check(), deadline]);
    return true;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

type Readiness = "ok" | "degraded" | "unavailable";

// A shared rate-limit store is checked too, but its outage leaves the API ready ("degraded"):
// rate limiting fails open, so taking instances out of service would only cause an outage.
async function check(deps: ApiDeps): Promise<Readiness> {
  const { ping } = deps.rateLimiter;
  const [database, store] = await Promise.all([
    answers(() => deps.db.execute(sql`select 1`)),
    ping ? answers(ping) : undefined,
  ]);
  if (!database) return "unavailable";
  return store === false ? "degraded" : "ok";
}

// The route is public: each process checks at most once a second (concurrent requests share
// the check), so a flood of probes costs the database one query a second, not one each.
const READY_CACHE_MS = 1_000;
const checked = new WeakMap<object, { at: number; limiter: object; result: Promise<Readiness> }>();

function readinessOf(deps: ApiDeps): Promise<Readiness> {
  const now = performance.now();
  const last = checked.get(deps.db);
  if (last && last.limiter === deps.rateLimiter && now - last.at < READY_CACHE_MS)
    return last.result;
  const result = check(deps);
  checked.set(deps.db, { at: now, limiter: deps.rateLimiter, result });
  return result;
}

// It says no more than that: which dependency is down is for the logs and metrics, not for
// anyone who can reach a public route.
async function readiness(deps: ApiDeps): Promise<Response> {
  const status = await readinessOf(deps);
  if (status === "unavailable") throw serviceUnavailable("The service is not ready.");
  return json({ status });
}

// GET /api/health/ready — readiness: the database answers within a deadline
export const readyOperation = defineOperation({
  method: "GET",
  path: "/api/health/ready",
  auth: "public",
  operationId: "getReadiness",
  tag: "meta",
  summary: "Readiness",
  description:
    "Checks the database (and a shared rate-limit store), at most once a second per process: `ok`, or `degraded` while the rate-limit store is down (limits fail open, the API serves).",
  response: { status: 200, description: "Ready to serve." },
  problems: ["service-unavailable"],
  handler: ({ deps }) => readiness(deps),
});

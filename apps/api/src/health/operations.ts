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

// A shared rate-limit store is reported too, but its outage leaves the API ready ("degraded"):
// rate limiting fails open, so taking instances out of service would only cause an outage.
async function readiness(deps: ApiDeps): Promise<Response> {
  const { ping } = deps.rateLimiter;
  const [database, store] = await Promise.all([
    answers(() => deps.db.execute(sql`select 1`)),
    ping ? answers(ping) : undefined,
  ]);
  if (!database) throw serviceUnavailable("The database is not reachable.");
  const checks = {
    database: "ok",
    ...(store === undefined ? {} : { rateLimitStore: store ? "ok" : "down" }),
  };
  return json({ status: store === false ? "degraded" : "ok", checks });
}

// GET /api/health/ready — readiness: the database answers within a deadline
export const readyOperation = defineOperation({
  method: "GET",
  path: "/api/health/ready",
  auth: "public",
  operationId: "getReadiness",
  tag: "meta",
  summary: "Readiness",
  description: "Checks the database.",
  response: { status: 200, description: "Ready to serve." },
  problems: ["service-unavailable"],
  handler: ({ deps }) => readiness(deps),
});

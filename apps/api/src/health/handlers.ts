import { sql } from "drizzle-orm";
import { json } from "../http/respond";
import type { RequestContext } from "../http/route";
import { serviceUnavailable } from "../http/to-problem-response";

const READY_TIMEOUT_MS = 2_000;

// GET /api/health — liveness: the process answers; no dependency is touched
export async function liveHandler(): Promise<Response> {
  return json({ status: "ok" });
}

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

// GET /api/health/ready — readiness: the database answers within a deadline. A shared
// rate-limit store is reported too, but its outage leaves the API ready ("degraded"):
// rate limiting fails open, so taking instances out of service would only cause an outage.
export async function readyHandler({ deps }: RequestContext): Promise<Response> {
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

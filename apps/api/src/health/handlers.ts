import { sql } from "drizzle-orm";
import { ApiError } from "../http/problem";
import { json } from "../http/respond";
import type { RequestContext } from "../http/route";

const READY_TIMEOUT_MS = 2_000;

// GET /api/health — liveness: the process answers; no dependency is touched
export async function liveHandler(): Promise<Response> {
  return json({ status: "ok" });
}

// GET /api/health/ready — readiness: the database answers within a deadline
export async function readyHandler({ deps }: RequestContext): Promise<Response> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("timeout")), READY_TIMEOUT_MS);
  });
  try {
    await Promise.race([deps.db.execute(sql`select 1`), deadline]);
  } catch {
    throw new ApiError("service-unavailable", "The database is not reachable.", {
      headers: { "Retry-After": "5" },
    });
  } finally {
    clearTimeout(timer);
  }
  return json({ status: "ok", checks: { database: "ok" } });
}

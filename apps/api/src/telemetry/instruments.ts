import { type Counter, type Histogram, metrics, type Tracer, trace } from "@opentelemetry/api";
import type { PoolStats } from "@repo/db/client";

const SCOPE = "@repo/api";

/**
 * What the API records when telemetry is on. The hosts build it only then (deps.ts), so with
 * telemetry off the request path skips every span and measurement instead of calling no-ops.
 */
export interface ApiTelemetry {
  tracer: Tracer;
  /** `http.server.request.duration` (s) by route, method and status: its count is the request count. */
  requestDuration: Histogram;
  /** Requests refused by a rate-limit policy, by `policy`. */
  rateLimitRejections: Counter;
  /** Requests whose credentials were refused or could not be checked, by `reason`. */
  authFailures: Counter;
}

// Each pool gets its own name: under Next one process holds a few (instrumentation.ts, the
// route module and proxy.ts each build their dependencies), and observations of two pools under
// one name would overwrite each other instead of adding up.
const POOLS = Symbol.for("@repo/api.telemetry.pools");
function poolName(): string {
  const global = globalThis as typeof globalThis & { [POOLS]?: number };
  global[POOLS] = (global[POOLS] ?? 0) + 1;
  return global[POOLS] === 1 ? "api" : `api-${global[POOLS]}`;
}

// The HTTP semantic conventions' advice for http.server.request.duration.
const DURATION_BUCKETS = [
  0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10,
];

/**
 * The API's instruments from the global providers (the SDK must have started), and the
 * database pool's gauges: connections by state (`db.client.connection.count`, semantic
 * conventions) and queries waiting for one (`db.client.connection.pending_requests`), under
 * a pool name unique in the process (`api`, then `api-2`, …).
 */
export function createApiTelemetry(poolStats: () => PoolStats): ApiTelemetry {
  const meter = metrics.getMeter(SCOPE);
  const connections = meter.createObservableUpDownCounter("db.client.connection.count", {
    description: "Connections of the database pool, by state",
    unit: "{connection}",
  });
  const pending = meter.createObservableUpDownCounter("db.client.connection.pending_requests", {
    description: "Queries waiting for a connection of the database pool",
    unit: "{request}",
  });
  const pool = { "db.client.connection.pool.name": poolName() };
  meter.addBatchObservableCallback(
    (observer) => {
      const { total, idle, waiting } = poolStats();
      observer.observe(connections, total - idle, {
        ...pool,
        "db.client.connection.state": "used",
      });
      observer.observe(connections, idle, { ...pool, "db.client.connection.state": "idle" });
      observer.observe(pending, waiting, pool);
    },
    [connections, pending],
  );
  return {
    tracer: trace.getTracer(SCOPE),
    requestDuration: meter.createHistogram("http.server.request.duration", {
      description: "Duration of HTTP server requests",
      unit: "s",
      advice: { explicitBucketBoundaries: DURATION_BUCKETS },
    }),
    rateLimitRejections: meter.createCounter("todo_api.rate_limit.rejections", {
      description: "Requests refused by a rate-limit policy",
      unit: "{request}",
    }),
    authFailures: meter.createCounter("todo_api.auth.failures", {
      description: "Requests whose bearer token was missing, malformed, invalid or uncheckable",
      unit: "{request}",
    }),
  };
}
